package uk.gov.local.healthcheck.benchmark.grouping;

import java.util.Set;

/**
 * A set of authorities whose indicators are summarised together.
 *
 * @param code    the ONS code of the area (E92000001 for England, E12… for a region)
 * @param members GSS codes of the member authorities
 */
public record Group(GroupId id, String code, String name, Set<String> members) {

    public Group {
        members = Set.copyOf(members);
    }

    public boolean contains(String authorityCode) {
        return members.contains(authorityCode);
    }
}
