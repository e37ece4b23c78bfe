package uk.gov.local.healthcheck.k8s.schema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every manifest against the schema of its kind: each kind goes to the one family of schemas that covers it, and a
 * kind that none covers is refused, so that a new kind cannot pass unchecked.
 */
public final class ManifestSchemas {

    private final List<KindSchemas> families;

    public ManifestSchemas(List<KindSchemas> families) {
        this.families = List.copyOf(families);
    }

    /** The four families (README.md, "Checked offline"), the npm packages from the build's target/npm. */
    public static ManifestSchemas fromTheBuild() {
        return new ManifestSchemas(List.of(ModelClasses.kubernetes(), ModelClasses.strimzi(),
                new NpmModels(Path.of("target", "npm")), DocumentedFields.fromTestResources()));
    }

    public List<Refusal> check(List<Manifest> manifests) {
        Map<KindSchemas, List<Manifest>> byFamily = new LinkedHashMap<>();
        List<Refusal> refusals = new ArrayList<>();
        for (Manifest manifest : manifests) {
            List<KindSchemas> covering = families.stream().filter(f -> f.covers(manifest.apiVersion(), manifest.kind())).toList();
            if (covering.size() != 1) {
                refusals.add(new Refusal(manifest, "", covering.isEmpty()
                        ? "no schema for this kind: add it to a family of k8s/src/test/java/.../schema (README.md, Checked offline)"
                        : "more than one schema for this kind: " + covering.stream().map(KindSchemas::source).toList()));
                continue;
            }
            byFamily.computeIfAbsent(covering.get(0), f -> new ArrayList<>()).add(manifest);
        }
        byFamily.forEach((family, theirs) -> refusals.addAll(family.check(theirs)));
        return refusals;
    }

    /** Which family validates which kinds, for the test's report. */
    public Map<String, List<String>> coverage(List<Manifest> manifests) {
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        for (Manifest manifest : manifests) {
            families.stream().filter(f -> f.covers(manifest.apiVersion(), manifest.kind())).findFirst().ifPresent(f -> {
                List<String> list = kinds.computeIfAbsent(f.source(), s -> new ArrayList<>());
                String kind = manifest.apiVersion() + " " + manifest.kind();
                if (!list.contains(kind)) {
                    list.add(kind);
                }
            });
        }
        return kinds;
    }
}
