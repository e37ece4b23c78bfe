package uk.gov.local.healthcheck.k8s.schema;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.keycloak.representations.idm.RealmRepresentation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kinds of operators that publish no schema package (CloudNativePG, the Keycloak Operator): their manifests are held
 * to a list, written down in this module's test resources per API version (documented-fields/), of the fields they
 * may use, each with its type, taken from the operator's API reference for that version (the links are in each
 * list). A field at a path the list does not have, or of another type, is refused.
 */
public final class DocumentedFields implements KindSchemas {

    /** The API versions with a list, each in documented-fields/{group}_{version}.fields. */
    private static final List<String> API_VERSIONS = List.of("postgresql.cnpg.io/v1", "k8s.keycloak.org/v2alpha1");
    private static final String EVERY_KIND = "*";

    /** apiVersion, then kind (or *), then path (list items as []) to type. */
    private final Map<String, Map<String, Map<String, FieldType>>> fields;
    /** Keycloak's own realm representation refuses what it does not know (FAIL_ON_UNKNOWN_PROPERTIES). */
    private final ObjectMapper realms = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private DocumentedFields(Map<String, Map<String, Map<String, FieldType>>> fields) {
        this.fields = fields;
    }

    public static DocumentedFields fromTestResources() {
        Map<String, Map<String, Map<String, FieldType>>> fields = new LinkedHashMap<>();
        for (String apiVersion : API_VERSIONS) {
            fields.put(apiVersion, read("documented-fields/" + apiVersion.replace('/', '_') + ".fields"));
        }
        return new DocumentedFields(fields);
    }

    @Override
    public String source() {
        return "the fields written down in documented-fields/ for " + String.join(", ", API_VERSIONS);
    }

    @Override
    public boolean covers(String apiVersion, String kind) {
        return fields.containsKey(apiVersion) && fields.get(apiVersion).containsKey(kind);
    }

    @Override
    public List<Refusal> check(List<Manifest> manifests) {
        List<Refusal> refusals = new ArrayList<>();
        for (Manifest manifest : manifests) {
            Map<String, FieldType> allowed = new LinkedHashMap<>(fields.get(manifest.apiVersion()).getOrDefault(EVERY_KIND, Map.of()));
            allowed.putAll(fields.get(manifest.apiVersion()).get(manifest.kind()));
            walk(manifest.body(), "", "", allowed, manifest, refusals);
        }
        return refusals;
    }

    /** @param shown the path as a reader finds it (with indices); @param pattern the same as the list writes it ([]) */
    private void walk(Object value, String shown, String pattern, Map<String, FieldType> allowed, Manifest manifest, List<Refusal> refusals) {
        FieldType type = allowed.get(pattern);
        if (type != null) {
            String problem = type.problem(value);
            Refusal refusal = problem != null ? new Refusal(manifest, shown, problem)
                    : type == FieldType.KEYCLOAK_REALM ? realmRefusal(value, shown, manifest) : null;
            if (refusal != null) {
                refusals.add(refusal);
            }
        } else if (value instanceof Map<?, ?> map && (pattern.isEmpty() || hasBelow(allowed, pattern + "."))) {
            map.forEach((k, v) -> walk(v, FieldPath.field(shown, String.valueOf(k)), FieldPath.field(pattern, String.valueOf(k)), allowed, manifest, refusals));
        } else if (value instanceof List<?> list && (allowed.containsKey(pattern + "[]") || hasBelow(allowed, pattern + "[]."))) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), FieldPath.item(shown, i), pattern + "[]", allowed, manifest, refusals);
            }
        } else if (hasBelow(allowed, pattern + ".") || hasBelow(allowed, pattern + "[]")) {
            refusals.add(new Refusal(manifest, shown, "must be " + (hasBelow(allowed, pattern + "[]") ? "a list" : "an object")));
        } else {
            refusals.add(new Refusal(manifest, shown, "unknown field (not in the documented fields of " + manifest.apiVersion() + " " + manifest.kind() + ")"));
        }
    }

    private Refusal realmRefusal(Object value, String shown, Manifest manifest) {
        try {
            realms.convertValue(value, RealmRepresentation.class);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getCause() instanceof JsonMappingException mapping
                    ? new Refusal(manifest, FieldPath.of(shown, mapping.getPath()), "Keycloak's RealmRepresentation refuses it: " + mapping.getOriginalMessage())
                    : new Refusal(manifest, shown, e.getMessage());
        }
    }

    private static boolean hasBelow(Map<String, FieldType> allowed, String prefix) {
        return allowed.keySet().stream().anyMatch(p -> p.startsWith(prefix));
    }


    /** Lines "kind path type"; # starts a comment. */
    private static Map<String, Map<String, FieldType>> read(String resource) {
        Map<String, Map<String, FieldType>> byKind = new LinkedHashMap<>();
        try (InputStream in = DocumentedFields.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + resource);
            }
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
            for (String line : lines) {
                String content = line.replaceFirst("#.*", "").strip();
                if (content.isEmpty()) {
                    continue;
                }
                String[] parts = content.split("\\s+");
                if (parts.length != 3) {
                    throw new IllegalStateException(resource + ": not 'kind path type': " + line);
                }
                byKind.computeIfAbsent(parts[0], k -> new LinkedHashMap<>()).put(parts[1], FieldType.named(parts[2], resource));
            }
            return byKind;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The types a documented field may have. */
    enum FieldType {
        STRING, INTEGER, BOOLEAN,
        /** a Kubernetes quantity: 2Gi, 500m, "1", or a plain integer */
        QUANTITY,
        /** any keys, each value a string (labels, PostgreSQL parameters) */
        STRING_MAP,
        /** any keys, each value a quantity (resource requests and limits) */
        QUANTITY_MAP,
        /** Keycloak's RealmRepresentation (the KeycloakRealmImport's realm), bound with unknown fields refused */
        KEYCLOAK_REALM;

        static FieldType named(String name, String resource) {
            try {
                return valueOf(name.toUpperCase().replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(resource + ": no field type " + name);
            }
        }

        /** Why the value is not of this type, or null. */
        String problem(Object value) {
            boolean fits = switch (this) {
                case STRING -> value instanceof String;
                case INTEGER -> value instanceof Integer || value instanceof Long;
                case BOOLEAN -> value instanceof Boolean;
                case QUANTITY -> isQuantity(value);
                case STRING_MAP -> value instanceof Map<?, ?> map && map.values().stream().allMatch(v -> v instanceof String);
                case QUANTITY_MAP -> value instanceof Map<?, ?> map && map.values().stream().allMatch(FieldType::isQuantity);
                case KEYCLOAK_REALM -> value instanceof Map<?, ?>;
            };
            return fits ? null : "must be " + name().toLowerCase().replace('_', '-') + ", is " + value;
        }

        private static boolean isQuantity(Object value) {
            return value instanceof Integer || value instanceof Long
                    || value instanceof String s && s.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+|[KMGTPE]i?|[numk])?");
        }
    }
}
