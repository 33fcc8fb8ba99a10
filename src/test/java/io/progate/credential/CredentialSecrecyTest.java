package io.progate.credential;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.credential.seal.Secret;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Keys;
import io.progate.fixtures.SandboxAccounts;
import io.progate.pro.model.ProScope;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.progate.team.TeamService;
import io.quarkus.arc.ClientProxy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exercises every path a key travels (add, list, get, refused add, invalid add, replace, verify, page),
 * then greps every API answer, every table of the database and the log output of the run for it.
 */
@QuarkusTest
class CredentialSecrecyTest {

    static final String KEY = "PGSECRET-zq7Xw3vK9mN2pL5tR8yB";
    static final String REPLACEMENT = "PGSECRET-Rr4Tt6Yy8Uu0Ii2Oo4Pp";
    static final String REFUSED = "PGSECRET-Refused-Qq1Ww3Ee5Rr7";
    static final String UNVERIFIED = "PGSECRET-Unverified-Aa9Ss8Dd7";
    final List<String> secrets = new ArrayList<>(List.of(KEY, REPLACEMENT, REFUSED, UNVERIFIED));

    @Inject
    Fixtures fixtures;

    @Inject
    EntityManager em;

    @Inject
    SandboxAccounts sandbox;

    @Inject
    TeamService teams;

    final List<String> logLines = new ArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object p : record.getParameters()) {
                    line.append(' ').append(p);
                }
            }
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                line.append(' ').append(t);
            }
            synchronized (logLines) {
                logLines.add(line.toString());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    final List<String> answers = new ArrayList<>();
    final FakeProbe probe = new FakeProbe();
    /** The real probe, for the second half of the test. */
    CredentialProbe real;

    @Inject
    ProCredentialProbe probes;

    @BeforeEach
    void captureLogs() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        real = ClientProxy.unwrap(probes);
        probe.install();
    }

    @AfterEach
    void release() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void theKeyAppearsInNoAnswerNoTableAndNoLog() {
        Team team = fixtures.team("secrecy");
        User approver = fixtures.user("secappr");
        User member = fixtures.user("secmemb");
        fixtures.member(team, approver, TeamRole.APPROVER);
        fixtures.member(team, member, TeamRole.MEMBER);
        String base = "/api/v1/teams/" + team.slug + "/credentials";

        Response added = record(Keys.post(approver, team.slug,
                Keys.body("prod", KEY, List.of("PublishApp", "Tasks"), Keys.inDays(100))).statusCode(201).extract().response());
        long id = ((Number) added.path("id")).longValue();
        assertEquals(KEY.substring(KEY.length() - 4), added.path("last4"));
        record(Keys.get(member, base).statusCode(200).extract().response());
        record(Keys.get(member, base + "/" + id).statusCode(200).extract().response());
        record(Keys.get(approver, base + "?history=true").statusCode(200).extract().response());

        probe.refuse(Scope.TASKS, "PRO answered 403");
        record(Keys.post(approver, team.slug, Keys.body("other", REFUSED, List.of("Tasks"), Keys.inDays(10)))
                .statusCode(400).extract().response());
        record(Keys.post(approver, team.slug, Keys.body("bad", KEY + " x", List.of("Tasks"), Keys.inDays(500)))
                .statusCode(400).extract().response());
        Map<String, Object> unverified = Keys.body("unverified", UNVERIFIED, List.of("Tasks"), Keys.inDays(10));
        unverified.put("saveUnverified", true);
        record(Keys.post(approver, team.slug, unverified).statusCode(201).extract().response());
        probe.failures.clear();

        record(given().auth().preemptive().basic(approver.username, Fixtures.PASSWORD).contentType("application/json")
                .when().post(base + "/" + id + "/verify").then().statusCode(200).extract().response());
        Response replaced = record(given().auth().preemptive().basic(approver.username, Fixtures.PASSWORD)
                .contentType("application/json").body(Map.of("key", REPLACEMENT, "expiresAt", Keys.inDays(30)))
                .when().put(base + "/" + id + "/secret").then().statusCode(200).extract().response());
        long newId = ((Number) replaced.path("id")).longValue();
        record(given().auth().preemptive().basic(approver.username, Fixtures.PASSWORD).contentType("application/json")
                .when().post(base + "/" + newId + "/verify").then().statusCode(200).extract().response());
        record(given().auth().preemptive().basic(approver.username, Fixtures.PASSWORD)
                .when().get("/teams/" + team.slug + "/credentials").then().statusCode(200).extract().response());
        record(given().auth().preemptive().basic(approver.username, Fixtures.PASSWORD)
                .when().get("/teams/" + team.slug).then().statusCode(200).extract().response());
        record(given().auth().preemptive().basic(approver.username, Fixtures.PASSWORD)
                .when().get("/").then().statusCode(200).extract().response());
        assertEquals(6, probe.calls, "add, refused add, unverified add, verify, replace and verify asked PRO");

        // the real PRO client against the sandbox: an accepted scope and a refused one
        probe.passTo(real);
        Team sandboxTeam = QuarkusTransaction.requiringNew().call(() -> teams.create(
                new TeamService.TeamInput(Fixtures.unique("secsbx"), "Sandbox secrecy", sandbox.proUrl())));
        fixtures.member(sandboxTeam, approver, TeamRole.APPROVER);
        String sandboxKey = sandbox.withScopes(ProScope.PUBLISH_APP).apiKey();
        secrets.add(sandboxKey);
        record(Keys.post(approver, sandboxTeam.slug, Keys.body("real", sandboxKey, List.of("PublishApp", "Tasks"),
                Keys.inDays(20))).statusCode(400).extract().response());
        Map<String, Object> anyway = Keys.body("real", sandboxKey, List.of("PublishApp", "Tasks"), Keys.inDays(20));
        anyway.put("saveUnverified", true);
        Response real = record(Keys.post(approver, sandboxTeam.slug, anyway).statusCode(201).extract().response());
        record(given().auth().preemptive().basic(approver.username, Fixtures.PASSWORD).contentType("application/json")
                .when().post("/api/v1/teams/" + sandboxTeam.slug + "/credentials/" + real.path("id") + "/verify")
                .then().statusCode(200).extract().response());

        // the stored keys still open to the right values: the vault holds them, only sealed
        CredentialService service = io.quarkus.arc.Arc.container().instance(CredentialService.class).get();
        Credential current = QuarkusTransaction.requiringNew().call(() -> Credential.findById(newId));
        assertEquals(REPLACEMENT, service.withSecret(current, Secret::reveal));

        for (String answer : answers) {
            assertNoSecret("an API or page answer", answer);
        }
        for (String row : databaseDump()) {
            assertNoSecret("the database", row);
            for (String secret : secrets) {
                String hex = HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8));
                assertFalse(row.contains(hex), "the database holds a key as bytes");
            }
        }
        synchronized (logLines) {
            assertFalse(logLines.isEmpty(), "the log capture works");
            for (String line : logLines) {
                assertNoSecret("the log", line);
            }
        }
    }

    private Response record(Response response) {
        answers.add(response.getHeaders().toString() + "\n" + response.asString());
        return response;
    }

    /** Every row of every table, as PostgreSQL prints it. */
    @SuppressWarnings("unchecked")
    private List<String> databaseDump() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> tables = em.createNativeQuery(
                    "select table_name from information_schema.tables where table_schema = 'public' "
                            + "and table_type = 'BASE TABLE'").getResultList();
            assertTrue(tables.contains("credential") && tables.contains("audit_event"), tables.toString());
            List<String> rows = new ArrayList<>();
            for (String table : tables) {
                rows.addAll(em.createNativeQuery("select t::text from \"" + table + "\" t").getResultList());
            }
            return rows;
        });
    }

    private void assertNoSecret(String where, String text) {
        for (String secret : secrets) {
            assertFalse(text.contains(secret), () -> where + " holds a key: " + text.replace(secret, "<KEY>"));
        }
    }
}
