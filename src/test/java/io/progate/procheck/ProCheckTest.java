package io.progate.procheck;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.fixtures.ExecutionFixtures;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.SandboxAccounts;
import io.progate.sandbox.SandboxFaults;
import io.progate.sandbox.SandboxModes;
import io.progate.sandbox.store.SandboxMode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The PRO connection check: every read with the team's keys, OK or the exact failure per call. */
@QuarkusTest
class ProCheckTest {

    private static final List<String> CALLS = List.of("apps", "categories", "official AIMMS versions",
            "AIMMS versions with development builds", "environments", "groups", "users", "tasks", "API keys");

    @Inject
    ExecutionFixtures x;

    @Inject
    Fixtures fixtures;

    @Inject
    SandboxModes modes;

    @Inject
    SandboxFaults faults;

    @AfterEach
    void reset() {
        modes.clear();
        faults.clear();
    }

    private ExecutionFixtures.SandboxTeam everyScope() {
        return x.team("PublishApp", "PublishAIMMS", "Authentication", "Tasks", "APIKey");
    }

    private static JsonPath check(User user, String slug) {
        return given().auth().preemptive().basic(user.username, Fixtures.PASSWORD)
                .when().get("/api/v1/teams/" + slug + "/pro-check").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> step(JsonPath check, String call) {
        List<Map<String, Object>> steps = check.getList("steps");
        return steps.stream().filter(s -> call.equals(s.get("call"))).findFirst().orElseThrow();
    }

    @Test
    void everyReadPassesOnTheSandboxWithAKeyOfEveryScope() {
        ExecutionFixtures.SandboxTeam t = everyScope();
        JsonPath check = check(t.author(), t.team().slug);
        assertEquals(CALLS, check.getList("steps.call"));
        assertEquals(List.of("OK"), check.getList("steps.outcome").stream().distinct().toList(), check.prettify());
        assertEquals("closed", check.getString("breaker"));
        assertTrue(step(check, "users").get("detail").toString().contains("every entry carries an entity id"));
        assertEquals("sandbox", step(check, "apps").get("key"));
        assertTrue(!check.prettify().contains(SandboxAccounts.DEMO_KEY), "never the key's value");
    }

    @Test
    void aDocumentedOnlyPROShowsExactlyWhatFailsAndWhy() {
        ExecutionFixtures.SandboxTeam t = everyScope();
        modes.on(SandboxMode.ONLY_DOCUMENTED_PATHS, SandboxMode.DIRECTORY_WITHOUT_IDS);
        faults.add(SandboxFaults.Fault.html("/tasks", 1));
        JsonPath check = check(t.author(), t.team().slug);

        Map<String, Object> categories = step(check, "categories");
        assertEquals("FAILED", categories.get("outcome"));
        assertEquals(404, categories.get("proStatus"));
        assertEquals(false, categories.get("documented"));
        assertTrue(categories.get("detail").toString().startsWith("PRO does not know this resource (404) for list of "
                + "categories"), categories.toString());
        Map<String, Object> tasks = step(check, "tasks");
        assertEquals("FAILED", tasks.get("outcome"));
        assertTrue(tasks.get("detail").toString().startsWith("PRO answered something ProGate does not understand "
                + "(status 200, content type text/html"), tasks.toString());
        assertEquals("OK", step(check, "apps").get("outcome"));
        assertTrue(step(check, "users").get("detail").toString().contains("no entry carries an entity id"),
                step(check, "users").toString());
        assertEquals(2L, check.getLong("steps.findAll { it.outcome == 'FAILED' }.size()"));
    }

    @Test
    void aScopeWithoutAKeyIsSkippedAndSaysSo() {
        ExecutionFixtures.SandboxTeam t = x.team("PublishApp");
        JsonPath check = check(t.author(), t.team().slug);
        Map<String, Object> users = step(check, "users");
        assertEquals("SKIPPED", users.get("outcome"));
        assertEquals("the team has no usable key with scope Authentication", users.get("detail"));
        assertNull(users.get("key"));
        assertEquals("OK", step(check, "apps").get("outcome"));
    }

    @Test
    void thePageShowsEachCallAndIsLinkedFromTheTeamPage() {
        ExecutionFixtures.SandboxTeam t = everyScope();
        modes.on(SandboxMode.ONLY_DOCUMENTED_PATHS);
        String slug = t.team().slug;
        given().auth().preemptive().basic(t.author().username, Fixtures.PASSWORD).when().get("/teams/" + slug)
                .then().statusCode(200).body(containsString("href=\"/teams/" + slug + "/pro-check\""));
        given().auth().preemptive().basic(t.author().username, Fixtures.PASSWORD).when().get("/teams/" + slug + "/pro-check")
                .then().statusCode(200)
                .body(containsString("<code>GET /pro-api/v2/applications</code>"))
                .body(containsString("id=\"pro-check-failed\""))
                .body(containsString("PRO does not know this resource (404) for list of categories"))
                .body(containsString("(path not in AIMMS's documentation; views only)"))
                .body(not(containsString(SandboxAccounts.DEMO_KEY)));
    }

    @Test
    void anotherTeamsCheckIsNotFound() {
        ExecutionFixtures.SandboxTeam t = everyScope();
        User stranger = fixtures.user("stranger");
        given().auth().preemptive().basic(stranger.username, Fixtures.PASSWORD)
                .when().get("/api/v1/teams/" + t.team().slug + "/pro-check").then().statusCode(404);
        given().auth().preemptive().basic(stranger.username, Fixtures.PASSWORD)
                .when().get("/teams/" + t.team().slug + "/pro-check").then().statusCode(404);
    }
}
