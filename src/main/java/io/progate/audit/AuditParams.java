package io.progate.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The search parameters of the audit API and page, as given (blank means not given). {@code from}
 * and {@code to} take an instant ({@code 2026-01-31T12:00:00Z}) or a date ({@code to} a date includes
 * that whole day, UTC); {@code q} is free text looked for in the details.
 */
public class AuditParams {

    @RestQuery
    public String team;
    @RestQuery
    public String actor;
    @RestQuery
    public String action;
    @RestQuery
    public String targetType;
    @RestQuery
    public String targetId;
    @RestQuery
    public String outcome;
    @RestQuery
    public String from;
    @RestQuery
    public String to;
    @RestQuery
    public String q;
    @RestQuery
    public String limit;
    @RestQuery
    public String cursor;

    /** The filters (without limit and cursor) as a query string, for links to further pages and exports. */
    public String query() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("team", team);
        values.put("actor", actor);
        values.put("action", action);
        values.put("targetType", targetType);
        values.put("targetId", targetId);
        values.put("outcome", outcome);
        values.put("from", from);
        values.put("to", to);
        values.put("q", q);
        return values.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().trim(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The audit page with these filters, from the given cursor on. */
    public String pageUrl(String fromCursor) {
        String query = query();
        String size = value(limit) == null ? "" : "limit=" + URLEncoder.encode(value(limit), StandardCharsets.UTF_8) + "&";
        return "/audit?" + query + (query.isEmpty() ? "" : "&") + size + "cursor=" + fromCursor;
    }

    /** The export of the events these filters match. */
    public String exportUrl(String format) {
        String query = query();
        return "/api/v1/audit/export?format=" + format + (query.isEmpty() ? "" : "&" + query);
    }

    public boolean isTeam(String slug) {
        return slug.equals(value(team));
    }

    public boolean isOutcome(String name) {
        return name.equalsIgnoreCase(String.valueOf(value(outcome)));
    }

    public static String value(String raw) {
        return raw == null || raw.isBlank() ? null : raw.trim();
    }
}
