package uk.gov.local.healthcheck.benchmark.api;

import lombok.RequiredArgsConstructor;
import uk.gov.local.healthcheck.benchmark.disclosure.DisclosureRules;
import uk.gov.local.healthcheck.benchmark.disclosure.SecondarySuppression;
import uk.gov.local.healthcheck.benchmark.grouping.Group;
import uk.gov.local.healthcheck.benchmark.grouping.GroupCatalog;
import uk.gov.local.healthcheck.benchmark.instruments.Question;
import uk.gov.local.healthcheck.benchmark.model.AuthorityEntry;
import uk.gov.local.healthcheck.benchmark.model.RoundData;
import uk.gov.local.healthcheck.benchmark.tabulation.Tabulation;
import uk.gov.local.healthcheck.benchmark.tabulation.Tabulator;
import uk.gov.local.healthcheck.events.IndicatorValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Tabulates one question of a round overall and per group, with disclosure control: a table over fewer than 3
 * returns (or, for practitioner shares, 10 respondents) is withheld, and the group tables get secondary
 * suppression against the overall table. No I/O.
 */
@RequiredArgsConstructor
final class QuestionAssembler {

    static final String BY_COUNCIL_TYPE = "councilType";
    static final String BY_REGION = "region";
    private static final String ALL = "all";

    private final GroupCatalog catalog;

    /** One computed table before presentation. */
    private record Table(String key, String name, Tabulation tabulation, Set<String> contributors, BigDecimal respondents) {
    }

    QuestionDto assemble(RoundData round, Question question, String by, boolean respondentBased) {
        Table overall = table(ALL, null, round, question, a -> true, respondentBased);
        List<Group> groups = BY_COUNCIL_TYPE.equals(by) ? catalog.councilTypes()
                : BY_REGION.equals(by) ? catalog.regions() : List.of();
        List<Table> tables = groups.stream()
                .map(g -> table(g.id().toString(), g.name(), round, question, g::contains, respondentBased))
                .toList();

        List<SecondarySuppression.Cell> cells = new ArrayList<>();
        cells.add(cell(overall));
        tables.forEach(t -> cells.add(cell(t)));
        Map<String, String> suppressed = SecondarySuppression.apply(cells, List.of(
                new SecondarySuppression.Partition(ALL, tables.stream().map(Table::key).toList())));

        String type = question.type();
        String overallReason = suppressed.get(ALL);
        List<QuestionDto.GroupTableDto> groupDtos = tables.isEmpty() ? null : tables.stream().map(t -> {
            String reason = suppressed.get(t.key());
            Tabulation tab = t.tabulation();
            return reason != null
                    ? new QuestionDto.GroupTableDto(t.name(), t.key(), null, null, null, null, DisclosureRules.SUPPRESSED, reason)
                    : new QuestionDto.GroupTableDto(t.name(), t.key(), tab.base(), options(question, tab),
                    Display.round(tab.mean()), Display.round(tab.median()), null, null);
        }).toList();
        Tabulation tab = overall.tabulation();
        if (overallReason != null) {
            return new QuestionDto(round.info().roundId(), question.id(), type, question.text(), null, null, null, null,
                    DisclosureRules.SUPPRESSED, overallReason, tables.isEmpty() ? null : by, groupDtos);
        }
        return new QuestionDto(round.info().roundId(), question.id(), type, question.text(), tab.base(),
                options(question, tab), Display.round(tab.mean()), Display.round(tab.median()), null, null,
                tables.isEmpty() ? null : by, groupDtos);
    }

    private SecondarySuppression.Cell cell(Table t) {
        return new SecondarySuppression.Cell(t.key(), t.contributors(), t.respondents(),
                DisclosureRules.primary(t.contributors().size(), t.respondents()));
    }

    private Table table(String key, String name, RoundData round, Question question, Predicate<String> member,
                        boolean respondentBased) {
        if (respondentBased) {
            return shareTable(key, name, round, question, member);
        }
        List<Object> answers = new ArrayList<>();
        Set<String> contributors = new LinkedHashSet<>();
        for (AuthorityEntry entry : round.authorities().values()) {
            Object answer = entry.answers().get(question.id());
            if (answer != null && member.test(entry.code())) {
                answers.add(answer);
                contributors.add(entry.code());
            }
        }
        return new Table(key, name, Tabulator.tabulate(question, answers), contributors, null);
    }

    /**
     * Practitioner-survey questions are not sent as answers (responses are anonymous); metrics-service sends each
     * statement's share agreeing as an indicator. The indicator whose id is the question id is pooled here.
     */
    private Table shareTable(String key, String name, RoundData round, Question question, Predicate<String> member) {
        BigDecimal agreeing = BigDecimal.ZERO;
        BigDecimal base = BigDecimal.ZERO;
        Set<String> contributors = new LinkedHashSet<>();
        for (Map.Entry<String, IndicatorValue> e : round.indicator(question.id()).entrySet()) {
            IndicatorValue v = e.getValue();
            if (member.test(e.getKey()) && v.numerator() != null && v.denominator() != null && v.denominator().signum() > 0) {
                agreeing = agreeing.add(v.numerator());
                base = base.add(v.denominator());
                contributors.add(e.getKey());
            }
        }
        return new Table(key, name, Tabulator.share("agree", agreeing, base), contributors, base);
    }

    private static List<QuestionDto.OptionDto> options(Question question, Tabulation tab) {
        if (question.isNumber()) {
            return null;
        }
        return tab.options().stream().map(o -> {
            boolean low = DisclosureRules.isLow(o.percent());
            BigDecimal percent = low || o.percent() == null ? null : o.percent().setScale(1, RoundingMode.HALF_UP);
            return new QuestionDto.OptionDto(o.option(), o.count(), percent, low ? Boolean.TRUE : null);
        }).toList();
    }
}
