package uk.gov.local.healthcheck.deploy.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CouncilClientRegistrarCommandTest {

    private static CouncilClientRegistrar.Command parse(String... args) {
        CouncilClientRegistrar.Command command = new CouncilClientRegistrar.Command();
        command.commandLine().parseArgs(args);
        return command;
    }

    @Test
    void theOptionsDeployPlatformGives() {
        CouncilClientRegistrar.Command c = parse("--keycloak", "http://127.0.0.1:8180", "--register", "reference-data/authority-register.csv",
                "--authority", "E10000031");
        assertEquals("http://127.0.0.1:8180", c.keycloak);
        assertEquals(Path.of("reference-data/authority-register.csv"), c.register);
        assertEquals("E10000031", c.authority);
    }

    @Test
    void unknownAndMissingOptionsAreRefusedWithExitStatus2() {
        assertThrows(CommandLine.UnmatchedArgumentException.class,
                () -> parse("--keycloak", "k", "--register", "r.csv", "--authority", "E1", "--password", "p"));
        assertThrows(CommandLine.MissingParameterException.class, () -> parse("--keycloak", "k", "--register", "r.csv"));
        StringWriter err = new StringWriter();
        assertEquals(2, new CouncilClientRegistrar.Command().commandLine().setErr(new PrintWriter(err))
                .execute("--keycloak", "k", "--register", "r.csv"));
        assertTrue(err.toString().contains("Missing required option: '--authority=CODE'"), err.toString());
        StringWriter out = new StringWriter();
        assertEquals(0, new CouncilClientRegistrar.Command().commandLine().setOut(new PrintWriter(out)).execute("--help"));
        assertTrue(out.toString().contains("KEYCLOAK_ADMIN_PASSWORD"), out.toString());
    }

    @Test
    void aCouncilIsLookedUpInTheRegisterAndOnlyACurrentOneIsFound() throws Exception {
        Path register = Path.of("../reference-data/authority-register.csv");
        assertEquals(Optional.of(new CouncilClientRegistrar.Council("E10000031", "Warwickshire", "E12000005")),
                CouncilClientRegistrar.findCurrent(register, "E10000031"));
        assertEquals(Optional.empty(), CouncilClientRegistrar.findCurrent(register, "E10000002"));   // Buckinghamshire until 2019
        assertEquals(Optional.empty(), CouncilClientRegistrar.findCurrent(register, "E99999999"));
    }

    @Test
    void anAuthorityNotInTheRegisterExitsWith1BeforeAskingKeycloak(@TempDir Path dir) throws Exception {
        Path register = Files.writeString(dir.resolve("register.csv"), """
                gss_code,old_la_code,name,region_code,region_name,london_subregion_code,type,valid_from_year,valid_to_year,statistical_neighbours
                E10000031,937,Warwickshire,E12000005,West Midlands,,Shire County,,,
                E10000002,825,Buckinghamshire,E12000008,South East,,Shire County,,2019,
                """);
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true));
        int status;
        try {
            // port 9 (discard): nothing is asked of it, the register says no first
            status = new CouncilClientRegistrar.Command().commandLine()
                    .execute("--keycloak", "http://127.0.0.1:9", "--register", register.toString(), "--authority", "E10000002");
        } finally {
            System.setErr(stderr);
        }
        assertEquals(1, status);
        assertTrue(captured.toString().contains("E10000002 is not a current authority in the register"), captured.toString());
    }
}
