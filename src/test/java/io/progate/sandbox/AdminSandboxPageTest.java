package io.progate.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.progate.account.User;
import io.progate.pro.PackageSource;
import io.progate.pro.ProApps;
import io.progate.pro.PublishMetadata;
import io.progate.pro.SandboxAccounts;
import io.progate.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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

    @AfterEach
    void clear() {
        faults.clear();
    }

    @Test
    void adminSeesCallsAppsAndVersionsReadThroughTheClientButNeverAKey() throws Exception {
        String name = Fixtures.unique("Shown");
        apps.publish(sandbox.demo(), PublishMetadata.of(name, "1.0", SandboxAccounts.OFFICIAL_VERSION),
                PackageSource.of(SandboxAccounts.pack("shown")));
        User admin = fixtures.admin("sbxadmin");
        given().auth().preemptive().basic(admin.username, Fixtures.PASSWORD)
                .when().get("/admin/sandbox")
                .then().statusCode(200)
                .body(containsString(name))
                .body(containsString(SandboxAccounts.OFFICIAL_VERSION))
                .body(containsString(SandboxAccounts.DEV_VERSION))
                .body(containsString("/pro-api/v2/applications"))
                .body(containsString("parts: metadata (text) file ("))
                .body(containsString("<a href=\"/admin/sandbox\">PRO sandbox</a>"))
                .body(not(containsString(SandboxAccounts.DEMO_KEY)));
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
