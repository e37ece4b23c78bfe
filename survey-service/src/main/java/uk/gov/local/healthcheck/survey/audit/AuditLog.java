package uk.gov.local.healthcheck.survey.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.gov.local.healthcheck.survey.storage.Columns;
import uk.gov.local.healthcheck.survey.storage.GroupCommit;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;

/**
 * Appends audit entries. Entries of requests finishing together are inserted with one statement
 * ({@link GroupCommit}): under load every request writes one, and a transaction each was a large share of a single
 * response's cost. A caller's entry is committed when its {@link #append} completes.
 */
@ApplicationScoped
public class AuditLog {

    private static final String INSERT = """
            insert into audit_entry (at, subject, client_id, action, method, path, authority_code, status, detail)
            select * from unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                                 $7::text[], $8::int[], $9::text[])""";

    private final Pool pool;
    private final GroupCommit<AuditEntry, Void> entries;

    public AuditLog(Pool pool, @ConfigProperty(name = "survey.audit.group.max-size") int maxGroup,
                    @ConfigProperty(name = "survey.audit.group.max-in-flight") int maxInFlight) {
        this.pool = pool;
        this.entries = new GroupCommit<>(this::insert, maxGroup, maxInFlight);
    }

    public Uni<Void> append(AuditEntry entry) {
        return entries.submit(entry);
    }

    private Uni<List<Void>> insert(List<AuditEntry> group) {
        Tuple columns = Tuple.from(List.<Object>of(
                Columns.of(group, OffsetDateTime.class, e -> e.at),
                Columns.of(group, String.class, e -> e.subject),
                Columns.of(group, String.class, e -> e.clientId),
                Columns.of(group, String.class, e -> e.action),
                Columns.of(group, String.class, e -> e.method),
                Columns.of(group, String.class, e -> e.path),
                Columns.of(group, String.class, e -> e.authorityCode),
                Columns.of(group, Integer.class, e -> e.status),
                Columns.of(group, String.class, e -> e.detail)));
        // One statement, atomic on its own: no begin and commit round trips around it.
        return pool.preparedQuery(INSERT).execute(columns).map(rows -> Collections.nCopies(group.size(), null));
    }
}
