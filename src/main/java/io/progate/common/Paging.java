package io.progate.common;

import java.util.List;

/**
 * A page asked for by a list: {@code limit} rows (default {@value #DEFAULT_LIMIT}, at most
 * {@value #MAX_LIMIT}) after the keyset {@code cursor} (the id of the last row of the page before;
 * null for the first page). Every list of the API and the pages is read this way: one bounded query
 * that walks an index, whatever the depth.
 */
public record Paging(int limit, Long cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /** The first page of the default size. */
    public static Paging first() {
        return new Paging(DEFAULT_LIMIT, null);
    }

    /** Parses the query parameters {@code limit} and {@code cursor}; 400 with both errors when unusable. */
    public static Paging parse(String limit, String cursor) {
        return parse(limit, cursor, "cursor");
    }

    /** The same for a cursor in the query parameter {@code cursorField} (a page with two lists), named in its error. */
    public static Paging parse(String limit, String cursor, String cursorField) {
        Validator validator = new Validator();
        Integer size = blank(limit) ? Integer.valueOf(DEFAULT_LIMIT) : number(limit, 1, MAX_LIMIT);
        Long after = blank(cursor) ? null : (Long) longNumber(cursor);
        validator.check(size != null, "limit", "a number from 1 to " + MAX_LIMIT)
                .check(blank(cursor) || after != null, cursorField, "the cursor of a previous page")
                .throwIfInvalid();
        return new Paging(size, after);
    }

    /** The page size alone, for lists whose cursor is not an id. */
    public static int limit(String limit) {
        return parse(limit, null).limit();
    }

    /** One page of rows (read with {@link #limit()} + 1 to learn whether more follow) and the next cursor. */
    public record Page<T>(List<T> items, Long nextCursor) {
    }

    /**
     * Cuts rows read with {@code limit + 1} to the page, with the id of its last row as the next cursor
     * when a further row was there.
     */
    public <T> Page<T> page(List<T> rows, java.util.function.ToLongFunction<T> id) {
        if (rows.size() <= limit) {
            return new Page<>(List.copyOf(rows), null);
        }
        List<T> items = List.copyOf(rows.subList(0, limit));
        return new Page<>(items, id.applyAsLong(items.get(limit - 1)));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Integer number(String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            return n >= min && n <= max ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long longNumber(String value) {
        try {
            long n = Long.parseLong(value.trim());
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
