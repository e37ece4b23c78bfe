package uk.gov.local.healthcheck.k8s;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.local.healthcheck.k8s.Overlay.at;
import static uk.gov.local.healthcheck.k8s.Overlay.list;

/**
 * The four applications' container images, opened from the tarballs their build wrote (no Docker): each runs the
 * Quarkus fast-jar with {@code java -jar} as the non-root user the pods run as, on the port the manifests send
 * traffic to, and its name and tag are the ones the k8s overlays deploy - the build is where those come from.
 */
class ImagesTest {

    /** The project's version, the images' tag (the k8s module's build passes it). */
    private static final String VERSION = System.getProperty("healthcheck.version", "");
    private static final Pattern HTTP_PORT = Pattern.compile("(?m)^quarkus\\.http\\.port=\\$\\{([A-Z0-9_]+):");

    @ParameterizedTest
    @ValueSource(strings = {"survey-service", "metrics-service", "benchmark-service", "portal"})
    void eachImageRunsTheFastJarWithJavaAsUser185OnPort8080(String application) throws Exception {
        ImageTarball image = ImageTarball.of(application);
        Map<String, Object> config = image.config();

        assertEquals(List.of("healthcheck/" + application + ":" + VERSION), image.repoTags());
        assertEquals("185", config.get("User"), "user");
        List<?> entrypoint = (List<?>) config.get("Entrypoint");
        assertEquals("java", entrypoint.get(0), "entrypoint " + entrypoint);
        assertEquals(List.of("-jar", "quarkus-run.jar"), entrypoint.subList(entrypoint.size() - 2, entrypoint.size()), "entrypoint");
        assertEquals(Map.of("8080/tcp", Map.of()), config.get("ExposedPorts"), "exposed ports");
        assertEquals(Map.of("org.opencontainers.image.title", application, "org.opencontainers.image.version", VERSION),
                config.get("Labels"), "labels");

        String workingDir = (String) config.get("WorkingDir");
        assertTrue(image.fileAt(workingDir + "/quarkus-run.jar").isPresent(), "no quarkus-run.jar in " + workingDir);
        assertTrue(image.fileAt(workingDir + "/quarkus/quarkus-application.dat").isPresent(), "not a fast-jar: no quarkus/quarkus-application.dat");
        assertTrue(image.fileAt(workingDir + "/lib/boot").isPresent(), "not a fast-jar: no lib/boot");
        // `java` is found on the image's PATH, in the runtime the base image carries
        List<?> env = (List<?>) config.get("Env");
        assertTrue(env.contains("PATH=/opt/java/bin:/usr/local/bin:/usr/bin:/bin"), "PATH in " + env);
        ImageTarball.LayerFile java = image.fileAt("/opt/java/bin/java").orElseThrow(() -> new AssertionError("no /opt/java/bin/java"));
        assertEquals(0755, java.mode(), "java's mode");
        assertTrue(image.fileAt("/etc/passwd").isPresent(), "no /etc/passwd");

        for (ImageTarball.Layer layer : image.layers()) {
            assertEquals(layer.diffId(), layer.contentDigest(), "layer " + layer.name() + " is not what the config says");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    @SuppressWarnings("unchecked")
    void theOverlaysDeployTheImagesTheBuildMakesAsTheirUserOnTheirPort(String name) throws Exception {
        Overlay overlay = Overlay.render(name);
        // dev runs what this build makes; production the release of this version
        String tag = name.equals("dev") ? VERSION : VERSION.replace("-SNAPSHOT", "");
        for (String application : List.of("survey-service", "metrics-service", "benchmark-service", "portal")) {
            ImageTarball image = ImageTarball.of(application);
            String built = image.repoTags().get(0);
            String repository = built.substring(0, built.lastIndexOf(':'));
            Map<String, Object> deployment = overlay.find("Deployment", application).orElseThrow();
            Map<String, Object> pod = (Map<String, Object>) at(deployment, "spec", "template", "spec");
            Map<String, Object> container = list(pod.get("containers")).get(0);

            String deployed = (String) container.get("image");
            assertTrue(deployed.endsWith("/" + repository + ":" + tag), name + " deploys " + deployed + ", the build makes " + built);
            assertEquals(image.config().get("User"), String.valueOf(at(pod, "securityContext", "runAsUser")), application + ": runAsUser");
            String port = String.valueOf(list(container.get("ports")).get(0).get("containerPort"));
            assertEquals(Map.of(port + "/tcp", Map.of()), image.config().get("ExposedPorts"), application + ": containerPort");
            // and the service listens there: its port variable, set by its ConfigMap
            Matcher m = HTTP_PORT.matcher(Files.readString(Path.of("..", application, "src/main/resources/application.properties")));
            assertTrue(m.find(), application + " reads no port variable");
            Map<String, Object> configMap = overlay.find("ConfigMap", application).orElseThrow();
            assertEquals(port, at(configMap, "data", m.group(1)), application + ": " + m.group(1));
        }
    }
}
