package uk.gov.local.healthcheck.benchmark.disclosure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Secondary suppression over groups that add up: a parent (England, London) and a partition of it (the regions,
 * the council types, Inner and Outer London). Pure; the caller states the cells and the relations.
 *
 * <p>The rule, applied until nothing changes:
 * <ol>
 *   <li><b>Partition, parent shown.</b> The parent minus the shown parts is the sum of the hidden parts. If the
 *       hidden parts together are still unsafe (fewer than 3 authorities, or under 10 respondents for a
 *       respondent-based figure), the smallest shown non-empty part is hidden too, and again until safe.</li>
 *   <li><b>Partition, parent hidden.</b> If every non-empty part is shown their sum reveals the parent, so the
 *       smallest non-empty part is hidden.</li>
 *   <li><b>Same contributors.</b> Two groups with exactly the same contributing authorities (London and the
 *       London Borough type) show the same figure, so hiding one hides the other.</li>
 * </ol>
 * Statistical-neighbour groups overlap the others arbitrarily and are not audited against them (see README).
 */
public final class SecondarySuppression {

    /** One group figure: its contributing authorities, the respondent base (null unless respondent-based). */
    public record Cell(String key, Set<String> contributors, BigDecimal respondentBase, String primaryReason) {
        public int size() {
            return contributors.size();
        }
    }

    /** A parent and the parts that partition it. */
    public record Partition(String parent, List<String> parts) {
    }

    private SecondarySuppression() {
    }

    /** @return the reason each suppressed cell is suppressed (primary or secondary), by key */
    public static Map<String, String> apply(List<Cell> cells, List<Partition> partitions) {
        Map<String, Cell> byKey = new LinkedHashMap<>();
        cells.forEach(c -> byKey.put(c.key(), c));
        Map<String, String> suppressed = new LinkedHashMap<>();
        cells.stream().filter(c -> c.primaryReason() != null).forEach(c -> suppressed.put(c.key(), c.primaryReason()));

        boolean changed = true;
        while (changed) {
            changed = false;
            for (Partition p : partitions) {
                if (!byKey.containsKey(p.parent())) {
                    continue;
                }
                List<Cell> parts = p.parts().stream().map(byKey::get).filter(Objects::nonNull)
                        .filter(c -> c.size() > 0).toList();
                List<Cell> hidden = parts.stream().filter(c -> suppressed.containsKey(c.key())).toList();
                List<Cell> shown = parts.stream().filter(c -> !suppressed.containsKey(c.key()))
                        .sorted(Comparator.comparingInt(Cell::size)).toList();
                if (shown.isEmpty()) {
                    continue;
                }
                boolean parentHidden = suppressed.containsKey(p.parent());
                boolean unsafe = parentHidden ? hidden.isEmpty() : !hidden.isEmpty() && !safe(hidden);
                if (unsafe) {
                    suppressed.put(shown.get(0).key(), DisclosureRules.SECONDARY);
                    changed = true;
                }
            }
            for (Cell a : cells) {
                if (!suppressed.containsKey(a.key()) || a.size() == 0) {
                    continue;
                }
                for (Cell b : cells) {
                    if (!suppressed.containsKey(b.key()) && b.contributors().equals(a.contributors())) {
                        suppressed.put(b.key(), DisclosureRules.SECONDARY);
                        changed = true;
                    }
                }
            }
        }
        return suppressed;
    }

    private static boolean safe(List<Cell> hidden) {
        Set<String> contributors = new HashSet<>();
        BigDecimal base = null;
        for (Cell c : hidden) {
            contributors.addAll(c.contributors());
            if (c.respondentBase() != null) {
                base = base == null ? c.respondentBase() : base.add(c.respondentBase());
            }
        }
        return DisclosureRules.safeTogether(contributors.size(), base);
    }

    /** Convenience for callers building cells in a loop. */
    public static List<Cell> cells() {
        return new ArrayList<>();
    }
}
