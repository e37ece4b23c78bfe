package uk.gov.local.healthcheck.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A real PostgreSQL server from the binaries on Maven Central (no Docker, works as root). One server per test
 * suite; each service gets its own database on it, as in production.
 */
public final class PostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static PostgresServer start() throws IOException {
        return new PostgresServer(EmbeddedPostgres.builder().start());
    }

    public int port() {
        return postgres.getPort();
    }

    /** Creates the databases (owned by the superuser {@code postgres}) unless they exist. */
    public void createDatabases(List<String> names) throws SQLException {
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

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
