package uk.gov.local.healthcheck.benchmark.api;

import lombok.RequiredArgsConstructor;
import uk.gov.local.healthcheck.benchmark.access.AccessPolicy;
import uk.gov.local.healthcheck.benchmark.grouping.Group;
import uk.gov.local.healthcheck.benchmark.grouping.GroupCatalog;
import uk.gov.local.healthcheck.benchmark.model.RoundData;
import uk.gov.local.healthcheck.benchmark.query.BenchmarkQuery;
import uk.gov.local.healthcheck.benchmark.query.IndicatorView;
import uk.gov.local.healthcheck.benchmark.query.NoBenchmarkDataException;
import uk.gov.local.healthcheck.reference.authorities.Authority;
import uk.gov.local.healthcheck.reference.authorities.AuthorityRegister;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds a region's table from the round's snapshot, each authority's figures by {@link AuthorityFigures#own} as its
 * comparison does; no I/O.
 */
@RequiredArgsConstructor
final class RegionTableAssembler {

    private final BenchmarkQuery query;
    private final AccessPolicy scope;

    RegionTableDto assemble(RoundData round, Group region) {
        GroupCatalog catalog = query.catalog();
        AuthorityRegister register = catalog.register();
        int year = round.info().year();
        List<Authority> authorities = region.members().stream()
                .map(code -> register.find(code).orElseThrow())
                .filter(a -> AuthorityRegister.existsIn(a, year) || round.authorities().containsKey(a.gssCode()))
                .sorted(Comparator.comparing(Authority::name).thenComparing(Authority::gssCode))
                .toList();
        if (authorities.stream().noneMatch(a -> round.authorities().containsKey(a.gssCode()))) {
            throw new NoBenchmarkDataException("No authority of " + region.name() + " (" + region.code()
                    + ") has reported in round '" + round.info().roundId() + "'");
        }
        List<IndicatorView> views = round.indicatorIds().stream().map(id -> query.view(round, id)).toList();
        List<RegionTableDto.IndicatorColumn> columns = views.stream().map(v -> column(v, region)).toList();
        List<RegionTableDto.AuthorityRow> rows = new ArrayList<>();
        int withheld = 0;
        for (Authority a : authorities) {
            boolean visible = AuthorityFigures.named(round, a.gssCode(), scope, register);
            withheld += visible ? 0 : 1;
            rows.add(new RegionTableDto.AuthorityRow(a.gssCode(), a.name(), a.type().label(), visible,
                    visible ? views.stream().map(v -> AuthorityFigures.own(v, a)).toList() : null));
        }
        return new RegionTableDto(round.info().roundId(), round.info().period(),
                new RegionTableDto.RegionRef(region.code(), region.name()), columns, rows, withheld);
    }

    private static RegionTableDto.IndicatorColumn column(IndicatorView view, Group region) {
        Integer scale = view.national().statistics().scale();
        boolean percent = "percent".equals(view.unit()) || (scale != null && scale == Display.PERCENT_SCALE);
        List<String> low = new ArrayList<>();
        return new RegionTableDto.IndicatorColumn(view.indicatorId(), view.polarity().wire(), view.unit(),
                AuthorityFigures.group(view.group(region.id()).orElse(null), percent, low, "region"),
                AuthorityFigures.group(view.national(), percent, low, "england"),
                low.isEmpty() ? null : low);
    }
}
