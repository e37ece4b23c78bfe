package uk.gov.local.healthcheck.benchmark.grouping;

import uk.gov.local.healthcheck.benchmark.reference.Authority;
import uk.gov.local.healthcheck.benchmark.reference.AuthorityRegister;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The groups benchmarks are offered for, derived once from the register. Membership is by GSS code and ignores the
 * register's validity years: an event names its authority, and a historic authority (e.g. Cumbria) that reports for
 * an old round belongs to its region as it did then.
 */
public final class GroupCatalog {

    /** ONS code of England. */
    public static final String ENGLAND_CODE = "E92000001";
    public static final String ENGLAND_NAME = "England";

    private final Group national;
    private final List<Group> regions;
    private final Map<GroupId, Group> byId;

    private GroupCatalog(Group national, List<Group> regions) {
        this.national = national;
        this.regions = List.copyOf(regions);
        Map<GroupId, Group> index = new LinkedHashMap<>();
        index.put(national.id(), national);
        regions.forEach(r -> index.put(r.id(), r));
        this.byId = Collections.unmodifiableMap(index);
    }

    public static GroupCatalog from(AuthorityRegister register) {
        Set<String> everyone = register.all().stream().map(Authority::gssCode).collect(Collectors.toSet());
        Group national = new Group(GroupId.NATIONAL, ENGLAND_CODE, ENGLAND_NAME, everyone);
        List<Group> regions = register.regions().stream()
                .map(region -> new Group(
                        GroupId.region(region.code()),
                        region.code(),
                        region.name(),
                        register.all().stream()
                                .filter(a -> a.region().code().equals(region.code()))
                                .map(Authority::gssCode)
                                .collect(Collectors.toSet())))
                .toList();
        return new GroupCatalog(national, regions);
    }

    public Group national() {
        return national;
    }

    /** Every region, in code order. */
    public List<Group> regions() {
        return regions;
    }

    public Optional<Group> find(GroupId id) {
        return Optional.ofNullable(byId.get(id));
    }
}
