package uk.gov.local.healthcheck.benchmark.grouping;

import lombok.Getter;
import uk.gov.local.healthcheck.reference.authorities.Area;
import uk.gov.local.healthcheck.reference.authorities.Authority;
import uk.gov.local.healthcheck.reference.authorities.AuthorityRegister;
import uk.gov.local.healthcheck.reference.authorities.CouncilType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The groups benchmarks are offered for, derived once from the register. Membership of the fixed groups (England,
 * regions, Inner/Outer London, council types) is by GSS code and ignores the register's validity years: an event
 * names its authority, and a historic authority (e.g. Cumbria) that reports for an old round belongs to its region
 * as it did then. Statistical-neighbour groups depend on the round's year (see {@link #neighbours}).
 */
public final class GroupCatalog {

    /** The order the issue and the 2018 report list council types in. */
    public static final List<CouncilType> TYPE_ORDER = List.of(CouncilType.SHIRE_COUNTY, CouncilType.LONDON_BOROUGH,
            CouncilType.METROPOLITAN_DISTRICT, CouncilType.UNITARY_AUTHORITY);

    @Getter
    private final AuthorityRegister register;
    @Getter
    private final Group national;
    /** Every region, in code order. */
    @Getter
    private final List<Group> regions;
    /** Inner London, then Outer London. */
    @Getter
    private final List<Group> londonSubregions;
    /** Shire County, London Borough, Metropolitan District, Unitary Authority. */
    @Getter
    private final List<Group> councilTypes;
    private final Map<GroupId, Group> byId;

    private GroupCatalog(AuthorityRegister register, Group national, List<Group> regions, List<Group> londonSubregions,
                         List<Group> councilTypes) {
        this.register = register;
        this.national = national;
        this.regions = List.copyOf(regions);
        this.londonSubregions = List.copyOf(londonSubregions);
        this.councilTypes = List.copyOf(councilTypes);
        Map<GroupId, Group> index = new LinkedHashMap<>();
        index.put(national.id(), national);
        regions.forEach(r -> index.put(r.id(), r));
        londonSubregions.forEach(r -> index.put(r.id(), r));
        councilTypes.forEach(r -> index.put(r.id(), r));
        this.byId = Collections.unmodifiableMap(index);
    }

    public static GroupCatalog from(AuthorityRegister register) {
        Group national = new Group(GroupId.NATIONAL, Area.ENGLAND.code(), Area.ENGLAND.name(), members(register, a -> true));
        List<Group> regions = register.regions().stream()
                .map(region -> new Group(GroupId.region(region.code()), region.code(), region.name(),
                        members(register, a -> a.region().code().equals(region.code()))))
                .toList();
        List<Group> subregions = Area.LONDON_SUBREGIONS.stream()
                .map(area -> new Group(GroupId.of(GroupKind.LONDON_SUBREGION, area.code()), area.code(), area.name(),
                        members(register, a -> a.londonSubregionCode().filter(area.code()::equals).isPresent())))
                .toList();
        List<Group> types = TYPE_ORDER.stream()
                .map(type -> new Group(GroupId.of(GroupKind.COUNCIL_TYPE, type.slug()), type.slug(), type.label(),
                        members(register, a -> a.type() == type)))
                .toList();
        return new GroupCatalog(register, national, regions, subregions, types);
    }

    private static Set<String> members(AuthorityRegister register, Predicate<Authority> test) {
        return register.all().stream().filter(test).map(Authority::gssCode).collect(Collectors.toSet());
    }

    /** The region group an authority belongs to. */
    public Optional<Group> regionOf(String authorityCode) {
        return regions.stream().filter(g -> g.contains(authorityCode)).findFirst();
    }

    public Optional<Group> councilTypeOf(String authorityCode) {
        return councilTypes.stream().filter(g -> g.contains(authorityCode)).findFirst();
    }

    /**
     * An authority's statistical neighbours as they existed in the year: the register's 10 DfE codes mapped to the
     * authorities that held them then. Empty when the authority is unknown.
     */
    public Optional<Group> neighbours(String authorityCode, int year) {
        return neighbourCache.computeIfAbsent(authorityCode + "@" + year, k -> buildNeighbours(authorityCode, year));
    }

    private final Map<String, Optional<Group>> neighbourCache = new java.util.concurrent.ConcurrentHashMap<>();

    private Optional<Group> buildNeighbours(String authorityCode, int year) {
        return register.find(authorityCode).map(a -> new Group(GroupId.of(GroupKind.NEIGHBOURS, a.gssCode()),
                a.gssCode(), "Statistical neighbours of " + a.name(),
                new LinkedHashSet<>(register.neighbours(a.gssCode(), year))));
    }

    /** Any group; neighbour groups are built for the year. */
    public Optional<Group> find(GroupId id, int year) {
        if (id.kind() == GroupKind.NEIGHBOURS) {
            return neighbours(id.code(), year);
        }
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<Group> find(GroupId id) {
        return find(id, java.time.Year.now().getValue());
    }

    /** The fixed groups in answer order: England, regions, Inner/Outer London, council types. */
    public List<Group> fixedGroups() {
        List<Group> all = new ArrayList<>(byId.values());
        return List.copyOf(all);
    }
}
