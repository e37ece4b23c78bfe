package uk.gov.local.healthcheck.survey.availability;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import uk.gov.local.healthcheck.infra.PostgresServer;
import uk.gov.local.healthcheck.survey.testing.TcpProxy;

import java.util.List;
import java.util.Map;

/**
 * A real PostgreSQL of its own, reached through a {@link TcpProxy} the test can cut and restore. Started after the
 * suite's shared PostgreSQL (higher order), so its datasource URLs are the ones the service uses.
 */
public class ProxiedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private static volatile TcpProxy proxy;
    private PostgresServer server;

    public static TcpProxy proxy() {
        return proxy;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = PostgresServer.start();
            server.createDatabases(List.of("survey"));
            proxy = new TcpProxy(server.port());
        } catch (Exception e) {
            throw new IllegalStateException("Could not start PostgreSQL behind a proxy", e);
        }
        String url = "127.0.0.1:" + proxy.port() + "/survey";
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + url,
                "quarkus.datasource.reactive.url", "postgresql://" + url,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public int order() {
        return 1000;
    }

    @Override
    public void stop() {
        try {
            if (proxy != null) {
                proxy.close();
            }
            if (server != null) {
                server.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
