package uk.gov.local.healthcheck.survey.observability;

import io.quarkus.logging.LoggingFilter;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Drops the Kafka connector's own line and stack trace for each message it could not send (SRMSG18206, SRMSG18212).
 * While Kafka is down every relay cycle's send fails; the relay already logs that, with the reason, once per
 * interval ("Outbox: Kafka did not acknowledge ..."), and the events stay in the outbox. Every other line passes.
 */
@LoggingFilter(name = "kafka-send-failures")
public final class KafkaSendFailureFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record.getMessage();
        return message == null || !(message.startsWith("SRMSG18206") || message.startsWith("SRMSG18212"));
    }
}
