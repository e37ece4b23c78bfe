package uk.gov.local.healthcheck.deadletters;

import com.fasterxml.jackson.core.JsonParseException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FailureKindTest {

    /** Stands for Vert.x' PgException: a getSqlState() accessor, read reflectively. */
    static class FakePgException extends RuntimeException {
        private final String state;

        FakePgException(String message, String state) {
            super(message);
            this.state = state;
        }

        public String getSqlState() {
            return state;
        }
    }

    static class ClosedConnectionException extends RuntimeException {
        ClosedConnectionException() {
            super("Failed to read any response from the server, the underlying connection may have been lost");
        }
    }

    @Test
    void unreachableDatabaseOrBrokerIsTransient() {
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(new ConnectException("Connection refused")));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(new CompletionException(new ConnectException("x"))));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(new ClosedConnectionException()));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(new RuntimeException("Connection reset by peer")));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(new java.util.concurrent.TimeoutException()));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(new org.apache.kafka.common.errors.TimeoutException("t")));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(new org.apache.kafka.common.errors.NotLeaderOrFollowerException("n")));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(new org.apache.kafka.common.errors.DisconnectException("d")));
    }

    @Test
    void transientSqlStates() {
        for (String state : new String[]{"08006", "08001", "53300", "57P01", "57P03", "40001", "40P01", "55P03",
                "25006", "42P01", "42703", "3F000"}) {
            assertEquals(FailureKind.TRANSIENT, FailureKind.of(new FakePgException("x", state)), state);
            assertEquals(FailureKind.TRANSIENT, FailureKind.of(new SQLException("x", state)), state);
        }
    }

    @Test
    void dataTheDatabaseRefusesIsPermanent() {
        for (String state : new String[]{"22021", "22P05", "22001", "23505", "23502", "22003"}) {
            assertEquals(FailureKind.PERMANENT, FailureKind.of(new FakePgException(
                    "invalid byte sequence for encoding \"UTF8\": 0x00", state)), state);
        }
        // the SQL state is trusted over a message that happens to mention a timeout
        assertEquals(FailureKind.PERMANENT, FailureKind.of(new FakePgException("value 'timeout' too long", "22001")));
    }

    @Test
    void undecodableAndContractBreakingArePermanent() {
        assertEquals(FailureKind.PERMANENT, FailureKind.of(new JsonParseException(null, "Unexpected character")));
        assertEquals(FailureKind.PERMANENT, FailureKind.of(new IllegalArgumentException("connection refused is a word")));
        assertEquals(FailureKind.PERMANENT, FailureKind.of(new IllegalStateException("revision < 1")));
        assertEquals(FailureKind.PERMANENT, FailureKind.of(new org.apache.kafka.common.errors.RecordTooLargeException("big")));
        assertEquals(FailureKind.PERMANENT, FailureKind.of(new RuntimeException(new FakePgException("x", "22P05"))));
    }

    @Test
    void aTransientCauseAnywhereInTheChainWins() {
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(new IllegalStateException("batch failed",
                new RuntimeException(new ConnectException("refused")))));
        RuntimeException withSuppressed = new RuntimeException("x");
        withSuppressed.addSuppressed(new FakePgException("x", "08006"));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(withSuppressed));
    }

    @Test
    void errorTypes() {
        assertEquals("unstorable", ErrorTypes.of(new FakePgException("x", "22P05")));
        assertEquals("undecodable", ErrorTypes.of(new IllegalStateException(new JsonParseException(null, "x"))));
        assertEquals("invalid", ErrorTypes.of(new IllegalArgumentException("bad answer")));
    }
}
