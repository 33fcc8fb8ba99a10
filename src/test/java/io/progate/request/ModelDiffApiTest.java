package io.progate.request;

import static io.progate.fixtures.Requests.act;
import static io.progate.fixtures.Requests.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.progate.account.User;
import io.progate.demo.DemoApps;
import io.progate.demo.DemoPackages;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Requests;
import io.progate.fixtures.SandboxTeams;
import io.progate.fixtures.Sessions;
import io.progate.packages.PackageManifests;
import io.progate.packages.PackageStore;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A publish of a new version is compared, when it is filed, with the package of the version it replaces; the
 * diff is stored with the request and served to whoever may see the request.
 */
@QuarkusTest
class ModelDiffApiTest {

    @Inject
    Fixtures fixtures;

    @Inject
    SandboxTeams sandbox;

    @Inject
    DemoApps demoApps;

    @Inject
    PackageStore store;

    @Inject
    PackageManifests manifests;

    private Team team;
    private User owner;
    private User approver;

    private DemoPackages.App seededApp() {
        team = sandbox.team("diff");
        owner = fixtures.user("downer");
        approver = fixtures.user("dapprover");
        fixtures.member(team, owner, TeamRole.MEMBER);
        fixtures.member(team, approver, TeamRole.APPROVER);
        DemoPackages.App app = new DemoPackages.App(Fixtures.unique("Diff App"), "Planner", "Planning",
                List.of("1.0", "1.1"));
        demoApps.publish(team.id, owner.username, approver.username, List.of(app));
        return app;
    }

    private long file(DemoPackages.App app, String requestJson) {
        return Requests.publish(owner, team, requestJson, DemoPackages.next(app)).then().statusCode(201).extract()
                .jsonPath().getLong("id");
    }

    private String nextJson(DemoPackages.App app, String outer) {
        String json = Requests.publishJson(app.name(), app.nextVersion(), ",\"publishBehavior\":2,\"oldProjectName\":\""
                + app.name() + "\",\"oldProjectVersion\":\"" + app.lastVersion() + "\"");
        return json.substring(0, json.length() - 1) + outer + "}";
    }

    @Test
    void aNewVersionIsComparedWithThePublishedVersionItReplaces() {
        DemoPackages.App app = seededApp();
        long id = file(app, nextJson(app, ""));
        as(approver).get("/api/v1/requests/" + id).then().statusCode(200)
                .body("diff.kind", equalTo("FULL"))
                .body("diff.baseVersion", equalTo("1.1"))
                .body("diff.changed", equalTo(2))
                .body("diff.added", equalTo(0))
                .body("diff.removed", equalTo(0))
                .body("diff.unchanged", equalTo(3));
        as(approver).get("/api/v1/requests/" + id + "/diff").then().statusCode(200)
                .body("files", hasSize(2))
                .body("files[0].path", equalTo("MainProject/Planner.ams"))
                .body("files[0].change", equalTo("CHANGED"))
                .body("files[0].linesAdded", equalTo(2))
                .body("files[0].unified", containsString("-            Range: [0, 0.85 * Capacity(s,t)];"))
                .body("files[0].unified", containsString("+            Range: [0, 0.90 * Capacity(s,t)];"))
                .body("files[0].hunks[0].lines.find { it.op == '+' }.newNo", equalTo(29))
                .body("files[1].path", equalTo("MainProject/WebUI/webui.json"))
                .body("files[1].unified", containsString("+  \"title\": \"Planner 1.2\","));
        Sessions.Session page = Sessions.signIn(approver.username, Fixtures.PASSWORD);
        String html = page.get("/requests/" + id).then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("id=\"model-diff\""), "the page shows the diff");
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("0.90 * Capacity(s,t)"), "with its lines");
    }

    @Test
    void theDiffIsFixedAtSubmissionAndStaysTheSameAfterApproval() {
        DemoPackages.App app = seededApp();
        long id = file(app, nextJson(app, ""));
        String before = as(owner).get("/api/v1/requests/" + id + "/diff").then().statusCode(200).extract().asString();
        act(approver, id, "approve", "fine").then().statusCode(200);
        String after = as(owner).get("/api/v1/requests/" + id + "/diff").then().statusCode(200).extract().asString();
        assertEquals(before, after);
    }

    @Test
    void onlyPeopleWhoMaySeeTheRequestSeeItsDiff() {
        DemoPackages.App app = seededApp();
        long id = file(app, nextJson(app, ""));
        User outsider = fixtures.user("outsider");
        Team other = fixtures.team("other");
        fixtures.member(other, outsider, TeamRole.APPROVER);
        as(outsider).get("/api/v1/requests/" + id + "/diff").then().statusCode(404);
        as(outsider).get("/api/v1/requests/" + id).then().statusCode(404);
        as(fixtures.admin("dadmin")).get("/api/v1/requests/" + id + "/diff").then().statusCode(200);
        io.restassured.RestAssured.given().get("/api/v1/requests/" + id + "/diff").then().statusCode(401);
    }

    @Test
    void aPublishWithoutAnEarlierPackageSaysThereIsNothingToCompare() {
        team = sandbox.team("diffnew");
        owner = fixtures.user("downer");
        fixtures.member(team, owner, TeamRole.MEMBER);
        long id = Requests.published(owner, team, Fixtures.unique("Fresh"));
        as(owner).get("/api/v1/requests/" + id).then().statusCode(200)
                .body("diff.kind", equalTo("NO_BASE"))
                .body("diff.baseRequestId", nullValue())
                .body("diff.note", containsString("No earlier package"));
        as(owner).get("/api/v1/requests/" + id + "/diff").then().statusCode(200).body("files", hasSize(0));
    }

    @Test
    void anEarlierPackagePurgedByRetentionIsComparedByItsManifest() {
        DemoPackages.App app = seededApp();
        long pkgId = QuarkusTransaction.requiringNew().call(() -> {
            ReleaseRequest last = ReleaseRequest.lastPublished(Team.findById(team.id), app.name(), "1.1", null)
                    .orElseThrow();
            store.purge(last.pkg, Instant.now());
            return last.pkg.id;
        });
        assertFalse(store.hasContent(pkgId));
        assertEquals(5, manifests.of(pkgId).size(), "the manifest outlives the content");
        long amsSize = manifests.of(pkgId).stream().filter(e -> e.path().endsWith(".ams")).findFirst().orElseThrow()
                .size();
        long id = file(app, nextJson(app, ""));
        as(owner).get("/api/v1/requests/" + id + "/diff").then().statusCode(200)
                .body("kind", equalTo("MANIFEST_ONLY"))
                .body("note", containsString("purged"))
                .body("changed", equalTo(2))
                .body("files", hasSize(2))
                .body("files[0].hunks", hasSize(0))
                .body("files[0].oldSize", equalTo((int) amsSize));
    }

    @Test
    void theAuthorMayChooseAnEarlierPublishOfTheTeamAsTheBase() {
        DemoPackages.App app = seededApp();
        long first = QuarkusTransaction.requiringNew().call(() -> ReleaseRequest.lastPublished(Team.findById(team.id),
                app.name(), "1.0", null).orElseThrow().id);
        long id = file(app, nextJson(app, ",\"diffBase\":" + first));
        as(owner).get("/api/v1/requests/" + id).then().statusCode(200)
                .body("diff.baseVersion", equalTo("1.0"))
                .body("diff.baseRequestId", equalTo((int) first));
    }

    @Test
    void aBaseOfAnotherTeamOrNotAPublishIsRefusedAndNothingIsFiled() {
        DemoPackages.App app = seededApp();
        Team otherTeam = team;
        User otherOwner = owner;
        long foreign = QuarkusTransaction.requiringNew().call(() -> ReleaseRequest.lastPublished(
                Team.findById(otherTeam.id), app.name(), "1.0", null).orElseThrow().id);
        DemoPackages.App mine = seededApp();
        long before = QuarkusTransaction.requiringNew().call(() -> ReleaseRequest.count("team.id", team.id));
        Requests.publish(owner, team, nextJson(mine, ",\"diffBase\":" + foreign), DemoPackages.next(mine))
                .then().statusCode(400).body(containsString("diffBase"));
        long delete = Requests.deleteRequest(owner, team, mine.name(), "1.0");
        Requests.publish(owner, team, nextJson(mine, ",\"diffBase\":" + delete), DemoPackages.next(mine))
                .then().statusCode(400).body(containsString("diffBase"));
        assertEquals(before + 1, QuarkusTransaction.requiringNew().call(() -> ReleaseRequest.count("team.id", team.id)),
                "only the delete was filed");
        as(owner).get("/api/v1/requests/" + delete + "/diff").then().statusCode(404);
        assertFalse(otherOwner.username.equals(owner.username));
    }
}
