package uk.gov.local.healthcheck.benchmark.grouping;

import java.util.Optional;

/**
 * Names a group as clients write it: {@code national} or {@code region:E12000005}.
 *
 * @param code the group's code within its kind; null for {@link GroupKind#NATIONAL}
 */
public record GroupId(GroupKind kind, String code) {

    private static final String SEPARATOR = ":";

    public static final GroupId NATIONAL = new GroupId(GroupKind.NATIONAL, null);

    public static GroupId region(String code) {
        return new GroupId(GroupKind.REGION, code);
    }

    public static GroupId of(GroupKind kind, String code) {
        return new GroupId(kind, code);
    }

    /** Parses the text form; empty when it is not well formed (whether the group exists is the catalog's business). */
    public static Optional<GroupId> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        int colon = trimmed.indexOf(SEPARATOR);
        String kindKey = colon < 0 ? trimmed : trimmed.substring(0, colon);
        String code = colon < 0 ? null : trimmed.substring(colon + 1);
        return GroupKind.fromKey(kindKey).flatMap(kind -> {
            boolean needsCode = kind != GroupKind.NATIONAL;
            boolean hasCode = code != null && !code.isEmpty();
            return needsCode == hasCode ? Optional.of(new GroupId(kind, code)) : Optional.empty();
        });
    }

    @Override
    public String toString() {
        return code == null ? kind.key() : kind.key() + SEPARATOR + code;
    }
}
