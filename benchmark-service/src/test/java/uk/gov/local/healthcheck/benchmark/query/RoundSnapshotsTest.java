package uk.gov.local.healthcheck.benchmark.query;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.benchmark.model.AuthorityEntry;
import uk.gov.local.healthcheck.benchmark.model.RoundData;
import uk.gov.local.healthcheck.benchmark.model.RoundInfo;
import uk.gov.local.healthcheck.benchmark.store.AppliedRound;
import uk.gov.local.healthcheck.benchmark.store.RoundStore;
import uk.gov.local.healthcheck.events.AuthorityIndicators;
import uk.gov.local.healthcheck.events.IndicatorValue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The in-memory snapshots against a fake database: what a read sees after batches, reloads and refreshes. */
class RoundSnapshotsTest {

    static final String ROUND = "workforce-2024";

    /** The database as RoundStore reads it; counts the round loads. */
    static final class FakeStore extends RoundStore {
        final Map<String, RoundData> rounds = new HashMap<>();
        int loads;

        FakeStore() {
            super(null);
        }

        @Override
        public Uni<Map<String, RoundInfo>> catalog() {
            return Uni.createFrom().item(rounds.values().stream()
                    .collect(Collectors.toMap(r -> r.info().roundId(), RoundData::info)));
        }

        @Override
        public Uni<RoundData> load(String roundId) {
            loads++;
            return Uni.createFrom().item(rounds.get(roundId));
        }
    }

    final FakeStore db = new FakeStore();
    final RoundSnapshots snapshots = new RoundSnapshots(db);

    static RoundInfo info(long version) {
        return new RoundInfo(ROUND, "workforce", 1, "2024", version);
    }

    static AuthorityIndicators event(String authority, int revision, String agencyRate) {
        return new AuthorityIndicators(ROUND, "workforce", "2024", authority, revision, false, OffsetDateTime.now(),
                List.of(new IndicatorValue("agency_rate", new BigDecimal(agencyRate), null, null, 1, null)));
    }

    static AuthorityIndicators withdrawal(String authority, int revision) {
        return new AuthorityIndicators(ROUND, "workforce", "2024", authority, revision, true, OffsetDateTime.now(),
                List.of());
    }

    static AuthorityEntry entry(String authority, String agencyRate) {
        return new AuthorityEntry(authority, null, null, Map.of("agency_rate",
                new IndicatorValue("agency_rate", new BigDecimal(agencyRate), null, null, 1, null)));
    }

    RoundData read() {
        RoundInfo info = snapshots.info(ROUND).await().indefinitely();
        return info == null ? null : snapshots.snapshot(info).await().indefinitely();
    }

    static BigDecimal agency(RoundData data, String authority) {
        return data.authorities().get(authority).indicators().get("agency_rate").value();
    }

    @Test
    void aBatchThatCreatesARoundIsReadWithoutTheDatabase() {
        snapshots.applied(List.of(new AppliedRound(info(1), List.of(event("A", 1, "10")))));

        RoundData data = read();
        assertEquals(1, data.info().version());
        assertEquals(new BigDecimal("10"), agency(data, "A"));
        assertEquals(0, db.loads);
    }

    @Test
    void anEventMakesTheNextReadShowTheNewValue() {
        db.rounds.put(ROUND, new RoundData(info(3), Map.of("A", entry("A", "10"), "B", entry("B", "20"))));
        snapshots.refresh().await().indefinitely();
        RoundData before = read();
        before.memo("figure", () -> "derived from version 3");

        snapshots.applied(List.of(new AppliedRound(info(4), List.of(event("A", 2, "15")))));

        RoundData after = read();
        assertEquals(4, after.info().version());
        assertEquals(new BigDecimal("15"), agency(after, "A"));
        assertEquals(new BigDecimal("20"), agency(after, "B"), "authorities not in the batch are kept");
        assertEquals("recomputed", after.memo("figure", () -> "recomputed"), "derived figures start afresh");
        assertEquals(1, db.loads, "only the first read loaded the round");
    }

    @Test
    void aWithdrawalRemovesTheAuthority() {
        snapshots.applied(List.of(new AppliedRound(info(1), List.of(event("A", 1, "10"), event("B", 1, "20")))));
        snapshots.applied(List.of(new AppliedRound(info(2), List.of(withdrawal("A", 2)))));

        assertEquals(List.of("B"), List.copyOf(read().authorities().keySet()));
    }

    @Test
    void aStaleOrRepeatedVersionNeverReplacesANewerSnapshot() {
        snapshots.applied(List.of(new AppliedRound(info(1), List.of(event("A", 1, "10")))));
        snapshots.applied(List.of(new AppliedRound(info(2), List.of(event("A", 2, "20")))));
        RoundData current = read();

        snapshots.applied(List.of(new AppliedRound(info(2), List.of(event("A", 5, "99")))));   // a repeat of v2
        snapshots.applied(List.of(new AppliedRound(info(1), List.of(event("A", 1, "10")))));   // older
        db.rounds.put(ROUND, new RoundData(info(1), Map.of("A", entry("A", "10"))));
        snapshots.refresh().await().indefinitely();                                             // the catalog lags

        assertSame(current, read());
        assertEquals(new BigDecimal("20"), agency(read(), "A"));
        assertEquals(0, db.loads);
    }

    @Test
    void aVersionWrittenElsewhereIsReloadedByTheNextRead() {
        snapshots.applied(List.of(new AppliedRound(info(1), List.of(event("A", 1, "10")))));
        // Another replica committed version 2; this one applies version 3 and cannot build on version 1.
        db.rounds.put(ROUND, new RoundData(info(3), Map.of("A", entry("A", "30"), "B", entry("B", "5"))));
        snapshots.applied(List.of(new AppliedRound(info(3), List.of(event("A", 3, "30")))));

        RoundData data = read();
        assertEquals(3, data.info().version());
        assertEquals(new BigDecimal("5"), agency(data, "B"), "the other replica's write is there");
        assertEquals(1, db.loads);
    }

    @Test
    void theRefreshNoticesNewerVersionsAndNewRounds() {
        snapshots.applied(List.of(new AppliedRound(info(1), List.of(event("A", 1, "10")))));
        db.rounds.put(ROUND, new RoundData(info(2), Map.of("A", entry("A", "12"))));

        snapshots.refresh().await().indefinitely();

        assertEquals(2, snapshots.catalog().get(ROUND).version());
        assertEquals(new BigDecimal("12"), agency(read(), "A"));
        assertEquals(1, db.loads);
    }

    @Test
    void anUnknownRoundIsLookedUpInTheDatabaseBeforeItIsUnknown() {
        assertNull(snapshots.info("never").await().indefinitely());
        assertFalse(snapshots.catalog().containsKey("never"));

        db.rounds.put(ROUND, new RoundData(info(7), Map.of("A", entry("A", "10"))));
        assertEquals(7, read().info().version(), "written by another replica, found without waiting for a refresh");
    }
}
