package uk.gov.local.healthcheck.benchmark.query;

import lombok.Getter;
import uk.gov.local.healthcheck.benchmark.aggregation.GroupBenchmarks;
import uk.gov.local.healthcheck.benchmark.aggregation.GroupStatistics;
import uk.gov.local.healthcheck.benchmark.disclosure.DisclosureRules;
import uk.gov.local.healthcheck.benchmark.disclosure.SecondarySuppression;
import uk.gov.local.healthcheck.benchmark.grouping.Group;
import uk.gov.local.healthcheck.benchmark.grouping.GroupCatalog;
import uk.gov.local.healthcheck.benchmark.grouping.GroupId;
import uk.gov.local.healthcheck.benchmark.model.RoundData;
import uk.gov.local.healthcheck.benchmark.ranking.Polarity;
import uk.gov.local.healthcheck.benchmark.ranking.Ranking;
import uk.gov.local.healthcheck.events.IndicatorValue;
import uk.gov.local.healthcheck.reference.authorities.Area;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One indicator of one round, fully worked out: every fixed group's statistics with disclosure control applied
 * (primary and secondary), authorities' ranks in England and in their region. Neighbour groups are computed on
 * demand. Pure over a snapshot: no I/O.
 */
public final class IndicatorView {

    @Getter
    private final String indicatorId;
    @Getter
    private final RoundData round;
    @Getter
    private final GroupCatalog catalog;
    @Getter
    private final boolean respondentBased;
    private final Map<String, IndicatorValue> values;
    @Getter
    private final Polarity polarity;
    @Getter
    private final String unit;
    private final Map<GroupId, GroupResult> fixed = new LinkedHashMap<>();
    private final Map<String, BigDecimal> authorityValues = new HashMap<>();
    private final Map<String, Integer> englandRanks;
    private final Map<String, Map<String, Integer>> regionRanks = new HashMap<>();
    public IndicatorView(RoundData round, String indicatorId, GroupCatalog catalog, boolean respondentBased) {
        this.indicatorId = indicatorId;
        this.round = round;
        this.catalog = catalog;
        this.values = round.indicator(indicatorId);
        // Respondent-based figures are the shares (numerator agreeing / denominator respondents, scale 100); a
        // practitioner round's scores on scale 1 (e.g. a standard's mean of statement scores over n statements)
        // have no respondent base, so the 10-respondent rule does not apply to them.
        this.respondentBased = respondentBased && !values.isEmpty()
                && values.values().stream().allMatch(v -> v.scale() == 100);
        this.polarity = values.values().stream().map(IndicatorValue::polarity).filter(p -> p != null).findFirst()
                .map(Polarity::parse).orElse(Polarity.NEITHER);
        this.unit = values.values().stream().map(IndicatorValue::unit).filter(u -> u != null).findFirst().orElse(null);
        values.forEach((code, v) -> {
            if (!v.isMissing() && authoritySuppression(v) == null) {
                authorityValues.put(code, v.value());
            }
        });
        summariseFixedGroups();
        this.englandRanks = Ranking.ranks(authorityValues, polarity);
        for (Group region : catalog.regions()) {
            Map<String, BigDecimal> inRegion = authorityValues.entrySet().stream()
                    .filter(e -> region.contains(e.getKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            regionRanks.put(region.code(), Ranking.ranks(inRegion, polarity));
        }
    }

    private void summariseFixedGroups() {
        List<SecondarySuppression.Cell> cells = new ArrayList<>();
        Map<GroupId, GroupStatistics> stats = new LinkedHashMap<>();
        for (Group g : catalog.fixedGroups()) {
            GroupStatistics s = GroupBenchmarks.forGroup(g, values);
            stats.put(g.id(), s);
            Set<String> contributors = contributors(g);
            cells.add(new SecondarySuppression.Cell(g.id().toString(), contributors, respondentBase(s),
                    primary(s)));
        }
        List<SecondarySuppression.Partition> partitions = new ArrayList<>();
        String england = GroupId.NATIONAL.toString();
        partitions.add(new SecondarySuppression.Partition(england,
                catalog.regions().stream().map(g -> g.id().toString()).toList()));
        partitions.add(new SecondarySuppression.Partition(england,
                catalog.councilTypes().stream().map(g -> g.id().toString()).toList()));
        partitions.add(new SecondarySuppression.Partition(GroupId.region(Area.LONDON.code()).toString(),
                catalog.londonSubregions().stream().map(g -> g.id().toString()).toList()));
        Map<String, String> suppressed = SecondarySuppression.apply(cells, partitions);
        for (Group g : catalog.fixedGroups()) {
            fixed.put(g.id(), new GroupResult(g, stats.get(g.id()), suppressed.get(g.id().toString())));
        }
    }

    private Set<String> contributors(Group g) {
        return values.entrySet().stream()
                .filter(e -> g.contains(e.getKey()))
                .filter(e -> !e.getValue().isMissing() || (e.getValue().numerator() != null
                        && e.getValue().denominator() != null && e.getValue().denominator().signum() > 0))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private BigDecimal respondentBase(GroupStatistics s) {
        if (!respondentBased) {
            return null;
        }
        return s.denominator() == null ? BigDecimal.ZERO : s.denominator();
    }

    private String primary(GroupStatistics s) {
        return DisclosureRules.primary(s.contributors(), respondentBase(s));
    }

    /** Why an authority's own figure is withheld (a practitioner base under 10), or null. */
    public String authoritySuppression(IndicatorValue v) {
        return respondentBased ? DisclosureRules.authorityFigure(v.denominator() == null ? BigDecimal.ZERO : v.denominator())
                : null;
    }

    public boolean hasData() {
        return !fixed.get(GroupId.NATIONAL).statistics().isEmpty();
    }

    public GroupResult national() {
        return fixed.get(GroupId.NATIONAL);
    }

    public List<GroupResult> of(List<Group> groups) {
        return groups.stream().map(g -> fixed.get(g.id())).toList();
    }

    /** Any group: a fixed one with its suppression, or an authority's neighbours (primary suppression only). */
    public Optional<GroupResult> group(GroupId id) {
        GroupResult known = fixed.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        return catalog.find(id, round.info().year()).map(this::neighbourResult);
    }

    /** Statistical neighbours of every authority that existed in the round's year, in register order. */
    public List<GroupResult> allNeighbourGroups() {
        List<GroupResult> known = neighbourGroups;
        if (known == null) {
            known = computeNeighbourGroups();
            neighbourGroups = known;
        }
        return known;
    }

    private volatile List<GroupResult> neighbourGroups;

    private List<GroupResult> computeNeighbourGroups() {
        int year = round.info().year();
        return catalog.register().all().stream()
                .filter(a -> uk.gov.local.healthcheck.reference.authorities.AuthorityRegister.existsIn(a, year))
                .map(a -> catalog.neighbours(a.gssCode(), year).orElseThrow())
                .map(this::neighbourResult)
                .toList();
    }

    private GroupResult neighbourResult(Group g) {
        GroupStatistics s = GroupBenchmarks.forGroup(g, values);
        return new GroupResult(g, s, primary(s));
    }

    public Optional<IndicatorValue> value(String authorityCode) {
        return Optional.ofNullable(values.get(authorityCode));
    }

    /** The authority's value unless missing or withheld. */
    public BigDecimal shownValue(String authorityCode) {
        return authorityValues.get(authorityCode);
    }

    /** Authorities of a group with a shown value. */
    public Map<String, BigDecimal> shownValues(Group g) {
        return authorityValues.entrySet().stream().filter(e -> g.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public Integer englandRank(String code) {
        return englandRanks.get(code);
    }

    public int englandRanked() {
        return englandRanks.size();
    }

    public Integer regionRank(String regionCode, String code) {
        return regionRanks.getOrDefault(regionCode, Map.of()).get(code);
    }

    public int regionRanked(String regionCode) {
        return regionRanks.getOrDefault(regionCode, Map.of()).size();
    }

    /** Quartile band against England's authority values. */
    public String band(String code) {
        GroupStatistics e = national().statistics();
        return Ranking.band(shownValue(code), e.lowerQuartile(), e.median(), e.upperQuartile(), polarity);
    }
}
