package uk.gov.local.healthcheck.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.List;
import java.util.Map;

/**
 * Quarkus test resource: a real PostgreSQL with one database, named by the init argument {@code database}
 * (default {@code app}), wired into the datasource's JDBC (Flyway) and reactive URLs.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private PostgresServer server;
    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = PostgresServer.start();
            server.createDatabases(List.of(database));
        } catch (Exception e) {
            throw new IllegalStateException("Could not start PostgreSQL for the tests", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", server.jdbcUrl(database),
                "quarkus.datasource.reactive.url", server.reactiveUrl(database),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
