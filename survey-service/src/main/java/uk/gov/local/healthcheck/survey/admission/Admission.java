package uk.gov.local.healthcheck.survey.admission;

import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import uk.gov.local.healthcheck.reference.instruments.Instrument;
import uk.gov.local.healthcheck.survey.instruments.InstrumentCatalog;
import uk.gov.local.healthcheck.api.problems.ProblemException;
import uk.gov.local.healthcheck.api.problems.ProblemTypes;
import uk.gov.local.healthcheck.survey.reference.Authority;
import uk.gov.local.healthcheck.survey.reference.AuthorityRegister;
import uk.gov.local.healthcheck.survey.rounds.Round;
import uk.gov.local.healthcheck.survey.rounds.RoundCalendar;
import uk.gov.local.healthcheck.survey.validation.Violation;

import java.util.List;
import java.util.Optional;

/**
 * The checks every submission passes before its answers are looked at, whether a return or a response: the round
 * is open, today is within its dates, and it collects this kind of submission, and the authority is in the register and existed in the round's year.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class Admission {

    private final AuthorityRegister register;
    private final InstrumentCatalog instruments;
    private final RoundCalendar calendar;

    public Optional<Authority> find(String authorityCode) {
        return register.find(authorityCode);
    }

    /** The authority's name for a message, or its code when the register does not know it. */
    public String nameOf(String authorityCode) {
        return register.find(authorityCode).map(Authority::name).orElse(authorityCode);
    }

    public Authority knownAuthority(String code) {
        return register.find(code).orElseThrow(() -> ProblemException.notFound(ProblemTypes.UNKNOWN_AUTHORITY, "Unknown authority",
                unknownAuthority(code)));
    }

    public static String unknownAuthority(String code) {
        return "No authority with code " + code + " in the register of English authorities (use the ONS GSS code, e.g. E10000031)";
    }

    /** The round is open and today (London time) is between its opening and closing dates; a 409 naming the date otherwise. */
    public void requireOpen(Round round) {
        calendar.requireAccepting(round);
    }

    /** The round collects per-authority returns ({@code true}) or anonymous respondents' responses ({@code false}). */
    public void requireUnit(Round round, boolean perAuthority) {
        if (instrumentOf(round).isPerAuthority() != perAuthority) {
            throw ProblemException.conflict(ProblemTypes.WRONG_KIND_OF_ROUND, "Wrong kind of round", "Round " + round.id + " collects "
                    + (perAuthority ? "practitioner responses (POST .../responses)" : "one return per authority (PUT .../returns/{authorityCode})"));
        }
    }

    /** Empty when the authority existed in the round's year; otherwise the violation naming its lifetime. */
    public Optional<Violation> existenceViolation(Authority authority, Round round, String field) {
        if (authority.existedIn(round.year())) {
            return Optional.empty();
        }
        return Optional.of(new Violation(field, "period", authority.name() + " (" + authority.code() + ") existed "
                + authority.lifetime() + ", not in " + round.period));
    }

    public void requireExisted(Authority authority, Round round) {
        existenceViolation(authority, round, "authorityCode").ifPresent(v -> {
            throw ProblemException.invalid(authority.name() + " (" + authority.code() + ") did not exist in " + round.period, List.of(v));
        });
    }

    public Instrument instrumentOf(Round round) {
        return instruments.find(round.instrument, round.instrumentVersion).orElseThrow(() -> new IllegalStateException(
                "Round " + round.id + " uses " + round.instrument + " v" + round.instrumentVersion + ", which is not packaged"));
    }
}
