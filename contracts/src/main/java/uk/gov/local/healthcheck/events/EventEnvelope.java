package uk.gov.local.healthcheck.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;

/**
 * A CloudEvents 1.0 structured-mode envelope (JSON). {@code type} names the payload and its version, so a consumer
 * can ignore types it does not know and a new version can be introduced beside the old one.
 *
 * @param id      unique per event; consumers use it to recognise redelivery
 * @param source  the producing service, e.g. {@code /survey-service}
 * @param type    e.g. {@link ReturnAccepted#TYPE}
 * @param time    when the fact happened (the commit time of the return)
 * @param subject what the event is about: {@code rounds/{roundId}/returns/{authorityCode}}
 * @param data    the payload, one of the records in this package
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope<T>(
        String specversion,
        String id,
        String source,
        String type,
        OffsetDateTime time,
        String subject,
        String datacontenttype,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public static <T> EventEnvelope<T> of(String id, String source, String type, OffsetDateTime time, String subject, T data) {
        return new EventEnvelope<>(SPEC_VERSION, id, source, type, time, subject, JSON, data);
    }
}
