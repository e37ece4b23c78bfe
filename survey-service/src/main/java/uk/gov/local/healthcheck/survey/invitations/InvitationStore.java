package uk.gov.local.healthcheck.survey.invitations;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The invitation table, in plain SQL: the response count is only ever changed by {@code responses = responses + 1}
 * under the row's lock, and revoking only sets {@code revoked_at}, so neither can overwrite the other's change (a
 * Hibernate entity would write back every column it had read).
 */
@ApplicationScoped
@RequiredArgsConstructor
public class InvitationStore {

    private static final String INSERT = "insert into invitation (id, round_id, authority_code, code_sha256, expires_on,"
            + " max_responses, created_at, created_by) values ($1, $2, $3, $4, $5, $6, $7, $8) returning " + Invitation.COLUMNS;
    private static final String IN_ROUND = "select " + Invitation.COLUMNS + " from invitation where round_id = $1 order by created_at, id";
    private static final String ONE = "select " + Invitation.COLUMNS + " from invitation where round_id = $1 and id = $2";
    private static final String BY_CODE = "select " + Invitation.COLUMNS + " from invitation where code_sha256 = $1";
    private static final String LOCK = "select " + Invitation.COLUMNS + " from invitation where id = $1 for update";
    /** Revoked once: a second revocation keeps the first time. */
    private static final String REVOKE = "update invitation set revoked_at = coalesce(revoked_at, $3) where round_id = $1 and id = $2"
            + " returning " + Invitation.COLUMNS;
    private static final String COUNT_ONE = "update invitation set responses = responses + 1 where id = $1";
    private static final String ACTIVE_BY_AUTHORITY = """
            select authority_code, count(*) from invitation
            where round_id = $1 and revoked_at is null and expires_on >= $2 and responses < max_responses
            group by authority_code""";

    private final Pool pool;

    Uni<Invitation> insert(UUID id, String roundId, String authorityCode, String codeSha256, LocalDate expiresOn,
                           int maxResponses, OffsetDateTime now, String createdBy) {
        return pool.preparedQuery(INSERT).execute(Tuple.from(List.<Object>of(id, roundId, authorityCode, codeSha256, expiresOn,
                maxResponses, now, createdBy))).map(rows -> Invitation.of(rows.iterator().next()));
    }

    Uni<List<Invitation>> inRound(String roundId) {
        return pool.preparedQuery(IN_ROUND).execute(Tuple.of(roundId)).map(rows -> {
            List<Invitation> all = new ArrayList<>();
            for (Row row : rows) {
                all.add(Invitation.of(row));
            }
            return all;
        });
    }

    Uni<Optional<Invitation>> find(String roundId, UUID id) {
        return one(pool, ONE, Tuple.of(roundId, id));
    }

    Uni<Optional<Invitation>> byCode(String codeSha256) {
        return one(pool, BY_CODE, Tuple.of(codeSha256));
    }

    /** The invitation, locked until {@code tx}'s transaction ends: responses through it are counted one at a time. */
    Uni<Optional<Invitation>> lock(SqlClient tx, UUID id) {
        return one(tx, LOCK, Tuple.of(id));
    }

    Uni<Void> countOne(SqlClient tx, UUID id) {
        return tx.preparedQuery(COUNT_ONE).execute(Tuple.of(id)).replaceWithVoid();
    }

    Uni<Optional<Invitation>> revoke(String roundId, UUID id, OffsetDateTime now) {
        return one(pool, REVOKE, Tuple.of(roundId, id, now));
    }

    /** Authority code → its invitations in the round that can take a response today. */
    public Uni<Map<String, Long>> activeByAuthority(String roundId, LocalDate today) {
        return pool.preparedQuery(ACTIVE_BY_AUTHORITY).execute(Tuple.of(roundId, today)).map(rows -> {
            Map<String, Long> counts = new HashMap<>();
            for (Row row : rows) {
                counts.put(row.getString(0), row.getLong(1));
            }
            return counts;
        });
    }

    private static Uni<Optional<Invitation>> one(SqlClient client, String sql, Tuple parameters) {
        return client.preparedQuery(sql).execute(parameters)
                .map(rows -> rows.iterator().hasNext() ? Optional.of(Invitation.of(rows.iterator().next())) : Optional.empty());
    }
}
