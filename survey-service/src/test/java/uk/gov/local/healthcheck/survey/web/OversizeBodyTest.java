package uk.gov.local.healthcheck.survey.web;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.survey.security.TestTokens;
import uk.gov.local.healthcheck.survey.testing.WithKafkaAndPostgres;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A body declared larger than an endpoint takes is refused before it is read, with a problem+json body (issue 10:
 * 50 MB with {@code Expect: 100-continue} got 413 with an empty body and no content type). Sent over a raw socket,
 * so the client really waits for the server's verdict instead of sending the body.
 */
@QuarkusTest
@WithKafkaAndPostgres
class OversizeBodyTest {

    @TestHTTPResource("/")
    URL server;

    static final String TOKEN = TestTokens.token("lga1", List.of("lga-admin"), Map.of());

    @Test
    void fiftyMegabytesWithExpectContinueGet413ProblemJsonWithABody() throws IOException {
        for (String request : List.of(
                "POST /api/v1/rounds/any-round/responses/batch HTTP/1.1", "POST /api/v1/rounds/any-round/responses HTTP/1.1",
                "PUT /api/v1/rounds/any-round/returns/E10000031 HTTP/1.1", "POST /api/v1/rounds HTTP/1.1")) {
            String answer = send(request, 50L * 1024 * 1024, true);
            assertRefused(request, answer);
        }
    }

    @Test
    void aDocumentOverItsLimitIsRefusedBeforeItIsReadEvenWithoutExpect() throws IOException {
        // 2 MB declared to a single-response endpoint (limit 1 MB), body not sent: the answer comes anyway.
        String answer = send("POST /api/v1/rounds/any-round/responses HTTP/1.1", 2L * 1024 * 1024, false);
        assertRefused("2 MB response", answer);
    }

    private static void assertRefused(String what, String answer) {
        assertTrue(answer.startsWith("HTTP/1.1 413"), what + ": " + answer);
        String lower = answer.toLowerCase();
        assertTrue(lower.contains("content-type: application/problem+json"), what + ": " + answer);
        assertTrue(answer.contains("\"status\":413") && answer.contains("/problems/payload-too-large"), what + ": " + answer);
        assertTrue(!answer.contains("HTTP/1.1 100"), what + " must not be invited to send the body: " + answer);
    }

    /** Sends the request head only and reads whatever the server answers within 10 s. */
    private String send(String requestLine, long contentLength, boolean expectContinue) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String head = requestLine + "\r\nHost: " + server.getHost() + ":" + server.getPort()
                    + "\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Type: " + (requestLine.contains("batch") ? "application/x-ndjson" : "application/json")
                    + "\r\nContent-Length: " + contentLength
                    + (expectContinue ? "\r\nExpect: 100-continue" : "") + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    answer.write(buffer, 0, n);
                    String text = answer.toString(StandardCharsets.UTF_8);
                    if (text.contains("\r\n\r\n") && text.endsWith("}")) {
                        break;
                    }
                }
            } catch (SocketTimeoutException e) {
                // whatever came is the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
