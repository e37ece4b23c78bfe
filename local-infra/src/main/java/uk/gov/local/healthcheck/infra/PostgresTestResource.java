package uk.gov.local.healthcheck.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.List;
import java.util.Map;

/**
 * Quarkus test resource: a real PostgreSQL with one database, named by the init argument {@code database}
 * (default {@code app}), wired into the datasource's JDBC (Flyway) and reactive URLs. A fault test takes it away from
 * the running service and brings it back through {@link #server()}.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile PostgresServer current;
    private PostgresServer server;
    private String database = "app";

    /** The server of the running test suite, for tests that stop and restart it. */
    public static PostgresServer server() {
        if (current == null) {
            throw new IllegalStateException("No PostgreSQL is running: is the test annotated with PostgresTestResource?");
        }
        return current;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        int port;
        try {
            server = PostgresServer.start();
            server.createDatabases(List.of(database));
            current = server;
            port = reachedOn(server);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start PostgreSQL for the tests", e);
        }
        return PostgresServer.datasource(port, database);
    }

    /** The port the service reaches the server on: the server's own, unless a subclass puts something in between. */
    protected int reachedOn(PostgresServer started) throws Exception {
        return started.port();
    }

    @Override
    public void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            current = null;
        }
    }
}
