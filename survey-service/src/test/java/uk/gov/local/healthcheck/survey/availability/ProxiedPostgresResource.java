package uk.gov.local.healthcheck.survey.availability;

import uk.gov.local.healthcheck.infra.PostgresServer;
import uk.gov.local.healthcheck.infra.PostgresTestResource;
import uk.gov.local.healthcheck.survey.testing.TcpProxy;

/**
 * A real PostgreSQL of its own, reached through a {@link TcpProxy} the test can cut and restore. Started after the
 * suite's shared PostgreSQL (higher order), so its datasource URLs are the ones the service uses.
 */
public class ProxiedPostgresResource extends PostgresTestResource {

    private static volatile TcpProxy proxy;

    public static TcpProxy proxy() {
        return proxy;
    }

    @Override
    protected int reachedOn(PostgresServer started) throws Exception {
        proxy = new TcpProxy(started.port());
        return proxy.port();
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
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            super.stop();
        }
    }
}
