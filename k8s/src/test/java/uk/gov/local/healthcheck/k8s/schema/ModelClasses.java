package uk.gov.local.healthcheck.k8s.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Kinds whose schema is a family of Java model classes: each manifest is bound by Jackson into the class of its kind,
 * as the classes' own annotations direct. Those classes do not fail on a field they do not declare: they keep it in
 * {@code additionalProperties} (so that a client round-trips what it does not know). Here any such field, at any
 * depth, is refused; so is a value Jackson cannot bind (a wrong type, an unknown {@code type} of a Strimzi
 * listener or storage).
 */
public final class ModelClasses implements KindSchemas {

    private static final String SERVICE_FILE = "META-INF/services/io.fabric8.kubernetes.api.model.KubernetesResource";

    private final String source;
    private final Map<String, Class<?>> classByKind;
    private final ObjectMapper mapper = JsonMapper.builder()
            // as the API server: "3" is no integer, and 3 or true is no text (a ConfigMap's value, say)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ModelClasses(String source, Map<String, Class<?>> classByKind) {
        this.source = source;
        this.classByKind = classByKind;
    }

    /** Kubernetes' own kinds: every resource class of fabric8's Kubernetes model, as its jars list them. */
    public static ModelClasses kubernetes() {
        Map<String, Class<?>> classes = new HashMap<>();
        ClassLoader loader = ModelClasses.class.getClassLoader();
        for (String name : listedResourceClasses(loader)) {
            try {
                Class<?> type = Class.forName(name, false, loader);
                if (HasMetadata.class.isAssignableFrom(type)) {
                    @SuppressWarnings("unchecked") Class<? extends HasMetadata> resource = (Class<? extends HasMetadata>) type;
                    classes.put(key(HasMetadata.getApiVersion(resource), HasMetadata.getKind(resource)), type);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("fabric8 lists " + name + " but it does not load", e);
            }
        }
        return new ModelClasses("fabric8 Kubernetes model " + mavenVersion("io.fabric8", "kubernetes-model-core"), classes);
    }

    /** Strimzi's kinds used here, from its API module (the classes its CRDs are generated from). */
    public static ModelClasses strimzi() {
        Map<String, Class<?>> classes = new HashMap<>();
        for (Class<? extends HasMetadata> type : List.of(Kafka.class, KafkaNodePool.class, KafkaTopic.class, KafkaUser.class)) {
            classes.put(key(HasMetadata.getApiVersion(type), HasMetadata.getKind(type)), type);
        }
        return new ModelClasses("Strimzi API " + mavenVersion("io.strimzi", "api"), classes);
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public boolean covers(String apiVersion, String kind) {
        return classByKind.containsKey(key(apiVersion, kind));
    }

    @Override
    public List<Refusal> check(List<Manifest> manifests) {
        List<Refusal> refusals = new ArrayList<>();
        for (Manifest manifest : manifests) {
            Class<?> type = classByKind.get(key(manifest.apiVersion(), manifest.kind()));
            try {
                Object bound = mapper.treeToValue(mapper.valueToTree(manifest.body()), type);
                walk(bound, "", manifest, refusals);
            } catch (JsonMappingException e) {
                refusals.add(new Refusal(manifest, FieldPath.of("", e.getPath()), e.getOriginalMessage()));
            } catch (JsonProcessingException e) {
                refusals.add(new Refusal(manifest, "", e.getOriginalMessage()));
            }
        }
        return refusals;
    }

    /** Every field kept in additionalProperties, with its path, at any depth of a bound object. */
    private void walk(Object value, String path, Manifest manifest, List<Refusal> refusals) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, FieldPath.item(path, i++), manifest, refusals);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, FieldPath.field(path, String.valueOf(k)), manifest, refusals));
            return;
        }
        if (!isModel(value.getClass())) {
            return;
        }
        additionalProperties(value).keySet()
                .forEach(k -> refusals.add(new Refusal(manifest, FieldPath.field(path, k), "unknown field (not in " + value.getClass().getSimpleName() + ")")));
        for (BeanPropertyDefinition property : properties(value.getClass())) {
            AnnotatedMember accessor = property.getAccessor();
            if (accessor != null && !property.getName().equals("additionalProperties")) {
                walk(accessor.getValue(value), FieldPath.field(path, property.getName()), manifest, refusals);
            }
        }
    }

    private List<BeanPropertyDefinition> properties(Class<?> type) {
        return mapper.getSerializationConfig().introspect(mapper.constructType(type)).findProperties();
    }

    private static boolean isModel(Class<?> type) {
        return !type.isEnum() && (type.getName().startsWith("io.fabric8.") || type.getName().startsWith("io.strimzi."));
    }

    private static Map<String, ?> additionalProperties(Object model) {
        try {
            Object map = model.getClass().getMethod("getAdditionalProperties").invoke(model);
            @SuppressWarnings("unchecked") Map<String, ?> fields = map instanceof Map<?, ?> ? (Map<String, ?>) map : Map.of();
            return fields;
        } catch (NoSuchMethodException e) {
            return Collections.emptyMap(); // a class without the catch-all: Jackson has refused unknown fields already
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }



    private static String key(String apiVersion, String kind) {
        return apiVersion + " " + kind;
    }

    /** The version a jar on the test class path was built as (its Maven pom.properties). */
    private static String mavenVersion(String groupId, String artifactId) {
        String resource = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = ModelClasses.class.getClassLoader().getResourceAsStream(resource)) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "(version unknown)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> listedResourceClasses(ClassLoader loader) {
        try {
            List<String> names = new ArrayList<>();
            for (URL file : Collections.list(loader.getResources(SERVICE_FILE))) {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(file.openStream(), StandardCharsets.UTF_8))) {
                    reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(names::add);
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
