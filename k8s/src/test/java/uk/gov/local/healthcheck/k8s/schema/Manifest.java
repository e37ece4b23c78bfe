package uk.gov.local.healthcheck.k8s.schema;

import java.util.List;
import java.util.Map;

/**
 * One rendered manifest, with where it was rendered (the overlay) and the files of k8s/ it comes from, so that a
 * refusal can say which one it is and where to change it.
 */
public record Manifest(String overlay, List<String> files, Map<String, Object> body) {

    public String apiVersion() {
        return String.valueOf(body.get("apiVersion"));
    }

    public String kind() {
        return String.valueOf(body.get("kind"));
    }

    public String name() {
        return body.get("metadata") instanceof Map<?, ?> metadata ? String.valueOf(metadata.get("name")) : "(no name)";
    }

    @Override
    public String toString() {
        return "overlays/" + overlay + ": " + kind() + " " + name() + " (" + apiVersion()
                + (files.isEmpty() ? "" : "; " + String.join(", ", files)) + ")";
    }
}
