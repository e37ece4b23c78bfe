package uk.gov.local.healthcheck.survey.testing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import uk.gov.local.healthcheck.infra.KafkaTestResource;
import uk.gov.local.healthcheck.infra.PostgresTestResource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The service runs against a real PostgreSQL (database {@code survey}, migrated by Flyway) and a real Kafka broker with
 * the platform's topics, both in-process. Not restricted to the annotated class: every test class carrying it shares the
 * one PostgreSQL, broker and application, so none is restarted between classes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "survey"))
@QuarkusTestResource(value = KafkaTestResource.class, initArgs = @ResourceArg(name = "topics", value = "survey.submissions.v1:6,metrics.indicators.v1:6"))
public @interface WithKafkaAndPostgres {
}
