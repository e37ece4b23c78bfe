package uk.gov.local.healthcheck.benchmark.store;

import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.benchmark.model.AuthorityEntry;
import uk.gov.local.healthcheck.events.AuthorityIndicators;
import uk.gov.local.healthcheck.events.IndicatorValue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthorityEntriesTest {

    @Test
    void aWithdrawalHasNoEntry() {
        assertNull(AuthorityEntries.of(new AuthorityIndicators("r", "workforce", "2024", "A", 2, true,
                OffsetDateTime.now(), List.of())));
    }

    @Test
    void anEntryIsWhatTheDatabaseWouldReturn() {
        IndicatorValue sent = new IndicatorValue("agency_rate", null, new BigDecimal("1E+3"), new BigDecimal("2000.50"),
                100, List.of("agency_fte"), "no agency staff", "lower-is-better", "percent");
        AuthorityEntry entry = AuthorityEntries.of(new AuthorityIndicators("r", "workforce", "2024", "A", 1, false,
                OffsetDateTime.now(), List.of(sent), 2, true, Map.of("s1.q", 1.5, "s1.m", List.of("a", "b")), null));

        IndicatorValue stored = entry.indicators().get("agency_rate");
        assertEquals(new IndicatorValue("agency_rate", null, new BigDecimal("1000"), new BigDecimal("2000.50"), 100,
                null, "no agency staff", "lower-is-better", "percent"), stored);
        assertEquals(0, stored.numerator().scale(), "numeric has no negative scale");
        assertEquals(new BigDecimal("1.5"), entry.answers().get("s1.q"), "answers read back as the column reads them");
        assertEquals(List.of("a", "b"), entry.answers().get("s1.m"));
        assertTrue(entry.consented());
    }
}
