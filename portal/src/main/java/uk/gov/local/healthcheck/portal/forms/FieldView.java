package uk.gov.local.healthcheck.portal.forms;

import java.util.List;

/**
 * One question as its page shows it, in the terms of GOV.UK Frontend's components: {@code kind} picks the component
 * (number input, counts, radios, checkboxes, text input, character-counted textarea, list).
 *
 * @param htmlId   the id of the question's first input, the target of the error summary's link
 * @param hint     the question id (the contract councils' systems use) and what the instrument says about it
 * @param error    the API's message about this question, or null
 */
public record FieldView(String kind, String id, String htmlId, String name, String label, String hint, boolean required,
                        String value, String inputType, String inputMode, String widthClass, int maxLength, Integer maxItems,
                        List<Choice> choices, List<Band> bands, String missingName, String missingValue,
                        List<Choice> missingChoices, String error, boolean explain, String explainName, String explainValue,
                        String explainHtmlId, String explainError) {

    /** A radio or checkbox (or a "not available" reason); {@code specify} ones reveal a text box. */
    public record Choice(String value, String label, String htmlId, boolean checked, boolean exclusive, boolean specify,
                         String specifyName, String specifyValue, String specifyHtmlId, String specifyError) {
        public String conditionalId() {
            return "conditional-" + htmlId;
        }
    }

    /** One band of a counts question. */
    public record Band(String name, String label, String htmlId, String value) {
    }

    public boolean hasError() {
        return error != null;
    }

    public String errorId() {
        return htmlId + "-error";
    }

    public String hintId() {
        return htmlId + "-hint";
    }

    /** The fieldset's or input's {@code aria-describedby}: the hint, then the error when there is one. */
    public String describedBy() {
        return hintId() + (error != null ? " " + errorId() : "");
    }

    /** Exclusive options come last, after an "or" divider, as GOV.UK's checkboxes pattern shows them. */
    public List<Choice> ordinaryChoices() {
        return choices.stream().filter(c -> !c.exclusive()).toList();
    }

    public List<Choice> exclusiveChoices() {
        return choices.stream().filter(Choice::exclusive).toList();
    }
}
