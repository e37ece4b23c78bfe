package uk.gov.local.healthcheck.loadgen;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsTest {

    @Test
    void defaultsAreThoseDocumented() {
        Options o = Cli.parse(new Options());
        assertEquals("responses", o.mode());
        assertEquals("http://127.0.0.1:8081", o.survey());
        assertEquals("http://127.0.0.1:8180", o.keycloak());
        assertEquals("lga1", o.signIn().user());
        assertEquals(System.getenv().getOrDefault("HEALTHCHECK_PASSWORD", "lga1-password"), o.signIn().password());
        assertEquals(300.0, o.pacing().rate());
        assertEquals(Duration.ofSeconds(30), o.pacing().duration());
        assertEquals(Duration.ofSeconds(15), o.pacing().warmup());
        assertEquals(1000, o.batchSize());
        assertEquals(256, o.pacing().maxInFlight());
        assertEquals("E10000031", o.authority());
    }

    @Test
    void everyOptionIsRead() {
        Options o = Cli.parse(new Options(), "--mode", "batch", "--survey", "http://s:1", "--keycloak", "http://k:2", "--user", "ria1",
                "--password", "@secret", "--rate", "2000.5", "--seconds", "5", "--warmup-seconds", "0", "--batch-size", "10",
                "--max-in-flight", "8", "--authority", "E08000025");
        assertEquals("batch", o.mode());
        assertEquals("http://s:1", o.survey());
        assertEquals("http://k:2", o.keycloak());
        assertEquals("ria1", o.signIn().user());
        assertEquals("@secret", o.signIn().password());   // a value, not a file of arguments
        assertEquals(2000.5, o.pacing().rate());
        assertEquals(Duration.ofSeconds(5), o.pacing().duration());
        assertEquals(Duration.ZERO, o.pacing().warmup());
        assertEquals(10, o.batchSize());
        assertEquals(8, o.pacing().maxInFlight());
        assertEquals("E08000025", o.authority());
        assertEquals("returns", Cli.parse(new Options(), "--mode", "returns").mode());
        assertEquals(System.getenv().getOrDefault("HEALTHCHECK_PASSWORD", "ria1-password"), Cli.parse(new Options(), "--user", "ria1").signIn().password());
    }

    @Test
    void aRepeatedOptionTakesTheLastValue() {
        assertEquals(20.0, Cli.parse(new Options(), "--rate", "10", "--rate", "20").pacing().rate());
        assertEquals(20.0, Cli.parse(new Options(), "--rate=20").pacing().rate());
    }

    @Test
    void unknownOptionsModesAndBadNumbersAreRefused() {
        // a misspelt option is refused rather than silently leaving its default in force
        assertThrows(ParameterException.class, () -> Cli.parse(new Options(), "--rates", "10"));
        assertThrows(ParameterException.class, () -> Cli.parse(new Options(), "--mode", "x"));
        assertThrows(ParameterException.class, () -> Cli.parse(new Options(), "--rate", "fast"));
        assertThrows(ParameterException.class, () -> Cli.parse(new Options(), "--seconds", "1.5"));
        assertThrows(ParameterException.class, () -> Cli.parse(new Options(), "--batch-size"));
        assertThrows(ParameterException.class, () -> Cli.parse(new Options(), "responses"));
    }

    @Test
    void badUsageExitsWith2SayingWhyWithoutRunning() {
        StringWriter err = new StringWriter();
        assertEquals(2, Cli.of(new Options()).setErr(new PrintWriter(err)).execute("--rates", "10"));
        assertTrue(err.toString().contains("Unknown options: '--rates'"), err.toString());
        assertTrue(err.toString().contains("Possible solutions: --rate"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, Cli.of(new Options()).setErr(new PrintWriter(err)).execute("--max-in-flight", "many"));
        assertTrue(err.toString().contains("'many' is not an int"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, Cli.of(new Options()).setErr(new PrintWriter(err)).execute("--mode", "bulk"));
        assertTrue(err.toString().contains("--mode is responses, batch or returns, not 'bulk'"), err.toString());
    }

    @Test
    void helpPrintsTheOptionsAndExitsWith0() {
        StringWriter out = new StringWriter();
        assertEquals(0, Cli.of(new Options()).setOut(new PrintWriter(out)).execute("--help"));
        for (String option : new String[]{"--mode", "--survey", "--keycloak", "--user", "--password", "--rate", "--seconds",
                "--warmup-seconds", "--batch-size", "--max-in-flight", "--authority"}) {
            assertTrue(out.toString().contains(option), option + " in " + out);
        }
        assertTrue(out.toString().contains("default 300"), out.toString());
    }
}
