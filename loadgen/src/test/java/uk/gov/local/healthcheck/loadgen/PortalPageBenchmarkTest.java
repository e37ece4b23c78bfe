package uk.gov.local.healthcheck.loadgen;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortalPageBenchmarkTest {

    @Test
    void optionsHaveDocumentedDefaults() {
        PortalOptions o = Cli.parse(new PortalOptions());
        assertEquals("http://127.0.0.1:8084", o.portal());
        assertEquals("lga1", o.signIn().user());
        assertEquals(List.of("/councils/E10000031/rounds/workforce-2024", "/regions/E12000007/rounds/workforce-2024"), o.pages());
        assertEquals(50.0, o.pacing().rate());
        assertEquals(Duration.ofSeconds(60), o.pacing().duration());
        assertEquals(Duration.ofSeconds(15), o.pacing().warmup());
        assertEquals(64, o.pacing().maxInFlight());
        assertEquals(List.of("/reports/workforce-2024.pdf"), o.pdfs());
        assertEquals(10, o.pdfRuns());
    }

    @Test
    void pagesAndPdfsRepeatAndReplaceTheDefaults() {
        PortalOptions o = Cli.parse(new PortalOptions(), new String[]{"--page", "/a", "--rate", "20", "--page", "/b", "--pdf", "/c.pdf",
                "--portal", "http://portal:8084/", "--pdf-runs", "3", "--user", "ria1"});
        assertEquals(List.of("/a", "/b"), o.pages());
        assertEquals(List.of("/c.pdf"), o.pdfs());
        assertEquals(20.0, o.pacing().rate());
        assertEquals(3, o.pdfRuns());
        assertEquals("http://portal:8084", o.portal());
        assertEquals("ria1", o.signIn().user());
    }

    @Test
    void everyOptionIsRead() {
        PortalOptions o = Cli.parse(new PortalOptions(), "--portal", "http://p:1", "--user", "u", "--password", "secret", "--page", "/p",
                "--rate", "12.5", "--seconds", "7", "--warmup-seconds", "0", "--max-in-flight", "3", "--pdf", "/r.pdf", "--pdf-runs", "0");
        assertEquals("http://p:1", o.portal());
        assertEquals("u", o.signIn().user());
        assertEquals("secret", o.signIn().password());
        assertEquals(List.of("/p"), o.pages());
        assertEquals(12.5, o.pacing().rate());
        assertEquals(Duration.ofSeconds(7), o.pacing().duration());
        assertEquals(Duration.ZERO, o.pacing().warmup());
        assertEquals(3, o.pacing().maxInFlight());
        assertEquals(List.of("/r.pdf"), o.pdfs());
        assertEquals(0, o.pdfRuns());
        assertEquals(System.getenv().getOrDefault("HEALTHCHECK_PASSWORD", "ria1-password"), Cli.parse(new PortalOptions(), "--user", "ria1").signIn().password());
    }

    @Test
    void misspeltOptionsBadNumbersAndRelativePathsAreRefused() {
        assertThrows(ParameterException.class, () -> Cli.parse(new PortalOptions(), "--pages", "/a"));
        assertThrows(ParameterException.class, () -> Cli.parse(new PortalOptions(), "--page", "councils/E10000031"));
        assertThrows(ParameterException.class, () -> Cli.parse(new PortalOptions(), "--page"));
        assertThrows(ParameterException.class, () -> Cli.parse(new PortalOptions(), "--pdf-runs", "ten"));
        assertThrows(ParameterException.class, () -> Cli.parse(new PortalOptions(), "/home"));
    }

    @Test
    void badUsageExitsWith2SayingWhyAndHelpWith0() {
        StringWriter err = new StringWriter();
        int status = Cli.of(new PortalOptions()).setErr(new PrintWriter(err)).execute("--page", "reports/x.pdf");
        assertEquals(2, status);
        assertTrue(err.toString().contains("A page or PDF is a path on the portal starting with /, got reports/x.pdf"), err.toString());
        StringWriter out = new StringWriter();
        assertEquals(0, Cli.of(new PortalOptions()).setOut(new PrintWriter(out)).execute("--help"));
        assertTrue(out.toString().contains("--pdf-runs"), out.toString());
        // the options shared with LoadGenerator (SignIn, Pacing), in this tool's words and with its defaults
        String help = out.toString().replaceAll("\\s+", " ");   // unwrapped
        assertTrue(help.contains("--user=NAME who signs in; default lga1 --password=PASSWORD default HEALTHCHECK_PASSWORD"), help);
        assertTrue(help.contains("--rate=N pages per second, over all pages; default 50 --seconds=S measured duration; default 60 "
                + "--warmup-seconds=S unrecorded warm-up before it; default 15 "
                + "--max-in-flight=N pages requested and not yet answered at once; default 64"), help);
    }

    @Test
    void aRedirectToKeycloakIsALostSession() {
        String keycloak = "http://127.0.0.1:8180/realms/healthcheck/protocol/openid-connect/auth?response_type=code";
        assertEquals("302 to sign-in", new PortalPageBenchmark.Answer(302, keycloak, Buffer.buffer()).outcome());
        assertEquals("302", new PortalPageBenchmark.Answer(302, "/home", Buffer.buffer()).outcome());
        assertEquals("200", new PortalPageBenchmark.Answer(200, null, Buffer.buffer("<html>")).outcome());
    }

    @Test
    void aPdfIsA200WhoseBodyStartsWithTheMagic() {
        assertNull(PortalPageBenchmark.pdfProblem(new PortalPageBenchmark.Answer(200, null, Buffer.buffer("%PDF-1.7\n..."))));
        assertEquals("the body does not start with %PDF-",
                PortalPageBenchmark.pdfProblem(new PortalPageBenchmark.Answer(200, null, Buffer.buffer("<html>"))));
        assertEquals("answered 404", PortalPageBenchmark.pdfProblem(new PortalPageBenchmark.Answer(404, null, Buffer.buffer("%PDF-"))));
        assertTrue(PortalPageBenchmark.pdfProblem(new PortalPageBenchmark.Answer(302,
                "http://kc/realms/healthcheck/protocol/openid-connect/auth", Buffer.buffer())).endsWith("the portal lost the session"));
    }
}
