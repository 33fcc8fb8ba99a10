package io.progate.request;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Requests;
import io.progate.fixtures.SandboxTeams;
import io.progate.fixtures.Sessions;
import io.progate.fixtures.Zips;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The request pages: forms with CSRF and errors next to fields, the detail page, queue, policy, apps. */
@QuarkusTest
class RequestPagesTest {

    @Inject
    Fixtures fixtures;

    @Inject
    SandboxTeams sandbox;

    Team team;
    User owner;
    User approver;

    @BeforeEach
    void setUp() {
        team = sandbox.team("pages");
        owner = fixtures.user("owner");
        approver = fixtures.user("approver");
        fixtures.member(team, owner, TeamRole.MEMBER);
        fixtures.member(team, approver, TeamRole.APPROVER);
    }

    private Response publishForm(Sessions.Session session, String token, String name, byte[] file) {
        var spec = session.request().multiPart("progate-csrf", token)
                .multiPart("reason", "first release").multiPart("metadata.name", name)
                .multiPart("metadata.projectVersion", "1.0").multiPart("description", "from the page")
                .multiPart("metadata.aimmsVersionId", SandboxTeams.AIMMS).multiPart("projectCategory", "Planning")
                .multiPart("isWebUI", "true").multiPart("metadata.publishBehavior", "0");
        if (file != null) {
            spec = spec.multiPart("file", "page.aimmspack", file, "application/octet-stream");
        }
        return spec.when().post("/teams/" + team.slug + "/requests/publish");
    }

    @Test
    void theOwnerFilesAPublishRequestThroughTheFormAndTheApproverApprovesIt() {
        Sessions.Session owners = Sessions.signIn(owner.username, Fixtures.PASSWORD);
        owners.get("/teams/" + team.slug + "/requests/new?type=PUBLISH").then().statusCode(200)
                .body(containsString("publish-form"))
                .body(containsString(SandboxTeams.AIMMS))
                .body(containsString("Scheduling"));
        String token = owners.csrfToken();
        Response filed = publishForm(owners, token, "PageApp", Zips.project(true));
        assertEquals(303, filed.statusCode(), filed.asString());
        String location = filed.header("Location");
        assertTrue(location.matches(".*/requests/\\d+$"), location);
        String path = location.replaceAll("^https?://[^/]+", "");
        owners.get(path).then().statusCode(200)
                .body(containsString("Publish the new app PageApp version 1.0"))
                .body(containsString("POST /pro-api/v2/applications"))
                .body(containsString("MainProject/WebUI/webui.json"))
                .body(containsString("request.submit"))
                .body(containsString("cancel-form"))
                .body(not(containsString("approve-form")));
        Sessions.Session approvers = Sessions.signIn(approver.username, Fixtures.PASSWORD);
        approvers.get("/approvals").then().statusCode(200).body(containsString(path)).body(containsString("Approvals ("));
        approvers.get(path).then().statusCode(200).body(containsString("approve-form"));
        approvers.postForm(path + "/approve", "comment", "ship it").then().statusCode(303);
        approvers.get(path).then().statusCode(200).body(containsString("APPROVED")).body(containsString("ship it"));
    }

    @Test
    void aPublishFormWithErrorsComesBackWithThemNextToTheFieldsAndItsInputKept() {
        Sessions.Session owners = Sessions.signIn(owner.username, Fixtures.PASSWORD);
        String token = owners.csrfToken();
        var spec = owners.request().multiPart("progate-csrf", token)
                .multiPart("reason", "").multiPart("metadata.name", "Kept Name")
                .multiPart("metadata.projectVersion", "bad version").multiPart("metadata.aimmsVersionId", SandboxTeams.AIMMS)
                .multiPart("file", "x.aimmspack", Zips.zip(java.util.Map.of("../evil", "x")), "application/octet-stream");
        spec.when().post("/teams/" + team.slug + "/requests/publish").then().statusCode(400)
                .body(containsString("Kept Name"))
                .body(containsString("A reason is required"))
                .body(containsString("climbs out"))
                .body(containsString("field-error"));
    }

    @Test
    void aFormPostWithoutCsrfTokenIsRefused() {
        Sessions.Session owners = Sessions.signIn(owner.username, Fixtures.PASSWORD);
        owners.request().multiPart("reason", "r").multiPart("metadata.name", "NoToken")
                .multiPart("file", "x.aimmspack", Zips.project(true), "application/octet-stream")
                .when().post("/teams/" + team.slug + "/requests/publish").then().statusCode(400);
        owners.request().formParam("reason", "r").formParam("appName", "A").formParam("appVersion", "1")
                .when().post("/teams/" + team.slug + "/requests/delete").then().statusCode(400);
        owners.get("/teams/" + team.slug + "/requests").then().body(not(containsString("NoToken")));
    }

    @Test
    void updateAndDeleteFormsFileRequestsWithAuthorizationsByEntity() {
        Sessions.Session owners = Sessions.signIn(owner.username, Fixtures.PASSWORD);
        owners.get("/teams/" + team.slug + "/requests/new?type=UPDATE&app=Planner&version=1.0").then().statusCode(200)
                .body(containsString("Planners")).body(containsString("auth.16777095.read"));
        Response update = owners.postForm("/teams/" + team.slug + "/requests/update", "reason", "open it up",
                "appName", "Planner", "appVersion", "1.0", "makeLatest", "true", "replaceAuthorizations", "true",
                "auth.16777095.read", "grant", "auth.16777095.execute", "grant", "auth.16777096.write", "deny",
                "authorizations", "16777201 grant read");
        assertEquals(303, update.statusCode(), update.asString());
        long id = Long.parseLong(update.header("Location").replaceAll(".*/", ""));
        var json = Requests.as(owner).get("/api/v1/requests/" + id).then().extract().jsonPath();
        assertEquals(true, json.getBoolean("payload.isLatest"));
        assertEquals(java.util.List.of(5, 2, 4), json.getList("payload.authorizations.authorization"));
        assertEquals(java.util.List.of(false, true, false), json.getList("payload.authorizations.deny"));
        owners.postForm("/teams/" + team.slug + "/requests/update", "reason", "", "appName", "Planner", "appVersion", "1.0")
                .then().statusCode(400).body(containsString("A reason is required"))
                .body(containsString("name at least one thing to change"));
        owners.postForm("/teams/" + team.slug + "/requests/delete", "reason", "retire", "appName", "Planner",
                "appVersion", "1.0").then().statusCode(303);
    }

    @Test
    void listsQueueAndPolicyPagesRender() {
        long id = Requests.published(owner, team, "Listed");
        Sessions.Session owners = Sessions.signIn(owner.username, Fixtures.PASSWORD);
        owners.get("/teams/" + team.slug + "/requests?status=PENDING").then().statusCode(200).body(containsString("/requests/" + id));
        owners.get("/teams/" + team.slug + "/requests?status=REJECTED").then().statusCode(200)
                .body(not(containsString("/requests/" + id + "\"")));
        owners.get("/requests").then().statusCode(200).body(containsString("/requests/" + id));
        owners.get("/teams/" + team.slug + "/policy").then().statusCode(200).body(not(containsString("policy-form")));
        owners.postForm("/teams/" + team.slug + "/policy", "requiredApprovals", "2").then().statusCode(403);
        Sessions.Session approvers = Sessions.signIn(approver.username, Fixtures.PASSWORD);
        approvers.postForm("/teams/" + team.slug + "/policy", "requiredApprovals", "2", "deleteApprovals", "3",
                "maxWaitDays", "7", "adminsMayApprove", "true").then().statusCode(303);
        approvers.get("/teams/" + team.slug + "/policy").then().statusCode(200)
                .body(containsString("id=\"policy-delete-approvals\">3<"));
        approvers.postForm("/teams/" + team.slug + "/policy", "requiredApprovals", "99").then().statusCode(400)
                .body(containsString("from 1 to 10"));
    }

    @Test
    void theAppsPageListsWhatPROReportsWithActions() {
        long id = Requests.published(owner, team, "Unpublished");
        Sessions.Session owners = Sessions.signIn(owner.username, Fixtures.PASSWORD);
        owners.get("/teams/" + team.slug + "/apps").then().statusCode(200).body(containsString("team-apps"))
                .body(not(containsString("PRO could not be read")));
        Team keyless = sandbox.bare("keyless");
        fixtures.member(keyless, owner, TeamRole.MEMBER);
        owners.get("/teams/" + keyless.slug + "/apps").then().statusCode(200).body(containsString("PRO could not be read"));
        owners.get("/teams/" + keyless.slug + "/requests/new?type=DELETE").then().statusCode(200)
                .body(containsString("missing-key"));
        owners.get("/requests/" + id).then().statusCode(200);
        User stranger = fixtures.user("stranger");
        Sessions.signIn(stranger.username, Fixtures.PASSWORD).get("/requests/" + id).then().statusCode(404);
    }
}
