package uk.gov.local.healthcheck.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A real PostgreSQL server from the binaries on Maven Central (no Docker, works as root). One server per test
 * suite; each service gets its own database on it, as in production. It keeps its port and data directory, so a
 * fault test can {@link #stop()} it under a running service and {@link #restart()} it with every row still there.
 */
public final class PostgresServer implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres postgres;

    private PostgresServer(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    public static PostgresServer start() throws IOException {
        PostgresServer server = new PostgresServer(Files.createTempDirectory("pg-test"), KafkaBroker.freePort());
        server.restart();
        return server;
    }

    public int port() {
        return port;
    }

    /** Creates the databases (owned by the superuser {@code postgres}) unless they exist. */
    public synchronized void createDatabases(List<String> names) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (String name : names) {
                var rs = s.executeQuery("select 1 from pg_database where datname = '" + name.replace("'", "''") + "'");
                if (!rs.next()) {
                    s.execute("create database \"" + name + "\"");
                }
            }
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** A Quarkus datasource's settings for {@code database} on a server (or a proxy in front of one) at {@code port}. */
    public static Map<String, String> datasource(int port, String database) {
        String at = "127.0.0.1:" + port + "/" + database;
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + at,
                "quarkus.datasource.reactive.url", "postgresql://" + at,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    /** Stops the server (fast shutdown: open connections are closed); its data stays. */
    public synchronized void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new IllegalStateException("Could not stop PostgreSQL", e);
            }
            postgres = null;
        }
    }

    /** Starts a stopped server again on the same port with the same data. */
    public synchronized void restart() {
        if (postgres == null) {
            try {
                // Never cleaned: a restart must find the data.
                postgres = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(false).start();
            } catch (IOException e) {
                throw new IllegalStateException("Could not start PostgreSQL", e);
            }
        }
    }

    /** Stops the server and deletes its data. */
    @Override
    public void close() throws IOException {
        stop();
        try (var files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
