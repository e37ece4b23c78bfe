package uk.gov.local.healthcheck.portal.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * GOV.UK Frontend's stylesheet, script and images from its webjar, under {@code /assets}, served as plain routes
 * beside the pages: a page's own requests for them must not pass through the pages' filters (the CSRF filter would
 * hand each of them a token cookie of its own, and the last one set would no longer match the page's forms). The
 * stylesheet is served without the GDS Transport typeface, which is for GOV.UK's own services only: this is the LGA's
 * service, so text falls back to Arial as the Design System asks of services outside GOV.UK. The portal's own few
 * rules follow it.
 */
@ApplicationScoped
public class Assets {

    private static final Pattern FONT_FACE = Pattern.compile("@font-face\\{[^}]*}");
    private static final Pattern TRANSPORT = Pattern.compile("\"?GDS Transport\"?,\\s*");
    private static final Pattern IMAGE = Pattern.compile("[a-z0-9-]+\\.(svg|png|ico)");
    private static final Map<String, String> TYPES = Map.of("css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon");

    private final String root;
    private final Map<String, Buffer> files = new ConcurrentHashMap<>();

    public Assets(@ConfigProperty(name = "portal.govuk-frontend.version") String version) {
        this.root = "META-INF/resources/webjars/govuk-frontend/" + version + "/dist/govuk/";
        String govuk = new String(read(root + "govuk-frontend.min.css"), StandardCharsets.UTF_8);
        String css = TRANSPORT.matcher(FONT_FACE.matcher(govuk).replaceAll("")).replaceAll("");
        files.put("portal.css", Buffer.buffer(css + "\n" + new String(read("portal/portal.css"), StandardCharsets.UTF_8)));
        files.put("govuk-frontend.min.js", Buffer.buffer(read(root + "govuk-frontend.min.js")));
        files.put("portal.js", Buffer.buffer(read("portal/portal.js")));
    }

    void routes(@Observes Router router) {
        router.get("/assets/:name").handler(rc -> serve(rc, rc.pathParam("name")));
        router.get("/assets/images/:name").handler(rc -> image(rc, rc.pathParam("name")));
        router.get("/favicon.ico").handler(rc -> image(rc, "favicon.ico"));
    }

    private void serve(RoutingContext rc, String name) {
        Buffer file = files.get(name);
        if (file == null) {
            rc.response().setStatusCode(404).end();
            return;
        }
        send(rc, name, file);
    }

    private void image(RoutingContext rc, String name) {
        if (!IMAGE.matcher(name).matches()) {
            rc.response().setStatusCode(404).end();
            return;
        }
        Buffer file = files.computeIfAbsent("images/" + name, k -> {
            InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(root + "assets/images/" + name);
            return in == null ? Buffer.buffer() : Buffer.buffer(readAll(in));
        });
        if (file.length() == 0) {
            rc.response().setStatusCode(404).end();
            return;
        }
        send(rc, name, file);
    }

    private static void send(RoutingContext rc, String name, Buffer file) {
        String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
        rc.response().putHeader("Content-Type", type).end(file);
    }

    static byte[] read(String resource) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing resource " + resource + " (is the govuk-frontend webjar's version "
                    + "the one in portal.govuk-frontend.version?)");
        }
        return readAll(in);
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
