package uk.gov.local.healthcheck.metrics.support;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import uk.gov.local.healthcheck.infra.KafkaTestResource;
import uk.gov.local.healthcheck.infra.PostgresTestResource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code @QuarkusTest} of metrics-service against a real Kafka broker, with the topics the service reads and writes
 * (submissions and its .dlq, indicators), and a real PostgreSQL database {@code metrics}. Every class that carries it
 * shares one broker, one server and one application start; a class that needs its own (an outage) names its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "metrics"))
@WithTestResource(value = KafkaTestResource.class,
        initArgs = @ResourceArg(name = "topics", value = "survey.submissions.v1:6,metrics.indicators.v1:6,survey.submissions.v1.dlq:1"))
public @interface WithKafkaAndPostgres {
}
