package uk.gov.local.healthcheck.benchmark.support;

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
 * A real PostgreSQL (as local-infra's PostgresTestResource) that a test can stop and start again on the same port
 * with the same data, to take the database away from a running service: {@link #takeDown()} and {@link #bringBack()}.
 */
public class RestartablePostgres implements QuarkusTestResourceLifecycleManager {

    private static volatile RestartablePostgres current;

    private String database = "app";
    private Path dataDirectory;
    private int port;
    private volatile EmbeddedPostgres postgres;

    /** The running suite's server. */
    public static RestartablePostgres server() {
        if (current == null) {
            throw new IllegalStateException("No RestartablePostgres is running: is the test annotated with it?");
        }
        return current;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        try {
            dataDirectory = Files.createTempDirectory("pg-restartable");
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            startServer();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database \"" + database + "\"");
            }
            current = this;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start PostgreSQL for the tests", e);
        }
        String url = "127.0.0.1:" + port + "/" + database;
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + url,
                "quarkus.datasource.reactive.url", "postgresql://" + url,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    private void startServer() throws IOException {
        postgres = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false).start();
    }

    /** Stops the server (fast shutdown: open connections are closed); its data stays. */
    public synchronized void takeDown() {
        try {
            if (postgres != null) {
                postgres.close();
                postgres = null;
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts it again on the same port with the same data. */
    public synchronized void bringBack() {
        try {
            if (postgres == null) {
                startServer();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        takeDown();
        current = null;
    }
}
