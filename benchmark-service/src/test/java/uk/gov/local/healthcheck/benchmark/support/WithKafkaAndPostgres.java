package uk.gov.local.healthcheck.benchmark.support;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import uk.gov.local.healthcheck.events.Topics;
import uk.gov.local.healthcheck.infra.KafkaTestResource;
import uk.gov.local.healthcheck.infra.PostgresTestResource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code @QuarkusTest} of benchmark-service against a real Kafka broker, with the indicators topic the service reads
 * and its .dlq, and a real PostgreSQL database {@code benchmark}. Every class that carries it (and the same test
 * profile) shares one broker, one server and one application start; a class that needs its own (an outage) names its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "benchmark"))
@WithTestResource(value = KafkaTestResource.class, initArgs = @ResourceArg(name = "topics", value = Topics.INDICATORS + ":6," + Topics.INDICATORS + ".dlq:1"))
public @interface WithKafkaAndPostgres {
}
