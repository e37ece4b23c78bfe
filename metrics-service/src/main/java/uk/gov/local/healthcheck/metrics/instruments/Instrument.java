package uk.gov.local.healthcheck.metrics.instruments;

import java.util.List;
import java.util.Optional;

/** A questionnaire: its id, version, unit (authority or respondent) and questions in order. */
public record Instrument(String id, int version, String unit, List<Question> questions) {

    public Instrument {
        questions = List.copyOf(questions);
    }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    public List<Question> ofType(String type) {
        return questions.stream().filter(q -> q.type().equals(type)).toList();
    }
}
