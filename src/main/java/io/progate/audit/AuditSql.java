package io.progate.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL that reads the audit log, in plain JDBC so that pages, exports, verification and the
 * benchmark run exactly the same statements. Every read walks the primary key (or an index ending
 * in id) newest first and stops after {@code limit} rows, so a page costs the same at any depth.
 */
final class AuditSql {

    private static final String COLUMNS = "e.id, e.occurred_at, e.actor, e.source_ip, e.team_id, t.slug, e.action,"
            + " e.target_type, e.target_id, e.outcome, e.details::text, e.prev_hash, e.hash";

    private AuditSql() {
    }

    /** Up to {@code limit} events matching the filter, newest first. */
    static List<AuditEntry> page(Connection c, AuditFilter f, int limit) throws SQLException {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS)
                .append(" from audit_event e left join team t on t.id = e.team_id where true");
        if (f.visibleTeams() != null) {
            sql.append(" and e.team_id = any(?)");
            params.add(c.createArrayOf("bigint", f.visibleTeams().toArray()));
        }
        equal(sql, params, "e.team_id", f.teamId());
        equal(sql, params, "e.actor", f.actor());
        equal(sql, params, "e.action", f.action());
        equal(sql, params, "e.target_type", f.targetType());
        equal(sql, params, "e.target_id", f.targetId());
        equal(sql, params, "e.outcome", f.outcome() == null ? null : f.outcome().name());
        if (f.from() != null) {
            sql.append(" and e.occurred_at >= ?");
            params.add(f.from().atOffset(ZoneOffset.UTC));
        }
        if (f.to() != null) {
            sql.append(" and e.occurred_at < ?");
            params.add(f.to().atOffset(ZoneOffset.UTC));
        }
        if (f.text() != null) {
            sql.append(" and e.details::text ilike ? escape '\\'");
            params.add("%" + f.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        equalOrLess(sql, params, f.beforeId());
        sql.append(" order by e.id desc limit ?");
        params.add(limit);
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<AuditEntry> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(entry(rs));
                }
                return rows;
            }
        }
    }

    /** Up to {@code limit} events with an id above {@code afterId}, oldest first: the chain's order. */
    static List<AuditEntry> chain(Connection c, long afterId, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS
                + " from audit_event e left join team t on t.id = e.team_id where e.id > ? order by e.id limit ?")) {
            ps.setLong(1, afterId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<AuditEntry> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(entry(rs));
                }
                return rows;
            }
        }
    }

    /** The hash of the last event before {@code id}, or the genesis hash. */
    static String hashBefore(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select hash from audit_event where id < ? order by id desc limit 1")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : AuditChain.GENESIS;
            }
        }
    }

    /** The id of the event that has this hash, if one does (a full scan: used only on a broken chain). */
    static Long idOfHash(Connection c, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id from audit_event where hash = ? limit 1")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static void equal(StringBuilder sql, List<Object> params, String column, Object value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = ?");
            params.add(value);
        }
    }

    private static void equalOrLess(StringBuilder sql, List<Object> params, Long beforeId) {
        if (beforeId != null) {
            sql.append(" and e.id < ?");
            params.add(beforeId);
        }
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        Long teamId = rs.getObject(5, Long.class);
        return new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                rs.getString(4), teamId, rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                Outcome.valueOf(rs.getString(10)), rs.getString(11), rs.getString(12), rs.getString(13));
    }
}
