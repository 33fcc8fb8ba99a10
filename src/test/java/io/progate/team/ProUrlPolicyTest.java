package io.progate.team;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.progate.account.User;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.HardenedProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** As in prod: a team's PRO URL must be https and must not point into the internal network. */
@QuarkusTest
@TestProfile(HardenedProfile.class)
class ProUrlPolicyTest {

    @Inject
    Fixtures fixtures;

    /** HTTP Basic is off in this profile: the API is called with a session and its CSRF token. */
    static io.restassured.specification.RequestSpecification as(User user) {
        io.progate.fixtures.Sessions.Session session = io.progate.fixtures.Sessions.signIn(user.username, Fixtures.PASSWORD);
        return session.request().header("X-CSRF-TOKEN", session.csrfToken());
    }

    @Test
    void httpAndInternalAddressesAreRefusedAndNothingIsCreated() {
        User admin = fixtures.admin("urlpolicy");
        String[] refused = {"http://93.184.216.34", "https://127.0.0.1", "https://localhost:8443", "https://10.1.2.3",
            "https://192.168.0.10", "https://172.16.5.4", "https://169.254.169.254", "https://[::1]", "https://[fd00::1]",
            "https://0.0.0.0", "https://100.64.0.1"};
        for (String url : refused) {
            String slug = Fixtures.unique("refused");
            as(admin).contentType("application/json")
                    .body(Map.of("slug", slug, "name", "Refused", "proUrl", url)).post("/api/v1/teams")
                    .then().statusCode(400).body("details.field", hasItem("proUrl"))
                    .body("details.message", hasItem(containsString("not allowed")));
            assertFalse(QuarkusTransaction.requiringNew().call(() -> Team.bySlug(slug).isPresent()), url);
        }
    }

    @Test
    void aPublicHttpsAddressIsAcceptedAndAChangeToAPrivateOneIsRefused() {
        User admin = fixtures.admin("urlpolicy2");
        String slug = Fixtures.unique("public");
        as(admin).contentType("application/json")
                .body(Map.of("slug", slug, "name", "Public", "proUrl", "https://93.184.216.34")).post("/api/v1/teams")
                .then().statusCode(201);
        as(admin).contentType("application/json")
                .body(Map.of("proUrl", "https://10.0.0.8")).patch("/api/v1/teams/" + slug)
                .then().statusCode(400).body("details.field", hasItem("proUrl"));
    }
}
