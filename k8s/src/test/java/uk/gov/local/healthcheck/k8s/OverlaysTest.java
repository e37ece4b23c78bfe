package uk.gov.local.healthcheck.k8s;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.local.healthcheck.k8s.Overlay.at;
import static uk.gov.local.healthcheck.k8s.Overlay.list;

/**
 * Each overlay renders, carries the whole platform on its operators, and gives every service exactly the environment
 * it reads: a variable a ConfigMap or a container sets that the service's application.properties does not read is a
 * typo or a leftover (it would be silently ignored), and a variable it reads without a default must be set.
 */
class OverlaysTest {

    /** Deployments and the module whose application.properties each runs. */
    private static final Map<String, String> SERVICES = Map.of("survey-service", "survey-service",
            "metrics-service", "metrics-service", "benchmark-service", "benchmark-service", "portal", "portal");
    /** Read by the JVM itself, not by a service's configuration. */
    private static final Set<String> JVM = Set.of("JAVA_TOOL_OPTIONS");
    /**
     * Names Quarkus maps to properties it reads by its own rules (QUARKUS_x to quarkus.x; KAFKA_x to the kafka.x
     * settings every Kafka client of a service starts from), so they need no ${...} in application.properties.
     */
    private static final Pattern STANDARD_MAPPING = Pattern.compile("(QUARKUS|KAFKA)_[A-Z0-9_]+");
    private static final Pattern READ = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:?)");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void theWholePlatformIsThereOnItsOperators(String name) throws Exception {
        Overlay overlay = Overlay.render(name);
        for (String kind : List.of("Namespace", "Deployment", "Service", "Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser",
                "Cluster", "Database", "Keycloak", "KeycloakRealmImport", "HorizontalPodAutoscaler", "ScaledObject",
                "PodDisruptionBudget", "NetworkPolicy", "Ingress", "Certificate")) {
            assertFalse(overlay.ofKind(kind).isEmpty(), name + " renders no " + kind);
        }
        for (String deployment : SERVICES.keySet()) {
            assertTrue(overlay.find("Deployment", deployment).isPresent(), name + " has no Deployment " + deployment);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyServiceGetsTheEnvironmentItReadsAndNothingElse(String name) throws Exception {
        Overlay overlay = Overlay.render(name);
        for (var service : SERVICES.entrySet()) {
            Map<String, Object> deployment = overlay.find("Deployment", service.getKey()).orElseThrow();
            Set<String> given = given(overlay, deployment);
            String properties = Files.readString(Path.of("..", service.getValue(), "src/main/resources/application.properties"));
            Set<String> read = new TreeSet<>();
            Set<String> required = new TreeSet<>();
            Matcher m = READ.matcher(properties);
            while (m.find()) {
                read.add(m.group(1));
                if (m.group(2).isEmpty()) {
                    required.add(m.group(1));
                }
            }
            Set<String> unread = new TreeSet<>(given);
            unread.removeIf(v -> read.contains(v) || JVM.contains(v) || STANDARD_MAPPING.matcher(v).matches());
            assertEquals(Set.of(), unread, name + ": " + service.getKey() + " is given variables its application.properties does not read");
            Set<String> missing = new TreeSet<>(required);
            missing.removeAll(given);
            assertEquals(Set.of(), missing, name + ": " + service.getKey() + " reads variables without a default that nothing sets");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"production"})
    void theEventTopicsKeepEveryEventOnThreeBrokersAndScalingStopsAtTheirPartitions(String name) throws Exception {
        Overlay overlay = Overlay.render(name);
        for (String topic : List.of("survey.submissions.v1", "metrics.indicators.v1")) {
            Map<String, Object> resource = overlay.ofKind("KafkaTopic").stream()
                    .filter(t -> topic.equals(at(t, "spec", "topicName")) || topic.equals(at(t, "metadata", "name")))
                    .findFirst().orElseThrow(() -> new AssertionError("no KafkaTopic " + topic));
            assertTrue(((Number) at(resource, "spec", "partitions")).intValue() >= 6, topic + " partitions");
            assertEquals(3, ((Number) at(resource, "spec", "replicas")).intValue(), topic + " replicas");
            assertEquals("2", String.valueOf(at(resource, "spec", "config", "min.insync.replicas")), topic + " min.insync.replicas");
            assertEquals("-1", String.valueOf(at(resource, "spec", "config", "retention.ms")), topic + " retention.ms");
            for (Map<String, Object> scaled : overlay.ofKind("ScaledObject")) {
                for (Map<String, Object> trigger : list(at(scaled, "spec", "triggers"))) {
                    if (topic.equals(at(trigger, "metadata", "topic"))) {
                        int max = ((Number) at(scaled, "spec", "maxReplicaCount")).intValue();
                        assertTrue(max <= ((Number) at(resource, "spec", "partitions")).intValue(),
                                at(scaled, "metadata", "name") + " may scale past " + topic + "'s partitions");
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void theRealmImportCarriesNoPersonAndNoSecret(String name) throws Exception {
        Overlay overlay = Overlay.render(name);
        Map<String, Object> realm = (Map<String, Object>) at(overlay.ofKind("KeycloakRealmImport").get(0), "spec", "realm");
        assertFalse(realm == null || realm.isEmpty(), "the realm import has no realm");
        for (Map<String, Object> user : list(realm.get("users"))) {
            assertTrue(user.get("serviceAccountClientId") != null && !user.containsKey("credentials"),
                    "user " + user.get("username") + " is a person or has credentials");
        }
        for (Map<String, Object> client : list(realm.get("clients"))) {
            assertFalse(client.containsKey("secret"), "client " + client.get("clientId") + " has a secret");
        }
    }

    /** The variables a Deployment's first container gets: its env, and the keys of the ConfigMaps it takes whole. */
    private static Set<String> given(Overlay overlay, Map<String, Object> deployment) throws IOException {
        Map<String, Object> container = list(at(deployment, "spec", "template", "spec", "containers")).get(0);
        Set<String> names = new TreeSet<>();
        list(container.get("env")).forEach(e -> names.add((String) e.get("name")));
        for (Map<String, Object> from : list(container.get("envFrom"))) {
            Object configMap = at(from, "configMapRef", "name");
            if (configMap != null) {
                Map<String, Object> data = (Map<String, Object>) at(overlay.find("ConfigMap", (String) configMap)
                        .orElseThrow(() -> new AssertionError("no ConfigMap " + configMap)), "data");
                names.addAll(data.keySet());
            }
        }
        return names;
    }
}
