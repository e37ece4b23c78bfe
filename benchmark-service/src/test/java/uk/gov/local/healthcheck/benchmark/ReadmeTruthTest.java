package uk.gov.local.healthcheck.benchmark;

import io.quarkus.test.junit.QuarkusTest;
import uk.gov.local.healthcheck.benchmark.support.WithKafkaAndPostgres;
import uk.gov.local.healthcheck.infra.ReadmeTruthTests;

/**
 * The README stays true to the code (issue "One house"): every path of the service's OpenAPI is named in its
 * Endpoints section, and every environment variable of application.properties in its Configuration section.
 */
@QuarkusTest
@WithKafkaAndPostgres
class ReadmeTruthTest implements ReadmeTruthTests {
}
