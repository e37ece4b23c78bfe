package uk.gov.local.healthcheck.portal.survey;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The only copy of a practitioner's answers before they are sent: sealed, bound to its link, gone on submit. */
class SurveyCookieTest {

    final ObjectMapper json = new ObjectMapper();
    final SurveyCookie cookies = new SurveyCookie("test-secret", Duration.ofHours(2), json);

    @Test
    void answersRoundTripSealedAndOnlyForTheirOwnLink() {
        ObjectNode answers = json.createObjectNode().put("profile.role", "social_worker");
        var cookie = cookies.write("/survey/abc", new SurveyState("r-1", answers), true);
        assertTrue(cookie.isHttpOnly());
        assertTrue(cookie.isSecure());
        assertEquals("/survey/abc", cookie.getPath());
        assertFalse(cookie.getValue().contains("social_worker"), "the answers are not readable in the cookie");
        var read = cookies.read("/survey/abc", cookie.getValue()).orElseThrow();
        assertEquals("r-1", read.responseId());
        assertEquals("social_worker", read.answers().get("profile.role").asText());
        assertTrue(cookies.read("/survey/other", cookie.getValue()).isEmpty(), "bound to the link it was made for");
        String tampered = cookie.getValue().substring(0, cookie.getValue().length() - 2) + "AA";
        assertTrue(cookies.read("/survey/abc", tampered).isEmpty());
        assertTrue(new SurveyCookie("another-key", Duration.ofHours(2), json).read("/survey/abc", cookie.getValue()).isEmpty());
        assertEquals(0, cookies.delete("/survey/abc", false).getMaxAge());
    }

    @Test
    void oneAddressIsLimitedPerWindowInMemory() {
        Clock[] now = {Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC)};
        AddressRateLimit limit = new AddressRateLimit(3, Duration.ofMinutes(1), new Clock() {
            public ZoneOffset getZone() { return ZoneOffset.UTC; }
            public Clock withZone(java.time.ZoneId z) { return this; }
            public Instant instant() { return now[0].instant(); }
        });
        assertTrue(limit.admit("10.0.0.1"));
        assertTrue(limit.admit("10.0.0.1"));
        assertTrue(limit.admit("10.0.0.1"));
        assertFalse(limit.admit("10.0.0.1"));
        assertTrue(limit.admit("10.0.0.2"), "each address has its own count");
        now[0] = Clock.fixed(Instant.parse("2026-12-01T10:01:00Z"), ZoneOffset.UTC);
        assertTrue(limit.admit("10.0.0.1"), "a new window");
    }
}
