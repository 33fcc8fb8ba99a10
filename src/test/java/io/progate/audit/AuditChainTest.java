package io.progate.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasLength;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.audit.ChainReport.Problem;
import io.progate.fixtures.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The chain: verify passes when intact and names the first event after an UPDATE, a DELETE or a
 * reorder done behind the portal's back; the trigger refuses changes; concurrent writers keep one
 * chain. Tampering is done with the trigger disabled inside one transaction that is rolled back
 * (or, for the HTTP check, restored exactly), so the shared chain stays intact for other tests.
 */
@QuarkusTest
class AuditChainTest {

    static final String DISABLE = "alter table audit_event disable trigger audit_event_append_only";
    static final String ENABLE = "alter table audit_event enable trigger audit_event_append_only";

    @Inject
    Fixtures fixtures;

    @Inject
    AuditTestSupport support;

    @Test
    void verifyReportsAnIntactChainWithItsCount() {
        List<AuditEvent> mine = three("intact");
        User admin = fixtures.admin("verifier");
        given().auth().preemptive().basic(admin.username, Fixtures.PASSWORD)
                .queryParam("from", mine.get(0).id)
                .get("/api/v1/audit/verify")
                .then().statusCode(200)
                .body("ok", equalTo(true))
                .body("checked", greaterThanOrEqualTo(3))
                .body("lastHash", hasLength(64));
        given().auth().preemptive().basic(admin.username, Fixtures.PASSWORD)
                .get("/api/v1/audit/verify")
                .then().statusCode(200)
                .body("ok", equalTo(true))
                .body("checked", greaterThanOrEqualTo(4));
    }

    @Test
    void verifyIsForAdminsOnly() {
        User user = fixtures.user("curious");
        given().auth().preemptive().basic(user.username, Fixtures.PASSWORD)
                .get("/api/v1/audit/verify").then().statusCode(403);
        given().auth().preemptive().basic(user.username, Fixtures.PASSWORD).redirects().follow(false)
                .get("/admin/audit/verify").then().statusCode(403);
    }

    @Test
    void verifyNamesAnEventChangedInTheDatabase() throws SQLException {
        List<AuditEvent> mine = three("changed");
        User admin = fixtures.admin("verifier");
        long target = mine.get(1).id;
        String original;
        try (Connection c = support.dataSource().getConnection()) {
            original = string(c, "select details::text from audit_event where id = " + target);
            tamper(c, "update audit_event set details = '{\"name\": \"forged\"}' where id = " + target);
        }
        try {
            given().auth().preemptive().basic(admin.username, Fixtures.PASSWORD)
                    .queryParam("from", mine.get(0).id)
                    .get("/api/v1/audit/verify")
                    .then().statusCode(200)
                    .body("ok", equalTo(false))
                    .body("brokenId", equalTo((int) target))
                    .body("problem", equalTo("CHANGED"))
                    .body("checked", equalTo(1));
        } finally {
            try (Connection c = support.dataSource().getConnection();
                    PreparedStatement ps = c.prepareStatement("update audit_event set details = ?::jsonb where id = ?")) {
                c.setAutoCommit(false);
                c.createStatement().execute(DISABLE);
                ps.setString(1, original);
                ps.setLong(2, target);
                ps.executeUpdate();
                c.createStatement().execute(ENABLE);
                c.commit();
            }
        }
        assertTrue(new AuditVerifierProbe(support).verify(mine.get(0).id).ok(), "the restored chain verifies");
    }

    @Test
    void verifyNamesTheEventAfterADeletedOne() throws SQLException {
        List<AuditEvent> mine = three("deleted");
        ChainReport report = underTampering(mine.get(0).id, "delete from audit_event where id = " + mine.get(1).id);
        assertFalse(report.ok());
        assertEquals(mine.get(2).id, report.brokenId());
        assertEquals(Problem.MISSING, report.problem());
        assertEquals(1, report.checked());
        assertTrue(new AuditVerifierProbe(support).verify(mine.get(0).id).ok(), "tampering was rolled back");
    }

    @Test
    void verifyNamesReorderedEvents() throws SQLException {
        List<AuditEvent> mine = three("reordered");
        long b = mine.get(1).id;
        long c = mine.get(2).id;
        ChainReport report = underTampering(mine.get(0).id,
                "update audit_event set id = -" + b + " where id = " + b,
                "update audit_event set id = " + b + " where id = " + c,
                "update audit_event set id = " + c + " where id = -" + b);
        assertFalse(report.ok());
        assertEquals(b, report.brokenId());
        assertEquals(Problem.REORDERED, report.problem());
        assertTrue(report.reason().contains("event " + c), report.reason());
    }

    @Test
    void verifyNamesAnEventRewrittenWithItsHash() throws SQLException {
        List<AuditEvent> mine = three("rehashed");
        AuditEvent forged = mine.get(1);
        forged.details = "{\"name\":\"forged\"}";
        String newHash = AuditChain.hash(forged);
        ChainReport report = underTampering(mine.get(0).id, "update audit_event set details = '"
                + forged.details + "', hash = '" + newHash + "' where id = " + forged.id);
        assertFalse(report.ok());
        assertEquals(mine.get(2).id, report.brokenId());
        assertEquals(Problem.MISSING, report.problem());
    }

    @Test
    void triggerRefusesUpdateDeleteAndTruncate() throws SQLException {
        long id = three("locked").get(0).id;
        for (String sql : List.of("update audit_event set actor = 'mallory' where id = " + id,
                "delete from audit_event where id = " + id, "truncate audit_event")) {
            try (Connection c = support.dataSource().getConnection(); Statement s = c.createStatement()) {
                SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), sql);
                assertTrue(e.getMessage().contains("append-only"), e.getMessage());
            }
        }
        try (Connection c = support.dataSource().getConnection()) {
            assertEquals("system", string(c, "select actor from audit_event where id = " + id));
        }
    }

    @Test
    void concurrentWritersKeepOneChain() throws Exception {
        long start = support.lastId();
        int threads = 8;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int writer = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        support.record("test.concurrent", "test", "w" + writer + "-" + i, null, Map.of("i", i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        ChainReport report = new AuditVerifierProbe(support).verify(start + 1);
        assertTrue(report.ok(), String.valueOf(report));
        assertTrue(report.checked() >= threads * each, "checked " + report.checked());
        try (Connection c = support.dataSource().getConnection()) {
            assertEquals("0", string(c, "select count(*) from (select prev_hash from audit_event where id > " + start
                    + " group by prev_hash having count(*) > 1) forks"));
            assertEquals(String.valueOf(threads * each), string(c, "select count(*) from audit_event where id > "
                    + start + " and action = 'test.concurrent'"));
        }
    }

    private List<AuditEvent> three(String prefix) {
        String target = Fixtures.unique(prefix);
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(support.record("test.chain", "test", target, null, Map.of("name", prefix, "n", i)));
        }
        return events;
    }

    /** Runs the statements with the trigger disabled, verifies from {@code fromId} in the same transaction, rolls back. */
    private ChainReport underTampering(long fromId, String... statements) throws SQLException {
        try (Connection c = support.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute(DISABLE);
                for (String sql : statements) {
                    s.execute(sql);
                }
                return AuditVerifier.verify(c, fromId);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private static void tamper(Connection c, String sql) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute(DISABLE);
            s.execute(sql);
            s.execute(ENABLE);
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static String string(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Verifies through a fresh connection, as the endpoint does. */
    record AuditVerifierProbe(AuditTestSupport support) {
        ChainReport verify(long fromId) throws SQLException {
            try (Connection c = support.dataSource().getConnection()) {
                return AuditVerifier.verify(c, fromId);
            }
        }
    }
}
