package uk.gov.local.healthcheck.k8s;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** One overlay as {@code kubectl kustomize} renders it (offline: no cluster is asked), as plain maps. */
record Overlay(String name, List<Map<String, Object>> resources) {

    /** kubectl from Debian's package {@code kubectl}; KUBECTL overrides. */
    private static final String KUBECTL = System.getenv().getOrDefault("KUBECTL", "kubectl");

    static Overlay render(String name) throws IOException, InterruptedException {
        Process kubectl;
        try {
            kubectl = new ProcessBuilder(KUBECTL, "kustomize", "overlays/" + name).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("kubectl is needed to render the overlays (Debian: apt-get install kubectl; or set KUBECTL): " + e.getMessage());
        }
        String out = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!kubectl.waitFor(2, TimeUnit.MINUTES) || kubectl.exitValue() != 0) {
            throw new AssertionError("kubectl kustomize overlays/" + name + " failed:\n" + out);
        }
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Object document : new Yaml(new LoaderOptions()).loadAll(out)) {
            if (document instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked") Map<String, Object> resource = (Map<String, Object>) map;
                resources.add(resource);
            }
        }
        return new Overlay(name, resources);
    }

    List<Map<String, Object>> ofKind(String kind) {
        return resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).stream().filter(r -> name.equals(Overlay.at(r, "metadata", "name"))).findFirst();
    }

    /** The value at a path of nested maps, or null. */
    static Object at(Object node, String... path) {
        Object here = node;
        for (String key : path) {
            if (!(here instanceof Map<?, ?> map)) {
                return null;
            }
            here = map.get(key);
        }
        return here;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object node) {
        return node instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }
}
