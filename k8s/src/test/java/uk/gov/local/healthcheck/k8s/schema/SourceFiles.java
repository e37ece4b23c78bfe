package uk.gov.local.healthcheck.k8s.schema;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Which files of k8s/ declare or patch a rendered resource (by kind and name), so that a refusal can name the file
 * to change: kustomize's output no longer says where each resource came from.
 */
public final class SourceFiles {

    private final Map<String, List<String>> filesByResource;

    private SourceFiles(Map<String, List<String>> filesByResource) {
        this.filesByResource = filesByResource;
    }

    /** The YAML and JSON files of base/ and of the overlay's own folder, under the module's folder. */
    public static SourceFiles of(Path module, String overlay) {
        Map<String, List<String>> files = new TreeMap<>();
        for (Path folder : List.of(module.resolve("base"), module.resolve("overlays").resolve(overlay))) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path file : paths.filter(SourceFiles::isManifestFile).sorted().toList()) {
                    for (Object document : new Yaml(new LoaderOptions()).loadAll(Files.readString(file))) {
                        if (document instanceof Map<?, ?> resource && resource.get("metadata") instanceof Map<?, ?> metadata) {
                            files.computeIfAbsent(key(String.valueOf(resource.get("kind")), String.valueOf(metadata.get("name"))),
                                    k -> new ArrayList<>()).add("k8s/" + module.relativize(file));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new SourceFiles(files);
    }

    public List<String> of(String kind, String name) {
        return filesByResource.getOrDefault(key(kind, name), List.of());
    }

    private static boolean isManifestFile(Path file) {
        String name = file.getFileName().toString();
        return (name.endsWith(".yaml") || name.endsWith(".json")) && !name.equals("kustomization.yaml");
    }

    private static String key(String kind, String name) {
        return kind + " " + name;
    }
}
