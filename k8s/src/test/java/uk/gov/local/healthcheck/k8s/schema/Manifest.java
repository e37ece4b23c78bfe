package uk.gov.local.healthcheck.k8s.schema;

import java.util.Map;

/** One rendered manifest, with where it was rendered (the overlay) so that a refusal can say which one it is. */
public record Manifest(String overlay, Map<String, Object> body) {

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
        return "overlays/" + overlay + ": " + kind() + " " + name() + " (" + apiVersion() + ")";
    }
}
