package uk.gov.local.healthcheck.portal.forms;

import java.util.List;

/**
 * One section of a questionnaire shown as a page of a form: its fields, the error summary's links, its place among
 * the sections ("section 2 of 5") and where "Back" leads.
 */
public record SectionForm(List<FieldView> fields, List<ErrorLink> errors, int number, int total, String back) {
}
