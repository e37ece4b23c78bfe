package uk.gov.local.healthcheck.deploy.demo;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoLoaderCommandTest {

    private static final String[] REQUIRED = {"--csv", "reference-data/csww.csv", "--survey-url", "http://127.0.0.1:8081/",
            "--token-url", "http://127.0.0.1:8180/realms/healthcheck/protocol/openid-connect/token"};

    private static DemoLoader.Command parse(String... args) {
        DemoLoader.Command command = new DemoLoader.Command();
        command.commandLine().parseArgs(args);
        return command;
    }

    private static String[] with(String... more) {
        String[] args = java.util.Arrays.copyOf(REQUIRED, REQUIRED.length + more.length);
        System.arraycopy(more, 0, args, REQUIRED.length, more.length);
        return args;
    }

    @Test
    void theRequiredOptionsAndTheDefaults() {
        DemoLoader.Command c = parse(REQUIRED);
        assertEquals(Path.of("reference-data/csww.csv"), c.csv);
        assertEquals(URI.create("http://127.0.0.1:8081/"), c.surveyUrl);
        assertEquals(URI.create("http://127.0.0.1:8180/realms/healthcheck/protocol/openid-connect/token"), c.tokenUrl);
        assertEquals("healthcheck-cli", c.clientId);
        assertEquals("lga1", c.username);
        assertEquals(8, c.concurrency);
    }

    @Test
    void everyOptionAsDeployPlatformGivesThem() {
        DemoLoader.Command c = parse(with("--client-id", "other-cli", "--username", "lga2", "--concurrency", "3"));
        assertEquals("other-cli", c.clientId);
        assertEquals("lga2", c.username);
        assertEquals(3, c.concurrency);
        assertEquals(5, parse(with("--concurrency", "4", "--concurrency=5")).concurrency);   // the last one given
    }

    @Test
    void unknownMissingAndBadOptionsAreRefused() {
        assertThrows(CommandLine.UnmatchedArgumentException.class, () -> parse(with("--user", "lga2")));
        assertThrows(CommandLine.MissingParameterException.class, () -> parse("--csv", "x.csv", "--survey-url", "http://s"));
        assertThrows(CommandLine.ParameterException.class, () -> parse(with("--concurrency", "eight")));
        assertThrows(CommandLine.ParameterException.class, () -> parse(with("--concurrency")));
        assertThrows(CommandLine.ParameterException.class, () -> parse(with("extra.csv")));
    }

    @Test
    void badUsageExitsWith2SayingWhyWithoutLoading() {
        assertEquals(2, exit(with("--usernme", "lga2")).status());
        assertTrue(exit(with("--usernme", "lga2")).err().contains("Unknown options: '--usernme'"));
        Exit missing = exit("--csv", "x.csv");
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("Missing required options: '--survey-url=URL', '--token-url=URL'"), missing.err());
        Exit none = exit(with("--concurrency", "0"));
        assertEquals(2, none.status());
        assertTrue(none.err().contains("--concurrency is at least 1, not 0"), none.err());
    }

    @Test
    void helpPrintsTheOptionsAndExitsWith0() {
        StringWriter out = new StringWriter();
        assertEquals(0, new DemoLoader.Command().commandLine().setOut(new PrintWriter(out)).execute("--help"));
        for (String option : new String[]{"--csv", "--survey-url", "--token-url", "--client-id", "--username", "--concurrency", "HEALTHCHECK_PASSWORD"}) {
            assertTrue(out.toString().contains(option), option + " in " + out);
        }
        // the settings every tool shares (CommandLineTool): --help after the tool's own options, then the exit statuses
        List<String> lines = out.toString().lines().toList();
        assertEquals(lines.indexOf("      --concurrency=N    returns sent at once; default 8") + 1,
                lines.indexOf("  -h, --help             prints this and exits"), out.toString());
        assertEquals(List.of("Exit status:", "  0   every return was accepted", "  1   any was rejected or could not be sent",
                "  2   bad usage"), lines.subList(lines.size() - 4, lines.size()));
    }

    private record Exit(int status, String err) {
    }

    private static Exit exit(String... args) {
        StringWriter err = new StringWriter();
        int status = new DemoLoader.Command().commandLine().setErr(new PrintWriter(err)).execute(args);
        return new Exit(status, err.toString());
    }
}
