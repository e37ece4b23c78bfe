package uk.gov.local.healthcheck.portal.api;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** Where survey-, metrics- and benchmark-service answer, and how long a page waits for them. */
@ConfigMapping(prefix = "portal.api")
public interface ApiEndpoints {
    String survey();

    String metrics();

    String benchmark();

    Duration timeout();
}
