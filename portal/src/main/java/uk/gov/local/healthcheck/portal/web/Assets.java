package uk.gov.local.healthcheck.portal.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * GOV.UK Frontend's stylesheet, script and images from its webjar, under {@code /assets}. The stylesheet is served
 * without the GDS Transport typeface, which is for GOV.UK's own services only: this is the LGA's service, so text
 * falls back to Arial as the Design System asks of services outside GOV.UK. The portal's own few rules follow it.
 */
@Path("/assets")
@ApplicationScoped
public class Assets {

    private static final Pattern FONT_FACE = Pattern.compile("@font-face\\{[^}]*}");
    private static final Pattern TRANSPORT = Pattern.compile("\"?GDS Transport\"?,\\s*");
    private static final Pattern IMAGE = Pattern.compile("[a-z0-9-]+\\.(svg|png|ico)");

    private final String root;
    private final String stylesheet;

    public Assets(@ConfigProperty(name = "portal.govuk-frontend.version") String version) {
        this.root = "META-INF/resources/webjars/govuk-frontend/" + version + "/dist/govuk/";
        String govuk = read(root + "govuk-frontend.min.css");
        String css = TRANSPORT.matcher(FONT_FACE.matcher(govuk).replaceAll("")).replaceAll("");
        this.stylesheet = css + "\n" + read("portal/portal.css");
    }

    @GET
    @Path("portal.css")
    @Produces("text/css")
    public String stylesheet() {
        return stylesheet;
    }

    @GET
    @Path("govuk-frontend.min.js")
    @Produces("text/javascript")
    public String script() {
        return read(root + "govuk-frontend.min.js");
    }

    @GET
    @Path("portal.js")
    @Produces("text/javascript")
    public String start() {
        return read("portal/portal.js");
    }

    @GET
    @Path("images/{name}")
    public Response image(@PathParam("name") String name) {
        if (!IMAGE.matcher(name).matches()) {
            throw new NotFoundException();
        }
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(root + "assets/images/" + name);
        if (in == null) {
            throw new NotFoundException();
        }
        String type = name.endsWith(".svg") ? "image/svg+xml" : name.endsWith(".png") ? "image/png" : "image/x-icon";
        return Response.ok(in, type).build();
    }

    static String read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource + " (is the govuk-frontend webjar's version "
                        + "the one in portal.govuk-frontend.version?)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
