package uk.gov.local.healthcheck.reference.indicators;

import uk.gov.local.healthcheck.reference.YamlFiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static uk.gov.local.healthcheck.reference.YamlFiles.maps;
import static uk.gov.local.healthcheck.reference.YamlFiles.strings;
import static uk.gov.local.healthcheck.reference.YamlFiles.text;

/** The one reader of the indicator dictionary file, read as the instruments are ({@link YamlFiles}). */
public final class IndicatorReader {

    private IndicatorReader() {
    }

    /** Every indicator of the file (UTF-8 YAML), in its order. */
    public static List<Indicator> read(byte[] yaml) {
        List<Indicator> indicators = new ArrayList<>();
        for (Map<?, ?> i : maps(YamlFiles.mapping(yaml, "An indicator dictionary").get("indicators"))) {
            indicators.add(indicator(i));
        }
        return List.copyOf(indicators);
    }

    private static Indicator indicator(Map<?, ?> i) {
        String id = text(i, "id");
        Formula.Kind kind;
        try {
            kind = Formula.Kind.parse(text(i, "formula"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Indicator " + id + ": " + e.getMessage(), e);
        }
        if (!(i.get("scale") instanceof Integer scale)) {
            throw new IllegalStateException("Indicator " + id + " has no whole-number scale: " + i.get("scale"));
        }
        Formula formula = new Formula(kind, strings(i.get("numerator")), strings(i.get("denominator")),
                text(i, "factor"), strings(i.get("of")), scale);
        return new Indicator(id, text(i, "title"), text(i, "description"), text(i, "unit"), text(i, "polarity"),
                text(i, "instrument"), formula, text(i, "source"));
    }
}
