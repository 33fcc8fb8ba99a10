package io.progate.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.progate.account.User;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.SandboxAccounts;
import io.progate.pro.PackageSource;
import io.progate.pro.ProApps;
import io.progate.pro.model.PublishMetadata;
import io.progate.sandbox.store.SandboxMode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sandbox's admin page and its fault switch endpoint. */
@QuarkusTest
class AdminSandboxPageTest {

    @Inject
    Fixtures fixtures;

    @Inject
    SandboxAccounts sandbox;

    @Inject
    ProApps apps;

    @Inject
    SandboxFaults faults;

    @Inject
    SandboxModes modes;

    @AfterEach
    void clear() {
        faults.clear();
        modes.clear();
    }

    /** The page reads the sandbox's own records (not through the PRO client) and links to the sandbox teams' checks. */
    @Test
    void adminSeesCallsAppsVersionsModesAndTheConnectionCheckOfSandboxTeamsButNeverAKey() throws Exception {
        String name = Fixtures.unique("Shown");
        apps.publish(sandbox.demo(), PublishMetadata.of(name, "1.0", SandboxAccounts.OFFICIAL_VERSION),
                PackageSource.of(SandboxAccounts.pack("shown")));
        modes.on(SandboxMode.DIRECTORY_WITHOUT_IDS);
        User admin = fixtures.admin("sbxadmin");
        given().auth().preemptive().basic(admin.username, Fixtures.PASSWORD)
                .when().get("/admin/sandbox")
                .then().statusCode(200)
                .body(containsString(name))
                .body(containsString(SandboxAccounts.OFFICIAL_VERSION + "</code> (official)"))
                .body(containsString(SandboxAccounts.DEV_VERSION + "</code> (development build"))
                .body(containsString("<code>DIRECTORY_WITHOUT_IDS</code>: <strong>on</strong>"))
                .body(containsString("<code>ONLY_DOCUMENTED_PATHS</code>: off"))
                .body(containsString("href=\"/teams/demo/pro-check\""))
                .body(containsString("/pro-api/v2/applications"))
                .body(containsString("parts: metadata (text) file ("))
                .body(containsString("<a href=\"/admin/sandbox\">PRO sandbox</a>"))
                .body(not(containsString(SandboxAccounts.DEMO_KEY)));
    }

    @Test
    void adminSetsModesOverJsonAndUnknownModesAreRefused() {
        User admin = fixtures.admin("modeadmin");
        given().auth().preemptive().basic(admin.username, Fixtures.PASSWORD).contentType("application/json")
                .body(List.of("ONLY_DOCUMENTED_PATHS")).when().put("/sandbox/_modes")
                .then().statusCode(200).body(containsString("ONLY_DOCUMENTED_PATHS"));
        given().header("apikey", SandboxAccounts.DEMO_KEY).when().get("/sandbox/pro-api/v2/applications/Anything")
                .then().statusCode(404);
        given().auth().preemptive().basic(admin.username, Fixtures.PASSWORD).contentType("application/json")
                .body(List.of("NO_SUCH_MODE")).when().put("/sandbox/_modes").then().statusCode(400);
        assertEquals(java.util.Set.of(SandboxMode.ONLY_DOCUMENTED_PATHS), modes.active(), "a refused change changes nothing");
        User user = fixtures.user("modeuser");
        given().auth().preemptive().basic(user.username, Fixtures.PASSWORD).contentType("application/json")
                .body(List.of()).when().put("/sandbox/_modes").then().statusCode(403);
        given().auth().preemptive().basic(admin.username, Fixtures.PASSWORD).when().delete("/sandbox/_modes")
                .then().statusCode(204);
        assertEquals(java.util.Set.of(), modes.active());
    }

    /**
     * Refused for a plain user. The refusal should be a 403 page, but the foundation's error page
     * for a role refusal renders on the IO thread and fails (reported), so this checks that the
     * page's content is not served rather than the exact status.
     */
    @Test
    void pageIsForAdminsOnly() {
        User user = fixtures.user("sbxuser");
        given().auth().preemptive().basic(user.username, Fixtures.PASSWORD)
                .when().get("/admin/sandbox").then().statusCode(not(200))
                .body(not(containsString("Calls received")));
    }

    @Test
    void adminSetsFaultSwitchesOverJson() {
        User admin = fixtures.admin("faultadmin");
        given().auth().preemptive().basic(admin.username, Fixtures.PASSWORD).contentType("application/json")
                .body(Map.of("pathPart", "/user-manager/v1/group", "times", 1, "kind", "STATUS", "status", 502))
                .when().post("/sandbox/_faults").then().statusCode(201);
        given().header("apikey", SandboxAccounts.DEMO_KEY).when().get("/sandbox/pro/user-manager/v1/group")
                .then().statusCode(502).body("message", containsString("simulated"));
        given().header("apikey", SandboxAccounts.DEMO_KEY).when().get("/sandbox/pro/user-manager/v1/group")
                .then().statusCode(200);
        given().auth().preemptive().basic(admin.username, Fixtures.PASSWORD).contentType("application/json")
                .body(Map.of("pathPart", "/x", "times", 1, "kind", "STATUS", "status", 200))
                .when().post("/sandbox/_faults").then().statusCode(400);
    }

    @Test
    void faultSwitchesAreNotForOrdinaryUsers() {
        User user = fixtures.user("faultuser");
        given().auth().preemptive().basic(user.username, Fixtures.PASSWORD).contentType("application/json")
                .body(Map.of("pathPart", "/applications", "times", 1, "kind", "DROP"))
                .when().post("/sandbox/_faults").then().statusCode(403);
        given().contentType("application/json")
                .body(Map.of("pathPart", "/applications", "times", 1, "kind", "DROP"))
                .when().post("/sandbox/_faults").then().statusCode(401);
    }
}
