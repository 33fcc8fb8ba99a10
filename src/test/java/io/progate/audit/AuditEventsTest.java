package io.progate.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.progate.account.AccountService;
import io.progate.account.User;
import io.progate.fixtures.Fixtures;
import io.progate.team.Team;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every kind of event that exists so far is written with the right fields, and never with a secret. */
@QuarkusTest
class AuditEventsTest {

    static final Set<String> KINDS = Set.of("user.create", "user.update", "user.unlock", "login.success",
            "login.failure", "logout", "token.create", "token.revoke", "team.create", "team.update", "team.delete",
            "member.add", "member.update", "member.remove");

    static final Pattern SECRET_KEY = Pattern.compile("\"[^\"]*(password|secret|apikey|token_?value)[^\"]*\"\\s*:",
            Pattern.CASE_INSENSITIVE);

    @Inject
    Fixtures fixtures;

    @Inject
    AuditTestSupport support;

    @Inject
    AccountService accounts;

    @Inject
    AuditLog log;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void everyKindIsRecordedWithItsFieldsAndNoSecret() throws Exception {
        User admin = fixtures.admin("auditor");
        long start = support.lastId();
        String newPassword = "Very-Secret-Passw0rd-" + Fixtures.unique("pw");
        String wrongPassword = "Wrong-Passw0rd-" + Fixtures.unique("pw");

        String username = Fixtures.unique("bob");
        asAdmin(admin).contentType("application/json")
                .body(Map.of("username", username, "displayName", "Bob", "email", username + "@example.com",
                        "password", newPassword, "admin", false))
                .post("/api/v1/users").then().statusCode(201);
        given().auth().preemptive().basic(username, wrongPassword).get("/api/v1/me").then().statusCode(401);
        given().auth().preemptive().basic("nobody-" + username, wrongPassword).get("/api/v1/me").then().statusCode(401);
        given().auth().preemptive().basic(username, newPassword).get("/api/v1/me").then().statusCode(200);
        Response token = given().auth().preemptive().basic(username, newPassword).contentType("application/json")
                .body(Map.of("name", "ci")).post("/api/v1/me/tokens");
        token.then().statusCode(201);
        String tokenValue = token.path("token");
        int tokenId = token.path("id");
        given().header("Authorization", "Bearer " + tokenValue).delete("/api/v1/me/tokens/" + tokenId)
                .then().statusCode(204);

        String slug = Fixtures.unique("acme");
        asAdmin(admin).contentType("application/json")
                .body(Map.of("slug", slug, "name", "Acme", "proUrl", "https://acme.aimms.cloud"))
                .post("/api/v1/teams").then().statusCode(201);
        asAdmin(admin).contentType("application/json").body(Map.of("name", "Acme Corp"))
                .patch("/api/v1/teams/" + slug).then().statusCode(200);
        asAdmin(admin).contentType("application/json").body(Map.of("role", "MEMBER"))
                .put("/api/v1/teams/" + slug + "/members/" + username).then().statusCode(200);
        asAdmin(admin).contentType("application/json").body(Map.of("role", "APPROVER"))
                .put("/api/v1/teams/" + slug + "/members/" + username).then().statusCode(200);
        asAdmin(admin).delete("/api/v1/teams/" + slug + "/members/" + username).then().statusCode(204);
        QuarkusTransaction.requiringNew().run(() -> accounts.setAdmin(username, true));
        QuarkusTransaction.requiringNew().run(() -> accounts.unlock(username));
        signInAndOut(username, newPassword);
        Long teamId = Team.<Team>find("slug", slug).firstResultOptional().map(t -> t.id).orElseThrow();
        asAdmin(admin).delete("/api/v1/teams/" + slug).then().statusCode(204);

        List<AuditEntry> events = support.entriesAfter(start);
        Set<String> seen = events.stream().map(AuditEntry::action).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(seen.containsAll(KINDS), "kinds seen: " + seen);

        AuditEntry created = one(events, "user.create", username);
        assertEquals(admin.username, created.actor());
        assertEquals("127.0.0.1", created.sourceIp());
        assertNull(created.teamId());
        assertEquals("user", created.targetType());
        assertEquals(Outcome.SUCCESS, created.outcome());
        JsonNode details = json.readTree(created.details());
        assertEquals(username + "@example.com", details.get("email").asText());
        assertFalse(details.has("password"));

        AuditEntry failed = events.stream().filter(e -> e.action().equals("login.failure") && e.targetId().equals(username))
                .findFirst().orElseThrow();
        assertEquals(Outcome.FAILURE, failed.outcome());
        assertEquals(username, failed.actor());
        assertEquals("wrong password", json.readTree(failed.details()).get("reason").asText());
        assertEquals("unknown user", json.readTree(one(events, "login.failure", "nobody-" + username).details())
                .get("reason").asText());
        List<AuditEntry> signIns = events.stream()
                .filter(e -> e.action().equals("login.success") && e.targetId().equals(username)).toList();
        assertFalse(signIns.isEmpty());
        assertEquals("127.0.0.1", signIns.get(0).sourceIp());
        assertEquals("127.0.0.1", failed.sourceIp());

        AuditEntry tokenCreated = one(events, "token.create", String.valueOf(tokenId));
        assertEquals(username, tokenCreated.actor());
        assertEquals("token", tokenCreated.targetType());
        assertEquals(username, one(events, "token.revoke", String.valueOf(tokenId)).actor());

        AuditEntry added = one(events, "member.add", slug);
        assertEquals(teamId, added.teamId());
        assertEquals(admin.username, added.actor());
        assertEquals("MEMBER", json.readTree(added.details()).get("role").asText());
        AuditEntry promoted = one(events, "member.update", slug);
        assertEquals("MEMBER", json.readTree(promoted.details()).get("previousRole").asText());
        assertEquals(teamId, one(events, "team.delete", slug).teamId());
        assertEquals(username, one(events, "logout", username).actor());

        // Nothing secret anywhere in any column of any of these events.
        List<String> raw = support.rawRowsAfter(start);
        assertEquals(events.size(), raw.size());
        for (String row : raw) {
            for (String secret : List.of(newPassword, wrongPassword, Fixtures.PASSWORD, tokenValue,
                    tokenValue.substring(8))) {
                assertFalse(row.contains(secret), "a secret leaked into " + row);
            }
            assertFalse(SECRET_KEY.matcher(row).find(), "a secret-named field in " + row);
        }
    }

    @Test
    void detailsUnderSecretKeysAreRedactedAtAnyDepth() throws Exception {
        AuditEvent event = support.record("test.redaction", "test", Fixtures.unique("r"), null,
                Map.of("label", "prod key", "apiKey", "k-123456", "nested", Map.of("client_secret", "s-987", "ok", 1),
                        "list", List.of(Map.of("Password", "p-555"))));
        String stored = support.rawRowsAfter(event.id - 1).get(0);
        assertFalse(stored.contains("k-123456") || stored.contains("s-987") || stored.contains("p-555"), stored);
        JsonNode details = json.readTree(event.details);
        assertEquals("[redacted]", details.get("apiKey").asText());
        assertEquals("[redacted]", details.get("nested").get("client_secret").asText());
        assertEquals(1, details.get("nested").get("ok").asInt());
        assertEquals("prod key", details.get("label").asText());
    }

    @Test
    void changeIsRolledBackWhenItsEventCannotBeWritten() throws Exception {
        String slug = Fixtures.unique("nolog");
        try (Connection c = support.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("alter table audit_event add constraint audit_event_test_block"
                    + " check (target_id <> '" + slug + "') not valid");
        }
        try {
            User admin = fixtures.admin("blocked");
            asAdmin(admin).contentType("application/json")
                    .body(Map.of("slug", slug, "name", "Never", "proUrl", "https://never.aimms.cloud"))
                    .post("/api/v1/teams").then().statusCode(500);
        } finally {
            try (Connection c = support.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("alter table audit_event drop constraint audit_event_test_block");
            }
        }
        assertTrue(Team.find("slug", slug).firstResultOptional().isEmpty(), "the team exists without its event");
    }

    @Test
    void recordingOutsideATransactionIsRefused() {
        assertThrows(TransactionalException.class, () -> log.record(AuditRecord.of("test.notx", "test", "x")));
    }

    @Test
    void eventsOutsideRequestsAreTheSystems() {
        AuditEvent event = QuarkusTransaction.requiringNew().call(() ->
                log.record(AuditRecord.of("test.system", "test", Fixtures.unique("s")).actor(AuditLog.SYSTEM)));
        assertEquals("system", event.actor);
        assertNotNull(event.hash);
        assertEquals(64, event.prevHash.length());
    }

    private static AuditEntry one(List<AuditEntry> events, String action, String targetId) {
        List<AuditEntry> found = events.stream()
                .filter(e -> e.action().equals(action) && e.targetId().equals(targetId)).toList();
        assertEquals(1, found.size(), action + " " + targetId + " in " + found);
        return found.get(0);
    }

    private static io.restassured.specification.RequestSpecification asAdmin(User admin) {
        return given().auth().preemptive().basic(admin.username, Fixtures.PASSWORD);
    }

    /** Signs in with the form, then signs out with the CSRF-protected form on any page. */
    private static void signInAndOut(String username, String password) {
        Response login = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("username", username).formParam("password", password).post("/login");
        String session = login.getCookie("progate-session");
        assertNotNull(session, "form sign-in gave no session");
        Response page = given().cookie("progate-session", session).get("/me");
        page.then().statusCode(200);
        String csrfToken = page.htmlPath().getString("**.find { it.@name == 'progate-csrf' }.@value");
        given().redirects().follow(false).cookie("progate-session", session)
                .contentType("application/x-www-form-urlencoded").formParam("progate-csrf", csrfToken)
                .post("/logout").then().statusCode(303);
    }
}
