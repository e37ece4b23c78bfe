package uk.gov.local.healthcheck.benchmark.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A national report as CSV: a row per option of each question's table, England's first, then each group's. */
final class ReportCsv {

    static final List<String> HEADER = List.of("round", "question", "type", "by", "group", "base", "option", "count",
            "percent", "low", "mean", "median", "suppressed", "reason");

    private ReportCsv() {
    }

    static String write(ReportDto report) {
        List<List<Object>> rows = new ArrayList<>();
        for (QuestionDto t : report.tables()) {
            addRows(rows, report.round(), t, null, "England", t.base(), t.options(), t.mean(), t.median(),
                    t.suppressed(), t.reason());
            if (t.groups() != null) {
                for (QuestionDto.GroupTableDto g : t.groups()) {
                    addRows(rows, report.round(), t, t.by(), g.group(), g.base(), g.options(), g.mean(), g.median(),
                            g.suppressed(), g.reason());
                }
            }
        }
        return Csv.write(HEADER, rows);
    }

    private static void addRows(List<List<Object>> rows, String round, QuestionDto t, String by, String group,
                                Integer base, List<QuestionDto.OptionDto> options, Object mean, Object median,
                                String suppressed, String reason) {
        if (options == null || options.isEmpty()) {
            rows.add(Arrays.asList(round, t.question(), t.type(), by, group, base, null, null, null, null, mean, median,
                    suppressed, reason));
            return;
        }
        for (QuestionDto.OptionDto o : options) {
            rows.add(Arrays.asList(round, t.question(), t.type(), by, group, base, o.option(), o.count(), o.percent(),
                    o.low(), null, null, suppressed, reason));
        }
    }
}
