package org.arrival.benchmarks.dataset;

import java.util.List;
import java.util.Locale;

/**
 * How much a data set holds. Every size has one large forum (a capital's) holding {@code largestForumActions}; the
 * other actions are spread evenly over the other forums, which are nested in regional forums.
 *
 * @param regions regional forums, parents of the others (0: none)
 * @param forums forums actions are shared with (the regional ones not counted)
 * @param organisations organisations registered, each seated in one forum
 * @param actions actions, each shared with one forum
 * @param reportsPerAction progress reports on each action, spread over the data set's five years
 * @param needs needs identified, each shared with one forum
 * @param estimates population estimates, in series per forum
 */
public record DatasetSize(
        String label,
        int regions,
        int forums,
        int organisations,
        int actions,
        int largestForumActions,
        int reportsPerAction,
        int needs,
        int estimates) {

    public static final DatasetSize CITY = new DatasetSize("city", 0, 1, 100, 2_000, 2_000, 25, 200, 50);
    /** A tenth of a country: a middle point for the growth between the two. */
    public static final DatasetSize REGION = new DatasetSize("region", 3, 30, 500, 20_000, 2_000, 25, 2_000, 300);

    public static final DatasetSize COUNTRY =
            new DatasetSize("country", 15, 300, 5_000, 200_000, 20_000, 25, 20_000, 3_000);

    public static final List<DatasetSize> NAMED = List.of(CITY, REGION, COUNTRY);

    public DatasetSize {
        if (forums < 1 || organisations < forums || actions < forums || largestForumActions > actions) {
            throw new IllegalArgumentException("not a coherent size: " + label);
        }
        if (forums == 1 && largestForumActions != actions) {
            throw new IllegalArgumentException("one forum holds every action: " + label);
        }
    }

    public static DatasetSize parse(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return NAMED.stream()
                .filter(s -> s.label().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no size " + name + "; sizes: "
                        + NAMED.stream().map(DatasetSize::label).toList()));
    }

    public long reports() {
        return (long) actions * reportsPerAction;
    }
}
