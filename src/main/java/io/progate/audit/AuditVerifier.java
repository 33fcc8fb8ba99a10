package io.progate.audit;

import io.progate.audit.ChainReport.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Walks the chain in id order, a bounded batch at a time, recomputing every hash and checking
 * that each event points back to the one stored before it. It only reads, so it works with the
 * append-only trigger in place and while writers keep appending.
 */
@ApplicationScoped
public class AuditVerifier {

    static final int BATCH = 1000;

    @Inject
    DataSource dataSource;

    /** Verifies the events from {@code fromId} on (all of them when null), including their link to the one before. */
    public ChainReport verify(Long fromId) {
        try (Connection c = dataSource.getConnection()) {
            return verify(c, fromId);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit log", e);
        }
    }

    /** The same walk on a given connection (tests use it to look at changes they never commit). */
    public static ChainReport verify(Connection c, Long fromId) throws SQLException {
        long start = fromId == null ? 0 : fromId;
        String prev = start <= 0 ? AuditChain.GENESIS : AuditSql.hashBefore(c, start);
        long after = start - 1;
        long checked = 0;
        Long previousId = null;
        while (true) {
            List<AuditEntry> batch = AuditSql.chain(c, after, BATCH);
            for (AuditEntry e : batch) {
                if (!AuditChain.hash(event(e)).equals(e.hash())) {
                    return ChainReport.broken(checked, fromId, e.id(), Problem.CHANGED,
                            "event " + e.id() + " was changed: its content no longer matches its hash");
                }
                if (!prev.equals(e.prevHash())) {
                    return linkBroken(c, checked, fromId, e, previousId);
                }
                prev = e.hash();
                previousId = e.id();
                checked++;
            }
            if (batch.size() < BATCH) {
                return ChainReport.intact(checked, fromId, previousId, prev);
            }
            after = batch.get(batch.size() - 1).id();
        }
    }

    private static ChainReport linkBroken(Connection c, long checked, Long fromId, AuditEntry e, Long previousId)
            throws SQLException {
        String before = previousId == null ? "the start of the checked range" : "event " + previousId;
        Long target = AuditChain.GENESIS.equals(e.prevHash()) ? Long.valueOf(0) : AuditSql.idOfHash(c, e.prevHash());
        if (target == null) {
            return ChainReport.broken(checked, fromId, e.id(), Problem.MISSING, "event " + e.id()
                    + " does not follow " + before + ": the event it was chained to is missing"
                    + " (deleted, or rewritten together with its hash)");
        }
        String where = target == 0 ? "the start of the log" : "event " + target;
        return ChainReport.broken(checked, fromId, e.id(), Problem.REORDERED, "event " + e.id()
                + " does not follow " + before + ": it was chained to " + where + ", so events were reordered");
    }

    private static AuditEvent event(AuditEntry e) {
        AuditEvent event = new AuditEvent();
        event.occurredAt = e.occurredAt();
        event.actor = e.actor();
        event.sourceIp = e.sourceIp();
        event.teamId = e.teamId();
        event.action = e.action();
        event.targetType = e.targetType();
        event.targetId = e.targetId();
        event.outcome = e.outcome();
        event.details = e.details();
        event.prevHash = e.prevHash();
        event.hash = e.hash();
        return event;
    }
}
