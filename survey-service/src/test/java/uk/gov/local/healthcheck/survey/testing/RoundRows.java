package uk.gov.local.healthcheck.survey.testing;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.inject.spi.CDI;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Puts a round straight into the database, for tests whose caller may not create rounds. */
public final class RoundRows {

    private RoundRows() {
    }

    public static void insert(String id, String instrument, String status) {
        try (Connection c = CDI.current().select(AgroalDataSource.class).get().getConnection();
             PreparedStatement s = c.prepareStatement("insert into round (id, instrument, instrument_version, title, period, opens_on, closes_on, status, created_at, created_by)"
                     + " values (?, ?, 1, 'test round', '2024', '2024-10-01', '2025-03-31', ?, now(), 'test') on conflict do nothing")) {
            s.setString(1, id);
            s.setString(2, instrument);
            s.setString(3, status);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
