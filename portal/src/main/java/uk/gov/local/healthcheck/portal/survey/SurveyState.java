package uk.gov.local.healthcheck.portal.survey;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A practitioner's answers between the survey's pages. The responseId is fixed when they start, so a double click
 * or a second submit counts once; nothing in it identifies the person.
 */
public record SurveyState(String responseId, ObjectNode answers) {
}
