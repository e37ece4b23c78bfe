package uk.gov.local.healthcheck.metrics.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL (as local-infra's PostgresTestResource) that a test can stop and start again on the same port and
 * data directory: PostgreSQL going away under a running service, and coming back.
 */
public class RestartablePostgresResource implements QuarkusTestResourceLifecycleManager {

    private static volatile RestartablePostgresResource current;
    private Path dir;
    private int port;
    private volatile EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("metrics-pg");
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            // Never cleaned: close() would delete the data directory, and a restart must find the data.
            postgres = builder().setCleanDataDirectory(false).start();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("create database metrics");
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not start PostgreSQL for the tests", e);
        }
        current = this;
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/metrics",
                "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + port + "/metrics",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    private EmbeddedPostgres.Builder builder() {
        return EmbeddedPostgres.builder().setDataDirectory(dir).setPort(port);
    }

    /** Stops the server (fast shutdown: connections are closed); the data stays. */
    public static void stopServer() throws IOException {
        current.postgres.close();
    }

    /** Starts it again on the same port and data. */
    public static void startServer() throws IOException {
        current.postgres = current.builder().setCleanDataDirectory(false).start();
    }

    @Override
    public void stop() {
        try {
            if (postgres != null) {
                postgres.close();
            }
            if (dir != null) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
