package uk.gov.local.healthcheck.portal.figures;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.gov.local.healthcheck.portal.api.PersonApi;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * metrics-service's indicator dictionary (titles, units, instruments, a score's statements), by id, in its order.
 * It is reference data, the same for everyone, changing only with a release of metrics-service: kept for
 * {@code portal.indicator-dictionary.keep} rather than asked for on every page.
 */
@ApplicationScoped
public class IndicatorDictionary {

    private record Kept(Map<String, JsonNode> byId, Instant until) {
    }

    private final PersonApi api;
    private final Duration keep;
    private volatile Kept kept = new Kept(Map.of(), Instant.MIN);

    public IndicatorDictionary(PersonApi api,
                               @ConfigProperty(name = "portal.indicator-dictionary.keep", defaultValue = "10M") Duration keep) {
        this.api = api;
        this.keep = keep;
    }

    /** Every definition by id; read with the signed-in person's token when not kept (the API needs a caller). */
    public Map<String, JsonNode> all() {
        Kept now = kept;
        if (Instant.now().isBefore(now.until())) {
            return now.byId();
        }
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        api.read(api.endpoints().metrics() + "/api/v1/indicators", "the indicators")
                .forEach(d -> byId.put(d.path("id").asText(), d));
        kept = new Kept(Collections.unmodifiableMap(byId), Instant.now().plus(keep));
        return kept.byId();
    }

    /** Whether these comparison indicators come from practitioner responses (then the page is a health check report). */
    public static boolean fromResponses(JsonNode indicators, Map<String, JsonNode> definitions) {
        for (JsonNode i : indicators) {
            JsonNode d = definitions.get(i.path("indicator").asText());
            if (d != null && "responses".equals(d.path("computedFrom").asText())) {
                return true;
            }
        }
        return false;
    }
}
