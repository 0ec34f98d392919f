package org.arrival.registry.shared;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.arrival.contracts.EventJson;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** Paged, sorted listings over a table with a JSON profile column, the way every registry listing works. */
public final class Listings {

    private Listings() {}

    /**
     * Runs {@code SELECT * FROM table WHERE ...} for one page, ordered by the sort field's column and then by id
     * (so pages are stable), and counts all matches.
     */
    public static <T> PageResult<T> page(
            JdbcTemplate jdbc,
            String table,
            CharSequence where,
            List<Object> args,
            PageQuery page,
            Map<String, String> sortColumns,
            RowMapper<T> mapper) {
        Long total = jdbc.queryForObject("SELECT count(*) FROM " + table + where, Long.class, args.toArray());
        String order =
                " ORDER BY " + sortColumns.get(page.sortField()) + (page.descending() ? " DESC" : " ASC") + ", id";
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(page.size());
        pageArgs.add(page.offset());
        List<T> items =
                jdbc.query("SELECT * FROM " + table + where + order + " LIMIT ? OFFSET ?", mapper, pageArgs.toArray());
        return PageResult.of(items, page, total == null ? 0 : total);
    }

    /** An ILIKE pattern matching the text anywhere, with the pattern's own wildcards escaped. */
    public static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The JSON stored in a profile column: the same mapping as the events. */
    public static String json(Object value) {
        return new String(EventJson.write(value), StandardCharsets.UTF_8);
    }
}
