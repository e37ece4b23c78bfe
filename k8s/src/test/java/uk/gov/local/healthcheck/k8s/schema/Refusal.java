package uk.gov.local.healthcheck.k8s.schema;

/** A field of a manifest that the schema of its kind does not admit, or a manifest no schema covers (path ""). */
public record Refusal(Manifest manifest, String path, String reason) {

    @Override
    public String toString() {
        return manifest + ": " + (path.isEmpty() ? "" : path + ": ") + reason;
    }
}
