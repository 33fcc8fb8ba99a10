package io.progate.sandbox;

import static io.restassured.RestAssured.given;

import io.progate.account.User;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.SandboxAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With {@code progate.sandbox.enabled=false} nothing of the sandbox answers. */
@QuarkusTest
@TestProfile(SandboxOffTest.Off.class)
class SandboxOffTest {

    public static class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("progate.sandbox.enabled", "false");
        }
    }

    @Inject
    Fixtures fixtures;

    @Test
    void sandboxPathsAndPageAre404() {
        given().header("apikey", SandboxAccounts.DEMO_KEY).when().get("/sandbox/pro-api/v2/aimms-versions")
                .then().statusCode(404);
        given().header("apikey", SandboxAccounts.DEMO_KEY).when().get("/sandbox/pro/user-manager/v1/environment")
                .then().statusCode(404);
        User admin = fixtures.admin("offadmin");
        given().auth().preemptive().basic(admin.username, Fixtures.PASSWORD).when().get("/admin/sandbox")
                .then().statusCode(404);
        given().auth().preemptive().basic(admin.username, Fixtures.PASSWORD).when().get("/sandbox/_faults")
                .then().statusCode(404);
        given().auth().preemptive().basic(admin.username, Fixtures.PASSWORD).when().get("/admin/teams")
                .then().statusCode(200).body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("/admin/sandbox")));
    }
}
