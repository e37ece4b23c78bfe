package uk.gov.local.healthcheck.portal.web;

import jakarta.ws.rs.core.Response;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A CSV or PDF a page offers for download, named after what it shows (e.g. {@code comparison-E10000031-workforce-2024.csv}).
 * The name's parts come from the URL, so only letters, digits, '_' and '-' are kept: nothing else may reach the
 * Content-Disposition header.
 */
public final class Downloads {

    private Downloads() {
    }

    public static Response csv(byte[] body, String kind, String... parts) {
        return attachment(body, "text/csv; charset=utf-8", kind, parts, "csv");
    }

    public static Response pdf(byte[] body, String kind, String... parts) {
        return attachment(body, "application/pdf", kind, parts, "pdf");
    }

    /** The file's name: the kind, then each part made safe, joined by '-'. */
    static String filename(String kind, String[] parts, String extension) {
        return kind + Arrays.stream(parts).map(Downloads::safe).map(p -> "-" + p).collect(Collectors.joining()) + "." + extension;
    }

    static String safe(String part) {
        return part.replaceAll("[^A-Za-z0-9_-]", "");
    }

    private static Response attachment(byte[] body, String type, String kind, String[] parts, String extension) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + filename(kind, parts, extension) + "\"")
                .build();
    }
}
