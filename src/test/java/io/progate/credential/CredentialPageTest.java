package io.progate.credential;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Keys;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CredentialPageTest {

    private static final Pattern CSRF = Pattern.compile("type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

    @Inject
    Fixtures fixtures;

    FakeProbe probe;
    Team team;
    User approver;
    User member;
    String page;

    @BeforeEach
    void setUp() {
        probe = new FakeProbe().install();
        team = fixtures.team("pages");
        approver = fixtures.user("pappr");
        member = fixtures.user("pmemb");
        fixtures.member(team, approver, TeamRole.APPROVER);
        fixtures.member(team, member, TeamRole.MEMBER);
        page = "/teams/" + team.slug + "/credentials";
    }


    /** A form post with the CSRF token taken from {@code formPage} (HTTP Basic needs none: no cookie is involved). */
    static RequestSpecification form(User user, String formPage) {
        Response get = given().auth().preemptive().basic(user.username, Fixtures.PASSWORD).when().get(formPage);
        assertEquals(200, get.statusCode());
        Matcher m = CSRF.matcher(get.asString());
        assertTrue(m.find(), "the page has a CSRF field");
        return given().auth().preemptive().basic(user.username, Fixtures.PASSWORD).redirects().follow(false)
                .formParam(m.group(1), m.group(2));
    }

    @Test
    void approverAddsAKeyThroughTheFormAndSeesItMasked() {
        form(approver, page).formParam("label", "web-added").formParam("key", "pro-key-from-the-form-ABCD")
                .formParam("scopes", "PublishApp").formParam("scopes", "Tasks")
                .formParam("expiresAt", Keys.inDays(40))
                .when().post(page)
                .then().statusCode(303).header("Location", endsWith(page));
        given().auth().preemptive().basic(member.username, Fixtures.PASSWORD).when().get(page)
                .then().statusCode(200)
                .body(containsString("web-added"))
                .body(containsString("••••ABCD"))
                .body(containsString("PublishApp"))
                .body(not(containsString("pro-key-from-the-form")))
                .body(not(containsString("id=\"new-credential\"")))
                .body(not(containsString("/remove")));
    }

    @Test
    void aFormPostWithoutCsrfTokenIsRefused() {
        // a browser session is what CSRF abuses (a call with its own Authorization header and no cookie needs no token)
        io.progate.fixtures.Sessions.signIn(approver.username, Fixtures.PASSWORD).request()
                .formParam("label", "x").formParam("key", "pro-key-without-csrf-1").formParam("scopes", "Tasks")
                .formParam("expiresAt", Keys.inDays(4))
                .when().post(page).then().statusCode(400);
        Keys.get(approver, "/api/v1/teams/" + team.slug + "/credentials").body("size()", org.hamcrest.Matchers.is(0));
    }

    @Test
    void aKeyPROrefusesIsShownWithTheReasonAndTheFormKeepsAllButTheKey() {
        probe.refuse(Scope.PUBLISH_AIMMS, "PRO answered 403: missing scope PublishAIMMS");
        form(approver, page).formParam("label", "refused-one").formParam("key", "pro-key-refused-in-form-1")
                .formParam("scopes", "PublishAIMMS").formParam("expiresAt", Keys.inDays(40))
                .when().post(page)
                .then().statusCode(400)
                .body(containsString("id=\"verification-refused\""))
                .body(containsString("PRO answered 403: missing scope PublishAIMMS"))
                .body(containsString("value=\"refused-one\""))
                .body(not(containsString("pro-key-refused-in-form-1")));
    }

    @Test
    void invalidInputIsShownNextToTheFields() {
        form(approver, page).formParam("label", "").formParam("key", "pro-key-invalid-form-1")
                .formParam("expiresAt", Keys.inDays(800))
                .when().post(page)
                .then().statusCode(400)
                .body(containsString("Label is required"))
                .body(containsString("choose at least one scope"))
                .body(containsString("at most one year ahead"));
    }

    @Test
    void membersCannotPostTheForms() {
        long id = Keys.add(approver, team.slug, "ci", "pro-key-member-form-01", List.of("Tasks"));
        form(member, page).formParam("label", "m").formParam("key", "pro-key-member-form-02")
                .formParam("scopes", "Tasks").formParam("expiresAt", Keys.inDays(4))
                .when().post(page).then().statusCode(403);
        form(member, page).when().post(page + "/" + id + "/remove").then().statusCode(403);
    }

    @Test
    void replaceVerifyAndRemoveThroughTheForms() {
        long id = Keys.add(approver, team.slug, "ci", "pro-key-forms-old-1111", List.of("Tasks"));
        form(approver, page).formParam("key", "pro-key-forms-new-2222").formParam("expiresAt", Keys.inDays(20))
                .when().post(page + "/" + id + "/replace")
                .then().statusCode(303).header("Location", endsWith(page));
        long newId = Keys.get(approver, "/api/v1/teams/" + team.slug + "/credentials").extract()
                .<Integer>path("[0].id").longValue();
        form(approver, page).when().post(page + "/" + newId + "/verify").then().statusCode(303);
        given().auth().preemptive().basic(approver.username, Fixtures.PASSWORD).when().get(page)
                .then().body(containsString("••••2222")).body(containsString("id=\"credential-history\""));
        form(approver, page).when().post(page + "/" + newId + "/remove").then().statusCode(303);
        Keys.get(approver, "/api/v1/teams/" + team.slug + "/credentials").body("size()", org.hamcrest.Matchers.is(0));
    }

    @Test
    void teamPageAndDashboardWarnAboutKeysExpiringWithin30Days() {
        long soon = Keys.add(approver, team.slug, "expires-soon", "pro-key-expiring-soon-01", List.of("Tasks"));
        Keys.add(approver, team.slug, "expires-later", "pro-key-expiring-later-1", List.of("Tasks"));
        QuarkusTransaction.requiringNew().run(() -> Credential.update("expiresAt = ?1 where id = ?2",
                Instant.now().plus(12, ChronoUnit.DAYS), soon));
        given().auth().preemptive().basic(member.username, Fixtures.PASSWORD).when().get("/teams/" + team.slug)
                .then().statusCode(200)
                .body(containsString("PRO keys expiring soon"))
                .body(containsString("expires-soon"))
                .body(not(containsString("expires-later")));
        given().auth().preemptive().basic(member.username, Fixtures.PASSWORD).when().get("/")
                .then().statusCode(200)
                .body(containsString("expires-soon"))
                .body(containsString("in 11 days"));
    }

    @Test
    void adminSeesMasterKeysAndRewrapsWithTheButton() {
        User admin = fixtures.admin("padm");
        given().auth().preemptive().basic(admin.username, Fixtures.PASSWORD).when().get("/admin/credentials")
                .then().statusCode(200).body(containsString("id=\"active-master-key\">test<"));
        form(admin, "/admin/credentials").when().post("/admin/credentials/rewrap")
                .then().statusCode(303).header("Location", endsWith("/admin/credentials"));
        given().auth().preemptive().basic(approver.username, Fixtures.PASSWORD).when().get("/api/v1/admin/credentials")
                .then().statusCode(403);
        given().auth().preemptive().basic(approver.username, Fixtures.PASSWORD).contentType("application/json")
                .when().post("/api/v1/admin/credentials/rewrap").then().statusCode(403);
    }
}
