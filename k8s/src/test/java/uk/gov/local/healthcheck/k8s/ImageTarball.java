package uk.gov.local.healthcheck.k8s;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * A container image as the build writes it (what `docker load` takes): {@code manifest.json} naming the config JSON
 * and the layers, each a gzip'ed tar. Read without Docker: every layer is opened, its files listed and its content
 * digested, so a layer that is not what the config says it is shows.
 */
record ImageTarball(Path file, List<String> repoTags, Map<String, Object> config, List<Layer> layers) {

    /** One file of a layer: its path without a leading slash, permission bits, owner, whether a directory. */
    record LayerFile(String path, int mode, long uid, boolean directory) {
    }

    /**
     * One layer: its file in the tarball, the diff id the config gives it and the sha256 of its uncompressed content
     * (the two are equal in a sound image), and its files by path.
     */
    record Layer(String name, String diffId, String contentDigest, Map<String, LayerFile> files) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Read once per test run: each is 80-130 MB, and several tests look at the same images. */
    private static final Map<String, ImageTarball> READ = new ConcurrentHashMap<>();

    /** The image an application's build wrote, {@code <module>/target/image/<module>.tar}. */
    static ImageTarball of(String application) throws IOException {
        ImageTarball known = READ.get(application);
        if (known != null) {
            return known;
        }
        Path file = Path.of("..", application, "target", "image", application + ".tar");
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(file + " is missing: the images are built by the applications' package phase "
                    + "(./mvnw -B -pl survey-service,metrics-service,benchmark-service,portal -am package -DskipTests)");
        }
        ImageTarball image = read(file);
        READ.put(application, image);
        return image;
    }

    @SuppressWarnings("unchecked")
    static ImageTarball read(Path file) throws IOException {
        Map<String, byte[]> small = new HashMap<>();
        forEachEntry(file, (name, in) -> {
            if (name.endsWith(".json")) {
                small.put(name, in.readAllBytes());
            }
        });
        List<Map<String, Object>> manifest = JSON.readValue(small.get("manifest.json"), List.class);
        if (manifest == null || manifest.size() != 1) {
            throw new AssertionError(file + ": manifest.json must describe exactly one image");
        }
        Map<String, Object> entry = manifest.get(0);
        Map<String, Object> config = JSON.readValue(small.get((String) entry.get("Config")), Map.class);
        List<String> layerNames = (List<String>) entry.get("Layers");
        List<String> diffIds = (List<String>) ((Map<String, Object>) config.get("rootfs")).get("diff_ids");
        if (layerNames.size() != diffIds.size()) {
            throw new AssertionError(file + ": " + layerNames.size() + " layers but " + diffIds.size() + " diff ids");
        }
        Map<String, Layer> byName = new HashMap<>();
        forEachEntry(file, (name, in) -> {
            int index = layerNames.indexOf(name);
            if (index >= 0) {
                byName.put(name, readLayer(name, diffIds.get(index), in));
            }
        });
        List<Layer> layers = new ArrayList<>();
        for (String name : layerNames) {
            layers.add(Optional.ofNullable(byName.get(name)).orElseThrow(() -> new AssertionError(file + " lacks layer " + name)));
        }
        return new ImageTarball(file, (List<String>) entry.get("RepoTags"), (Map<String, Object>) config.get("config"), layers);
    }

    /** The file at an absolute path in the image's file system, as the last layer that has it gives it. */
    Optional<LayerFile> fileAt(String absolutePath) {
        String path = absolutePath.replaceFirst("^/+", "");
        Optional<LayerFile> found = Optional.empty();
        for (Layer layer : layers) {
            LayerFile file = layer.files().get(path);
            if (file != null) {
                found = Optional.of(file);
            }
        }
        return found;
    }

    private static Layer readLayer(String name, String diffId, InputStream compressed) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Map<String, LayerFile> files = new HashMap<>();
        DigestInputStream content = new DigestInputStream(new GZIPInputStream(compressed, 1 << 16), sha256);
        TarArchiveInputStream tar = new TarArchiveInputStream(content);
        for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
            String path = e.getName().replaceFirst("^(\\./|/)+", "").replaceFirst("/$", "");
            files.put(path, new LayerFile(path, e.getMode() & 07777, e.getLongUserId(), e.isDirectory()));
        }
        content.transferTo(OutputStream.nullOutputStream()); // the end-of-archive blocks count in the digest too
        return new Layer(name, diffId, "sha256:" + HexFormat.of().formatHex(sha256.digest()), files);
    }

    private interface EntryReader {
        void read(String name, InputStream in) throws IOException;
    }

    private static void forEachEntry(Path file, EntryReader reader) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.isFile()) {
                    reader.read(e.getName(), tar);
                }
            }
        }
    }
}
