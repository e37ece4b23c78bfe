package uk.gov.local.healthcheck.survey.reference;

import java.util.OptionalInt;

/**
 * An English local authority with children's social care, as it existed between two reporting years.
 * Reorganisations end one authority and start another (e.g. Cumbria until 2022, then Cumberland and
 * Westmorland and Furness); a change of GSS code does the same (Barnsley E08000016 until 2024, E08000038 from 2025).
 *
 * @param code      ONS GSS code, the identifier the API uses
 * @param dfeCode   the DfE's three-digit code, stable across a change of GSS code
 * @param validFrom first reporting year, empty when it existed before the register's first year
 * @param validTo   last reporting year, empty while it still exists
 */
public record Authority(String code, String dfeCode, String name, String regionCode, String regionName, String type,
                        OptionalInt validFrom, OptionalInt validTo) {

    public boolean existedIn(int year) {
        return (validFrom.isEmpty() || validFrom.getAsInt() <= year) && (validTo.isEmpty() || year <= validTo.getAsInt());
    }

    /** "from 2023", "until 2022", "2019 to 2022" or "throughout". */
    public String lifetime() {
        if (validFrom.isPresent() && validTo.isPresent()) {
            return validFrom.getAsInt() + " to " + validTo.getAsInt();
        }
        if (validFrom.isPresent()) {
            return "from " + validFrom.getAsInt();
        }
        return validTo.isPresent() ? "until " + validTo.getAsInt() : "throughout";
    }
}
