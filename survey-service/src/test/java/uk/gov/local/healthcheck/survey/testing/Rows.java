package uk.gov.local.healthcheck.survey.testing;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.inject.spi.CDI;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Counts rows straight in the test database, to show what a request did (or did not) store. */
public final class Rows {

    private Rows() {
    }

    public static long count(String sql, Object... parameters) {
        try (Connection c = CDI.current().select(AgroalDataSource.class).get().getConnection();
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Everything stored about a round: the round, its returns' revisions, its responses and its outbox events. */
    public static long aboutRound(String roundId) {
        return count("select (select count(*) from round where id = ?) + (select count(*) from return_revision where round_id = ?)"
                + " + (select count(*) from practitioner_response where round_id = ?)"
                + " + (select count(*) from outbox_event where subject like ?)", roundId, roundId, roundId, "rounds/" + roundId + "/%");
    }
}
