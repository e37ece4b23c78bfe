package uk.gov.local.healthcheck.survey.validation;

/** Size limits on free-text answers (configured by {@code survey.answers.*}). */
public record AnswerLimits(int maxTextLength, int maxListItems) {
}
