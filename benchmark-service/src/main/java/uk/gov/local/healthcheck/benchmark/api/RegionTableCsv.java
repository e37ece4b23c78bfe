package uk.gov.local.healthcheck.benchmark.api;

import uk.gov.local.healthcheck.reference.authorities.Area;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The region's table as CSV: England's row and the region's row for each indicator, then one row per authority ×
 * indicator in the JSON's order. An authority the caller may not see has one row per indicator with visible = false
 * and no figures; a suppressed figure has an empty value and {@code c} in suppressed.
 */
final class RegionTableCsv {

    static final String ENGLAND = "england", REGION = "region", AUTHORITY = "authority";
    static final List<String> HEADER = List.of("round", "period", "region_code", "row", "code", "name",
            "council_type", "visible", "indicator", "polarity", "unit", "n", "value", "suppressed", "reason",
            "missing_reason", "band", "rank_region", "ranked_region", "rank_england", "ranked_england", "low");

    /** value … low: the columns after n. */
    private static final int FIGURES = 10;

    private RegionTableCsv() {
    }

    static String write(RegionTableDto t) {
        List<List<Object>> rows = new ArrayList<>();
        for (RegionTableDto.IndicatorColumn i : t.indicators()) {
            rows.add(group(t, ENGLAND, Area.ENGLAND.code(), i, i.england()));
        }
        for (RegionTableDto.IndicatorColumn i : t.indicators()) {
            rows.add(group(t, REGION, t.region().code(), i, i.region()));
        }
        for (RegionTableDto.AuthorityRow a : t.authorities()) {
            for (int k = 0; k < t.indicators().size(); k++) {
                AuthorityFigureDto f = a.figures() == null ? null : a.figures().get(k);
                rows.add(row(t, AUTHORITY, a.code(), a.name(), a.councilType(), a.visible(), t.indicators().get(k),
                        null, f == null ? Collections.nCopies(FIGURES, null) : Arrays.asList(f.value(),
                                f.suppressed(), f.reason(), f.missingReason(), f.band(), f.rankRegion(),
                                f.rankedRegion(), f.rankEngland(), f.rankedEngland(), low(f.low()))));
            }
        }
        return Csv.write(HEADER, rows);
    }

    private static List<Object> group(RegionTableDto t, String kind, String code, RegionTableDto.IndicatorColumn i,
                                      ComparisonDto.GroupFigure g) {
        if (g == null) {
            return row(t, kind, code, null, null, true, i, null, Collections.nCopies(FIGURES, null));
        }
        boolean low = i.low() != null && i.low().contains(kind);
        return row(t, kind, code, g.name(), null, true, i, g.n(), Arrays.asList(g.value(), g.suppressed(),
                g.reason(), null, null, null, null, null, null, low ? "value" : null));
    }

    private static List<Object> row(RegionTableDto t, String kind, String code, String name, String councilType,
                                    boolean visible, RegionTableDto.IndicatorColumn i, Integer n, List<Object> figures) {
        List<Object> row = new ArrayList<>(Arrays.asList(t.round(), t.period(), t.region().code(), kind, code, name,
                councilType, visible, i.indicator(), i.polarity(), i.unit(), n));
        row.addAll(figures);
        return row;
    }

    private static String low(List<String> low) {
        return low == null ? null : String.join(";", low);
    }
}
