package uk.gov.local.healthcheck.survey.storage;

import java.lang.reflect.Array;
import java.util.List;
import java.util.function.Function;

/**
 * The parameters of a statement that writes many rows at once from {@code unnest($1::text[], $2::bigint[], …)}: one
 * typed array per column, in row order. One statement for a whole group is what makes group commits and batches
 * cost one round trip (see the README, Performance); the reactive client binds a {@code String[]} as {@code text[]},
 * a {@code Long[]} as {@code bigint[]}, and so on.
 */
public final class Columns {

    private Columns() {
    }

    /** The column of {@code rows} that {@code value} reads, as an array of {@code type}. */
    public static <R, V> V[] of(List<R> rows, Class<V> type, Function<? super R, ? extends V> value) {
        @SuppressWarnings("unchecked")
        V[] column = (V[]) Array.newInstance(type, rows.size());
        for (int i = 0; i < column.length; i++) {
            column[i] = value.apply(rows.get(i));
        }
        return column;
    }

    /** The first {@code n} of {@code values}, boxed, as the client binds a {@code bigint[]}. */
    public static Long[] of(long[] values, int n) {
        Long[] column = new Long[n];
        for (int i = 0; i < n; i++) {
            column[i] = values[i];
        }
        return column;
    }
}
