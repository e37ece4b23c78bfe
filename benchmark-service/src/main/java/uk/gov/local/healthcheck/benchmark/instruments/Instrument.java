package uk.gov.local.healthcheck.benchmark.instruments;

import java.util.List;
import java.util.Optional;

/**
 * An instrument version as tabulations read it: the reference module's instrument, its questions in order.
 *
 * @param unit {@code authority} (one return per authority) or {@code respondent} (anonymous responses)
 */
public record Instrument(String id, int version, String unit, String title, List<Question> questions) {

    public Instrument {
        questions = List.copyOf(questions);
    }

    public boolean respondentBased() {
        return "respondent".equals(unit);
    }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }
}
