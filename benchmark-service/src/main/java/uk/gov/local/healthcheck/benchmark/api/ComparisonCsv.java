package uk.gov.local.healthcheck.benchmark.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The comparison as one CSV row per indicator, in the JSON's order. */
final class ComparisonCsv {

    static final List<String> HEADER = List.of("round", "authority_code", "authority_name", "indicator", "polarity",
            "unit", "value", "suppressed", "missing_reason", "previous_1_round", "previous_1_value", "previous_2_round",
            "previous_2_value", "change", "direction", "region_value", "region_lowest", "region_lowest_authority",
            "region_highest", "region_highest_authority", "neighbours_mean", "neighbours_median", "england_value",
            "rank_england", "ranked_england", "rank_region", "ranked_region", "band", "low");

    private ComparisonCsv() {
    }

    static String write(ComparisonDto c) {
        List<List<Object>> rows = new ArrayList<>();
        for (ComparisonDto.IndicatorComparison i : c.indicators()) {
            var p1 = i.previous().size() > 0 ? i.previous().get(0) : null;
            var p2 = i.previous().size() > 1 ? i.previous().get(1) : null;
            var range = i.regionRange();
            rows.add(Arrays.asList(c.round(), c.authority().code(), c.authority().name(), i.indicator(), i.polarity(),
                    i.unit(), i.value(), i.suppressed(), i.missingReason(),
                    p1 == null ? null : p1.round(), p1 == null ? null : p1.value(),
                    p2 == null ? null : p2.round(), p2 == null ? null : p2.value(),
                    i.change(), i.direction(),
                    i.region() == null ? null : orSuppressed(i.region().value(), i.region().suppressed()),
                    range == null || range.lowest() == null ? null : range.lowest().value(),
                    range == null || range.lowest() == null ? null : range.lowest().name(),
                    range == null || range.highest() == null ? null : range.highest().value(),
                    range == null || range.highest() == null ? null : range.highest().name(),
                    i.statisticalNeighbours() == null ? null
                            : orSuppressed(i.statisticalNeighbours().mean(), i.statisticalNeighbours().suppressed()),
                    i.statisticalNeighbours() == null ? null
                            : orSuppressed(i.statisticalNeighbours().median(), i.statisticalNeighbours().suppressed()),
                    i.england() == null ? null : orSuppressed(i.england().value(), i.england().suppressed()),
                    i.rankEngland(), i.rankedEngland(), i.rankRegion(), i.rankedRegion(), i.band(),
                    i.low() == null ? null : String.join(";", i.low())));
        }
        return Csv.write(HEADER, rows);
    }

    private static Object orSuppressed(Object value, String suppressed) {
        return suppressed != null ? suppressed : value;
    }
}
