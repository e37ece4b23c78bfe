package uk.gov.local.healthcheck.k8s.schema;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * KEDA's and cert-manager's kinds, against the schemas of the npm packages {@code @kubernetes-models/keda} and
 * {@code @kubernetes-models/cert-manager}, which the build installs into target/npm (pom.xml). The packages ship
 * their CRDs' schemas compiled into validator functions (ajv), not as JSON schema files, so node runs them, through
 * validate.mjs, which also refuses the fields those schemas do not declare.
 */
public final class NpmModels implements KindSchemas {

    /** node from the PATH; NODE overrides. */
    private static final String NODE = System.getenv().getOrDefault("NODE", "node");
    /** The package that models each API group. */
    private static final Map<String, String> PACKAGE_BY_GROUP = Map.of(
            "keda.sh", "@kubernetes-models/keda",
            "cert-manager.io", "@kubernetes-models/cert-manager");

    private final Path directory;
    private final ObjectMapper json = new ObjectMapper();

    /** @param directory where package.json, validate.mjs and node_modules are (target/npm) */
    public NpmModels(Path directory) {
        if (!Files.isDirectory(directory.resolve("node_modules/@kubernetes-models"))) {
            // else every KEDA and cert-manager kind would be refused as having no schema, which would mislead
            throw new AssertionError("the npm packages are not in " + directory + ": the build installs them (process-test-resources)");
        }
        this.directory = directory;
    }

    @Override
    public String source() {
        return "npm " + String.join(", ", PACKAGE_BY_GROUP.values().stream().sorted().map(this::installedVersion).toList());
    }

    @Override
    public boolean covers(String apiVersion, String kind) {
        return modelFile(apiVersion, kind) != null && Files.isRegularFile(modelFile(apiVersion, kind));
    }

    @Override
    public List<Refusal> check(List<Manifest> manifests) {
        if (manifests.isEmpty()) {
            return List.of();
        }
        List<Map<String, Object>> requests = manifests.stream().map(m -> Map.of(
                "module", PACKAGE_BY_GROUP.get(group(m.apiVersion())) + "/" + m.apiVersion() + "/" + m.kind(),
                "kind", m.kind(),
                "manifest", (Object) m.body())).toList();
        List<List<Map<String, String>>> answers = run(requests);
        List<Refusal> refusals = new ArrayList<>();
        for (int i = 0; i < manifests.size(); i++) {
            for (Map<String, String> problem : answers.get(i)) {
                refusals.add(new Refusal(manifests.get(i), problem.get("path"), problem.get("reason")));
            }
        }
        return refusals;
    }

    private List<List<Map<String, String>>> run(List<Map<String, Object>> requests) {
        Path script = directory.resolve("validate.mjs");
        try {
            Process node;
            try {
                node = new ProcessBuilder(NODE, script.getFileName().toString()).directory(directory.toFile())
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            } catch (IOException e) {
                throw new AssertionError("node is needed to run the npm packages' validators (or set NODE): " + e.getMessage());
            }
            try (OutputStream in = node.getOutputStream()) {
                json.writeValue(in, requests);
            }
            String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!node.waitFor(2, TimeUnit.MINUTES) || node.exitValue() != 0) {
                throw new AssertionError("node validate.mjs failed (see its error output above): " + out);
            }
            return json.readValue(out, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private Path modelFile(String apiVersion, String kind) {
        String pkg = PACKAGE_BY_GROUP.get(group(apiVersion));
        return pkg == null ? null : directory.resolve("node_modules").resolve(pkg).resolve(apiVersion).resolve(kind + ".js");
    }

    private String installedVersion(String pkg) {
        try {
            Map<?, ?> manifest = json.readValue(directory.resolve("node_modules").resolve(pkg).resolve("package.json").toFile(), Map.class);
            return pkg + "@" + manifest.get("version");
        } catch (IOException e) {
            return pkg + " (not installed)";
        }
    }

    private static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }
}
