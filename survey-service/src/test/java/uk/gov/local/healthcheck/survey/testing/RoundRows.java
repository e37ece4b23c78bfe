package uk.gov.local.healthcheck.survey.testing;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.inject.spi.CDI;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;

/** Puts a round straight into the database, for tests whose caller may not create rounds, or that need past dates. */
public final class RoundRows {

    private RoundRows() {
    }

    /** A round of period 2024 whose dates take in today ({@link Dates}): it takes submissions if {@code status} is open. */
    public static void insert(String id, String instrument, String status) {
        insert(id, instrument, status, LocalDate.parse(Dates.OPENS), LocalDate.parse(Dates.CLOSES));
    }

    public static void insert(String id, String instrument, String status, LocalDate opensOn, LocalDate closesOn) {
        try (Connection c = CDI.current().select(AgroalDataSource.class).get().getConnection();
             PreparedStatement s = c.prepareStatement("insert into round (id, instrument, instrument_version, title, period, opens_on, closes_on, status, created_at, created_by)"
                     + " values (?, ?, 1, 'test round', '2024', ?, ?, ?, now(), 'test') on conflict do nothing")) {
            s.setString(1, id);
            s.setString(2, instrument);
            s.setDate(3, Date.valueOf(opensOn));
            s.setDate(4, Date.valueOf(closesOn));
            s.setString(5, status);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
