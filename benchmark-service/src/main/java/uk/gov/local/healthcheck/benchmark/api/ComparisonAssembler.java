package uk.gov.local.healthcheck.benchmark.api;

import lombok.RequiredArgsConstructor;
import uk.gov.local.healthcheck.benchmark.access.AccessPolicy;
import uk.gov.local.healthcheck.benchmark.disclosure.DisclosureRules;
import uk.gov.local.healthcheck.benchmark.grouping.Group;
import uk.gov.local.healthcheck.benchmark.grouping.GroupCatalog;
import uk.gov.local.healthcheck.benchmark.model.RoundData;
import uk.gov.local.healthcheck.benchmark.query.BenchmarkQuery;
import uk.gov.local.healthcheck.benchmark.query.GroupResult;
import uk.gov.local.healthcheck.benchmark.query.IndicatorView;
import uk.gov.local.healthcheck.benchmark.ranking.Ranking;
import uk.gov.local.healthcheck.reference.authorities.Authority;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds a council's comparison from the round's snapshots; no I/O. */
@RequiredArgsConstructor
final class ComparisonAssembler {

    private final BenchmarkQuery query;
    private final AccessPolicy scope;

    ComparisonDto assemble(BenchmarkQuery.RoundWithHistory rounds, Authority authority) {
        RoundData current = rounds.current();
        GroupCatalog catalog = query.catalog();
        List<ComparisonDto.RoundRef> refs = new ArrayList<>();
        refs.add(new ComparisonDto.RoundRef(current.info().roundId(), current.info().period()));
        rounds.previous().forEach(p -> refs.add(new ComparisonDto.RoundRef(p.info().roundId(), p.info().period())));
        List<ComparisonDto.IndicatorComparison> indicators = current.indicatorIds().stream()
                .map(id -> indicator(query.view(current, id), rounds.previous(), authority, catalog))
                .toList();
        return new ComparisonDto(current.info().roundId(), current.info().period(),
                new ComparisonDto.AuthorityRef(authority.gssCode(), authority.name(), authority.region().code(),
                        authority.region().name(), authority.type().label()),
                refs, indicators);
    }

    private ComparisonDto.IndicatorComparison indicator(IndicatorView view, List<RoundData> previous,
                                                        Authority authority, GroupCatalog catalog) {
        String code = authority.gssCode();
        boolean percent = AuthorityFigures.percent(view, code);
        AuthorityFigureDto own = AuthorityFigures.own(view, authority);
        List<String> low = new ArrayList<>(own.low() == null ? List.of() : own.low());

        List<ComparisonDto.PastValue> past = new ArrayList<>();
        BigDecimal previousValue = null;
        for (int i = 0; i < previous.size(); i++) {
            RoundData round = previous.get(i);
            IndicatorView earlier = query.view(round, view.indicatorId());
            BigDecimal v = earlier.shownValue(code);
            String suppressed = earlier.value(code).map(earlier::authoritySuppression).isPresent()
                    ? DisclosureRules.SUPPRESSED : null;
            past.add(new ComparisonDto.PastValue(round.info().roundId(), round.info().period(),
                    Display.percent("previous[" + i + "]", v, percent, low), suppressed));
            if (i == 0) {
                previousValue = v;
            }
        }
        Ranking.Direction direction = Ranking.direction(view.shownValue(code), previousValue, view.polarity());

        Optional<Group> region = catalog.regionOf(code);
        GroupResult regionResult = region.flatMap(g -> view.group(g.id())).orElse(null);
        ComparisonDto.Range range = regionResult == null ? null : range(view, regionResult, percent, low, catalog);
        GroupResult neighbours = catalog.neighbours(code, view.round().info().year())
                .flatMap(g -> view.group(g.id())).orElse(null);

        return new ComparisonDto.IndicatorComparison(
                view.indicatorId(), view.polarity().wire(), view.unit(), own.value(), own.missingReason(),
                own.suppressed(), own.reason(),
                past, Ranking.change(view.shownValue(code), previousValue),
                direction == null ? null : direction.wire(),
                AuthorityFigures.group(regionResult, percent, low, "region"), range,
                neighbourFigure(neighbours, percent, low),
                AuthorityFigures.group(view.national(), percent, low, "england"),
                own.rankEngland(), own.rankedEngland(), own.rankRegion(), own.rankedRegion(),
                own.band(), low.isEmpty() ? null : low);
    }

    private static ComparisonDto.NeighbourFigure neighbourFigure(GroupResult r, boolean percent, List<String> low) {
        if (r == null) {
            return null;
        }
        List<String> members = r.group().members().stream().sorted().toList();
        if (r.suppressed()) {
            return new ComparisonDto.NeighbourFigure(r.group().id().toString(), r.statistics().n(), null, null,
                    DisclosureRules.SUPPRESSED, r.suppression(), members);
        }
        return new ComparisonDto.NeighbourFigure(r.group().id().toString(), r.statistics().n(),
                Display.percent("statisticalNeighbours.mean", r.statistics().mean(), percent, low),
                Display.percent("statisticalNeighbours.median", r.statistics().median(), percent, low), null, null, members);
    }

    /** Lowest and highest value in the region; the authority is named only where it consented or the caller may see it. */
    private ComparisonDto.Range range(IndicatorView view, GroupResult region, boolean percent, List<String> low,
                                      GroupCatalog catalog) {
        if (region.suppressed()) {
            return new ComparisonDto.Range(null, null, DisclosureRules.SUPPRESSED, region.suppression());
        }
        Map<String, BigDecimal> values = view.shownValues(region.group());
        if (values.isEmpty()) {
            return null;
        }
        Comparator<Map.Entry<String, BigDecimal>> byValue = Map.Entry.comparingByValue();
        Map.Entry<String, BigDecimal> lowest = values.entrySet().stream().min(byValue.thenComparing(Map.Entry.comparingByKey())).orElseThrow();
        Map.Entry<String, BigDecimal> highest = values.entrySet().stream().max(byValue.thenComparing(Map.Entry.comparingByKey())).orElseThrow();
        return new ComparisonDto.Range(end(view, lowest, percent, low, "regionRange.lowest", catalog),
                end(view, highest, percent, low, "regionRange.highest", catalog), null, null);
    }

    private ComparisonDto.RangeEnd end(IndicatorView view, Map.Entry<String, BigDecimal> e, boolean percent,
                                       List<String> low, String name, GroupCatalog catalog) {
        boolean named = AuthorityFigures.named(view.round(), e.getKey(), scope, catalog.register());
        String authorityName = named ? catalog.register().find(e.getKey()).map(Authority::name).orElse(null) : null;
        return new ComparisonDto.RangeEnd(Display.percent(name, e.getValue(), percent, low),
                named ? e.getKey() : null, authorityName);
    }
}
