package uk.gov.local.healthcheck.survey.instruments;

import java.util.List;

public record Section(String id, String title, String note, List<Question> questions) {
}
