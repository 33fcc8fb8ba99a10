package io.progate.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Reads the raw audit table for tests, bypassing the code under test. */
@ApplicationScoped
public class AuditTestSupport {

    @Inject
    DataSource dataSource;

    @Inject
    AuditLog log;

    /** The id of the newest event, or 0. */
    public long lastId() {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery("select coalesce(max(id), 0) from audit_event")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every column of every event after {@code afterId}, as one JSON text per event, oldest first. */
    public List<String> rawRowsAfter(long afterId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select row_to_json(e)::text from audit_event e where id > ? order by id")) {
            ps.setLong(1, afterId);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Events after {@code afterId}, oldest first, as the search reads them. */
    public List<AuditEntry> entriesAfter(long afterId) {
        try (Connection c = dataSource.getConnection()) {
            List<AuditEntry> rows = new ArrayList<>();
            long after = afterId;
            List<AuditEntry> batch;
            do {
                batch = AuditSql.chain(c, after, 1000);
                rows.addAll(batch);
                after = batch.isEmpty() ? after : batch.get(batch.size() - 1).id();
            } while (!batch.isEmpty());
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records one event in its own transaction, as the system. */
    public AuditEvent record(String action, String targetType, String targetId, Long teamId, Map<String, ?> details) {
        return QuarkusTransaction.requiringNew().call(() -> log.record(AuditRecord.of(action, targetType, targetId)
                .team(teamId).actor(AuditLog.SYSTEM).details(details)));
    }

    public DataSource dataSource() {
        return dataSource;
    }
}
