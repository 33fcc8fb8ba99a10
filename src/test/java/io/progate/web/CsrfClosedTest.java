package io.progate.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.audit.AuditEvent;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Requests;
import io.progate.fixtures.SandboxTeams;
import io.progate.fixtures.Sessions;
import io.progate.request.Approval;
import io.progate.request.ReleaseRequest;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CSRF is closed by construction: an unsafe request authenticated by the session cookie needs the
 * session's token whatever its content type, and cross-site requests are refused by origin first.
 */
@QuarkusTest
class CsrfClosedTest {

    @Inject
    Fixtures fixtures;

    @Inject
    SandboxTeams sandbox;

    Team team;
    User author;
    User approver;
    long requestId;
    Sessions.Session approverSession;

    @BeforeEach
    void pendingRequest() {
        team = sandbox.team("csrfgate");
        author = fixtures.user("csrfauthor");
        approver = fixtures.user("csrfapprover");
        fixtures.member(team, author, TeamRole.MEMBER);
        fixtures.member(team, approver, TeamRole.APPROVER);
        requestId = Requests.published(author, team, Fixtures.unique("Csrf").replace("-", ""));
        approverSession = Sessions.signIn(approver.username, Fixtures.PASSWORD);
    }

    @Test
    void textPlainApproveWithAValidSessionAndNoTokenIsRefusedAndRecordsNothing() {
        approverSession.request().contentType("text/plain").body("comment=looks good")
                .when().post("/requests/" + requestId + "/approve")
                .then().statusCode(400);
        assertNothingRecorded();
    }

    @Test
    void approveWithoutAnyContentTypeIsRefusedAndRecordsNothing() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + RestAssured.port + "/requests/" + requestId + "/approve"))
                .header("Cookie", "progate-session=" + approverSession.cookie())
                .POST(HttpRequest.BodyPublishers.ofString("comment=ok")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, answer.statusCode(), answer.body());
        assertNothingRecorded();
    }

    @Test
    void jsonApproveOnTheApiWithTheSessionCookieAndNoTokenIsRefused() {
        approverSession.request().contentType("application/json").body(Map.of("comment", "ok"))
                .when().post("/api/v1/requests/" + requestId + "/approve")
                .then().statusCode(400);
        assertNothingRecorded();
    }

    @Test
    void formApproveWithAnotherSessionsTokenIsRefused() {
        Sessions.Session other = Sessions.signIn(author.username, Fixtures.PASSWORD);
        approverSession.request().formParam("progate-csrf", other.csrfToken()).formParam("comment", "ok")
                .when().post("/requests/" + requestId + "/approve")
                .then().statusCode(400);
        assertNothingRecorded();
    }

    @Test
    void scriptWithTheTokenInTheHeaderIsAccepted() {
        String token = approverSession.csrfToken();
        approverSession.request().header("X-CSRF-TOKEN", token).contentType("application/json")
                .body(Map.of("comment", "by script")).when().post("/api/v1/requests/" + requestId + "/approve")
                .then().statusCode(200);
        assertEquals(1, QuarkusTransaction.requiringNew().call(() ->
                Approval.of(ReleaseRequest.<ReleaseRequest>findById(requestId)).size()));
    }

    @Test
    void formWithTheTokenIsAccepted() {
        approverSession.postForm("/requests/" + requestId + "/approve", "comment", "fine")
                .then().statusCode(303);
        assertEquals(1, QuarkusTransaction.requiringNew().call(() ->
                Approval.of(ReleaseRequest.<ReleaseRequest>findById(requestId)).size()));
    }

    @Test
    void postWithTheOriginOfAnotherSiteIsRefusedEvenWithTheToken() {
        String token = approverSession.csrfToken();
        approverSession.request().header("Origin", "https://wiki.example.com").formParam("progate-csrf", token)
                .formParam("comment", "forged").when().post("/requests/" + requestId + "/approve")
                .then().statusCode(403);
        approverSession.request().header("Sec-Fetch-Site", "same-site").formParam("progate-csrf", token)
                .formParam("comment", "forged").when().post("/requests/" + requestId + "/approve")
                .then().statusCode(403);
        approverSession.request().header("Sec-Fetch-Site", "cross-site").formParam("progate-csrf", token)
                .formParam("comment", "forged").when().post("/requests/" + requestId + "/approve")
                .then().statusCode(403);
        approverSession.request().header("Origin", "null").formParam("progate-csrf", token)
                .formParam("comment", "forged").when().post("/requests/" + requestId + "/approve")
                .then().statusCode(403);
        assertNothingRecorded();
    }

    @Test
    void postFromTheSameOriginIsAccepted() {
        String token = approverSession.csrfToken();
        approverSession.request().header("Origin", "http://localhost:" + RestAssured.port)
                .header("Sec-Fetch-Site", "same-origin").formParam("progate-csrf", token)
                .formParam("comment", "same origin").when().post("/requests/" + requestId + "/approve")
                .then().statusCode(303);
    }

    @Test
    void signInFormPostedFromAnotherSiteIsRefusedWithoutASession() {
        var answer = given().redirects().follow(false).header("Origin", "https://ci.example.com")
                .formParam("username", author.username).formParam("password", Fixtures.PASSWORD)
                .when().post("/login");
        answer.then().statusCode(403);
        assertNull(answer.getCookie("progate-session"));
        given().redirects().follow(false).header("Sec-Fetch-Site", "cross-site")
                .formParam("username", author.username).formParam("password", Fixtures.PASSWORD)
                .when().post("/login").then().statusCode(403);
    }

    @Test
    void theSameApproveWithBasicAndNoCookieNeedsNoToken() {
        Requests.act(approver, requestId, "approve", "from CI").then().statusCode(200);
    }

    @Test
    void deletingATeamOrRevokingTokensByTextPlainIsRefusedToo() {
        User admin = fixtures.admin("csrfadmin");
        Sessions.Session session = Sessions.signIn(admin.username, Fixtures.PASSWORD);
        session.request().contentType("text/plain").body("x").when().post("/admin/teams/" + team.slug + "/delete")
                .then().statusCode(400);
        session.request().contentType("text/plain").body("x").when().delete("/api/v1/teams/" + team.slug)
                .then().statusCode(400);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Team.bySlug(team.slug).isPresent()), "the team stays");
        given().redirects().follow(false).when().get("/login").then().statusCode(200);
        session.get("/").then().statusCode(200);
        session.postForm("/logout").then().statusCode(303).header("Location", endsWith("/login"));
    }

    private void assertNothingRecorded() {
        QuarkusTransaction.requiringNew().run(() -> {
            ReleaseRequest r = ReleaseRequest.findById(requestId);
            assertEquals("PENDING", r.status.name());
            assertEquals(0, Approval.of(r).size());
            assertEquals(0, AuditEvent.count("action = 'request.approve' and targetId = ?1", String.valueOf(requestId)));
        });
    }
}
