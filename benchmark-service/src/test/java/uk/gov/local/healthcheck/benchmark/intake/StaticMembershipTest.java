package uk.gov.local.healthcheck.benchmark.intake;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.benchmark.support.WithKafkaAndPostgres;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * With HEALTHCHECK_INSTANCE_ID set, the intake consumer is a static member of group benchmark-service under that id
 * (so a replica restarted after kill -9 gets its partitions back at once), as the broker itself reports.
 */
@QuarkusTest
@TestProfile(StaticMembershipTest.Named.class)
@WithKafkaAndPostgres
class StaticMembershipTest {

    public static class Named implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("healthcheck.instance-id", "benchmark-service-it-1");
        }
    }

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Test
    void theConsumerJoinsAsAStaticMemberUnderTheInstanceId() throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (given().get("/q/health/ready").statusCode() != 200) {
            if (Instant.now().isAfter(deadline)) {
                fail("not ready: " + given().get("/q/health/ready").asString());
            }
            Thread.sleep(250);
        }
        ConsumerGroupDescription group = companion.consumerGroups().describe("benchmark-service");
        List<Optional<String>> ids = group.members().stream().map(MemberDescription::groupInstanceId).toList();
        assertEquals(List.of(Optional.of("benchmark-service-it-1")), ids, group.toString());
        assertEquals(6, group.members().iterator().next().assignment().topicPartitions().size());
    }
}
