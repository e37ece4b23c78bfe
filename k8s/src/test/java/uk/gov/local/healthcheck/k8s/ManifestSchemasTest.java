package uk.gov.local.healthcheck.k8s;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.local.healthcheck.k8s.schema.Manifest;
import uk.gov.local.healthcheck.k8s.schema.ManifestSchemas;
import uk.gov.local.healthcheck.k8s.schema.Refusal;
import uk.gov.local.healthcheck.k8s.schema.SourceFiles;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every rendered manifest of both overlays is valid against the schema of its kind, with unknown fields refused at any
 * depth (README.md, "Checked offline"); and the check can fail: a field slipped into a copy of a rendered manifest,
 * deep down, is refused for each family of schemas, as is a value of the wrong type, and a kind with no schema.
 */
class ManifestSchemasTest {

    private static ManifestSchemas schemas;
    private static Overlay production;

    @BeforeAll
    static void schemasAndTheProductionOverlay() throws Exception {
        schemas = ManifestSchemas.fromTheBuild();
        production = Overlay.render("production");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyManifestIsValidAgainstTheSchemaOfItsKind(String name) throws Exception {
        List<Manifest> manifests = manifests(Overlay.render(name));
        List<String> refusals = schemas.check(manifests).stream().map(Refusal::toString).toList();
        assertTrue(refusals.isEmpty(), "overlays/" + name + " has manifests their kinds' schemas refuse:\n" + String.join("\n", refusals));
        schemas.coverage(manifests).forEach((source, kinds) -> System.out.println(name + ": " + source + " validated " + kinds));
    }

    /** One unknown field, deep in a copy of a rendered manifest, per family of schemas. */
    @ParameterizedTest(name = "{0} {1}: {2}.{3}")
    @CsvSource({
            // Kubernetes' own kinds (fabric8's model)
            "Deployment, survey-service, spec.template.spec.containers[0].readinessProbe.httpGet, paht",
            "NetworkPolicy, default-deny, spec.podSelector, matchLabel",
            // Strimzi's kinds (Strimzi's API), down into a fabric8 class inside a Strimzi one
            "Kafka, healthcheck-kafka, spec.kafka.listeners[0].networkPolicyPeers[0].podSelector, matchLabel",
            "KafkaUser, survey-service, spec.authorization.acls[0].resource, patternTyp",
            // KEDA and cert-manager (the npm packages' schemas)
            "ScaledObject, metrics-service, spec.triggers[0].authenticationRef, nam",
            "Certificate, healthcheck, spec.issuerRef, kindd",
            // CloudNativePG and the Keycloak Operator (the documented fields), and the realm (Keycloak's own class)
            "Cluster, healthcheck-postgres, spec.managed.roles[0].passwordSecret, nam",
            "Keycloak, healthcheck-keycloak, spec.db, passwordSecrett",
            "KeycloakRealmImport, healthcheck, spec.realm.clients[0], redirectUri",
    })
    void anUnknownFieldAtDepthIsRefusedNamingTheManifestAndThePath(String kind, String name, String at, String field) {
        Manifest broken = withValue(kind, name, at, field, "x");
        List<Refusal> refusals = schemas.check(List.of(broken));
        String path = at + "." + field;
        assertTrue(refusals.stream().anyMatch(r -> r.manifest() == broken && r.toString().contains(path)),
                kind + " " + name + " with " + path + " was not refused for it: " + refusals);
        assertTrue(refusals.get(0).toString().startsWith("overlays/production: " + kind + " " + name + " ("), refusals.get(0).toString());
        assertTrue(refusals.get(0).toString().contains("k8s/base/"), "names no file of k8s/base: " + refusals.get(0));
    }

    /** A known field with a value of the wrong type (a number where text belongs, text where a number does), per family. */
    @ParameterizedTest(name = "{0} {1}: {2}.{3} = {4}")
    @CsvSource({
            "Deployment, survey-service, spec, revisionHistoryLimit, text 5",
            "ConfigMap, survey-service, data, SURVEY_PORT, number 8080",
            "KafkaTopic, survey-submissions-v1, spec, partitions, text 6",
            "ScaledObject, metrics-service, spec, maxReplicaCount, text 6",
            "Cluster, healthcheck-postgres, spec, instances, text 3",
            "KeycloakRealmImport, healthcheck, spec.realm, accessTokenLifespan, text five minutes",
    })
    void aValueOfTheWrongTypeIsRefused(String kind, String name, String at, String field, String value) {
        Object typed = value.startsWith("number ") ? (Object) Integer.valueOf(value.substring(7)) : value.substring("text ".length());
        Manifest broken = withValue(kind, name, at, field, typed);
        List<Refusal> refusals = schemas.check(List.of(broken));
        assertTrue(refusals.stream().anyMatch(r -> r.path().equals(at + "." + field)),
                kind + " " + name + " with " + at + "." + field + ": " + value + " was not refused for it: " + refusals);
    }

    @Test
    void aKindWithNoSchemaIsRefused() {
        Manifest unknown = new Manifest("production", List.of(), Map.of("apiVersion", "example.gov.uk/v1", "kind", "Widget",
                "metadata", Map.of("name", "w"), "spec", Map.of()));
        List<Refusal> refusals = schemas.check(List.of(unknown));
        assertEquals(1, refusals.size(), refusals.toString());
        assertTrue(refusals.get(0).reason().startsWith("no schema for this kind"), refusals.toString());
    }

    private static List<Manifest> manifests(Overlay overlay) {
        SourceFiles files = SourceFiles.of(Path.of("."), overlay.name());
        return overlay.resources().stream().map(r -> new Manifest(overlay.name(),
                files.of((String) r.get("kind"), (String) Overlay.at(r, "metadata", "name")), r)).toList();
    }

    /** A copy of a rendered production manifest with value put at the dotted path (with [i] for list items). */
    private static Manifest withValue(String kind, String name, String at, String field, Object value) {
        Map<String, Object> copy = new ObjectMapper().convertValue(production.find(kind, name)
                .orElseThrow(() -> new AssertionError("production renders no " + kind + " " + name)), new TypeReference<>() { });
        Object node = copy;
        for (String step : at.split("\\.")) {
            String key = step.replaceFirst("\\[\\d+]$", "");
            node = ((Map<?, ?>) node).get(key);
            if (step.endsWith("]")) {
                node = ((List<?>) node).get(Integer.parseInt(step.replaceFirst(".*\\[(\\d+)]$", "$1")));
            }
            if (node == null) {
                throw new AssertionError(kind + " " + name + " has no " + step + " in " + at);
            }
        }
        @SuppressWarnings("unchecked") Map<String, Object> target = (Map<String, Object>) node;
        target.put(field, value);
        return new Manifest("production", SourceFiles.of(Path.of("."), "production").of(kind, name), copy);
    }
}
