package uk.gov.local.healthcheck.loadgen;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sign-in and a short benchmark run against {@link FakePortal}. */
class PortalSignInFlowTest {

    @Test
    void signsInWithTheCodeFlowsRedirectsAndCookies() throws Exception {
        try (FakePortal fake = new FakePortal()) {
            PortalCookies cookies = PortalSignIn.signIn(fake.url(), "lga1", "lga1-password");
            assertEquals("q_session=token1", cookies.header());   // neither the used state cookie nor Keycloak's
        }
    }

    @Test
    void aWrongPasswordSaysWhatKeycloakSaid() throws Exception {
        try (FakePortal fake = new FakePortal()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> PortalSignIn.signIn(fake.url(), "lga1", "wrong"));
            assertTrue(e.getMessage().contains("Invalid username or password."), e.getMessage());
        }
    }

    @Test
    void countsNon200PagesAndBadPdfsAsErrors() throws Exception {
        try (FakePortal fake = new FakePortal()) {
            PortalOptions options = Cli.parse(new PortalOptions(), new String[]{"--portal", fake.url(), "--rate", "40", "--seconds", "1",
                    "--warmup-seconds", "1", "--page", "/councils/E10000031/rounds/r", "--page", "/regions/E12000007/rounds/r",
                    "--pdf", "/reports/r.pdf", "--pdf", "/home", "--pdf-runs", "2"});
            try (PortalPageBenchmark benchmark = new PortalPageBenchmark(options, PortalSignIn.signIn(fake.url(), "lga1", "lga1-password"))) {
                assertEquals(20, benchmark.pages());   // the fake has no region pages: each of the 20 is a 404
                assertEquals(1, benchmark.pdfs());     // /home is not a PDF
            }
            try (PortalPageBenchmark signedOut = new PortalPageBenchmark(options, PortalCookies.of(java.util.List.of()))) {
                assertEquals(40, signedOut.pages());   // each a redirect to Keycloak's sign-in
            }
        }
    }
}
