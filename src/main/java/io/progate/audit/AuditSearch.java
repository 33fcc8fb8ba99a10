package io.progate.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Reads the audit log with keyset pagination: a cursor is the id of the last event shown, and the
 * next page is the events below it, so pages stay stable while new events keep arriving. Callers
 * decide visibility (see {@link AuditService#filterFor}) before they ask.
 */
@ApplicationScoped
public class AuditSearch {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    static final int EXPORT_BATCH = 1000;
    static final int TRAIL_LIMIT = 1000;

    @Inject
    DataSource dataSource;

    public AuditPage page(AuditFilter filter, int limit) {
        List<AuditEntry> rows = query(filter, limit + 1);
        if (rows.size() <= limit) {
            return new AuditPage(rows, null);
        }
        List<AuditEntry> page = rows.subList(0, limit);
        return new AuditPage(List.copyOf(page), String.valueOf(page.get(limit - 1).id()));
    }

    /** Hands every matching event to {@code sink}, newest first, holding one batch in memory at a time. */
    public void forEach(AuditFilter filter, Consumer<AuditEntry> sink) {
        AuditFilter next = filter;
        while (true) {
            List<AuditEntry> batch = query(next, EXPORT_BATCH);
            batch.forEach(sink);
            if (batch.size() < EXPORT_BATCH) {
                return;
            }
            next = next.before(batch.get(batch.size() - 1).id());
        }
    }

    /** The story of one target (a request, a team, a user), oldest first, for its own page. */
    public List<AuditEntry> trailOf(String targetType, String targetId) {
        List<AuditEntry> rows = new ArrayList<>(query(AuditFilter.everything().target(targetType, targetId), TRAIL_LIMIT));
        Collections.reverse(rows);
        return rows;
    }

    private List<AuditEntry> query(AuditFilter filter, int limit) {
        try (Connection c = dataSource.getConnection()) {
            return AuditSql.page(c, filter, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit log", e);
        }
    }
}
