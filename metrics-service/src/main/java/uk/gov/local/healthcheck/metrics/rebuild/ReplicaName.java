package uk.gov.local.healthcheck.metrics.rebuild;

import java.util.Optional;

/** The name a replica's rebuilds are recorded under, so that a failure can say which replica ran it. Pure. */
final class ReplicaName {

    private ReplicaName() {
    }

    /** {@code healthcheck.instance-id} when set (stable per replica), otherwise process id at host name. */
    static String of(Optional<String> instanceId, String hostName, long pid) {
        return instanceId.map(String::strip).filter(s -> !s.isEmpty()).orElse(pid + "@" + hostName);
    }
}
