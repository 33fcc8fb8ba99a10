package io.progate.execution;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.fixtures.ExecutionFixtures;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.SandboxAccounts;
import io.progate.pro.PackageSource;
import io.progate.pro.ProApps;
import io.progate.pro.model.AppUpdate;
import io.progate.pro.model.PublishMetadata;
import io.progate.request.AuthorizationEntry;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestStatus;
import io.progate.request.UpdateFields;
import io.progate.sandbox.SandboxApps;
import io.progate.sandbox.SandboxDirectory;
import io.progate.sandbox.SandboxModes;
import io.progate.sandbox.SandboxWire;
import io.progate.sandbox.store.SandboxApp;
import io.progate.sandbox.store.SandboxMode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a PRO that does only what AIMMS documents: {@code GET /applications/{name}} answers 404,
 * the user manager sends no entity ids, and 150 users come over two pages of 100. A delete of an old
 * version and an access update both succeed, and the access editor shows every user.
 */
@QuarkusTest
@TestProfile(WorkerOn.class)
class DocumentedOnlyProTest {

    @Inject
    ExecutionFixtures x;

    @Inject
    SandboxModes modes;

    @Inject
    SandboxDirectory directory;

    @Inject
    SandboxApps sandboxApps;

    @Inject
    SandboxAccounts sandbox;

    @Inject
    ProApps apps;

    private String prefix;
    private List<Long> users;

    @BeforeEach
    void strictPro() {
        prefix = Fixtures.unique("crowd");
        users = directory.addUsers(prefix, 150);
        modes.on(SandboxMode.ONLY_DOCUMENTED_PATHS, SandboxMode.DIRECTORY_WITHOUT_IDS, SandboxMode.DIRECTORY_PAGES_OF_100);
    }

    @AfterEach
    void back() {
        modes.clear();
        directory.removeUsers(prefix);
    }

    private void publishDirectly(String name, String version) throws Exception {
        apps.publish(sandbox.demo(), PublishMetadata.of(name, version, SandboxAccounts.OFFICIAL_VERSION),
                PackageSource.of(SandboxAccounts.pack(name + version)));
    }

    @Test
    void deleteOfAnOldVersionSucceedsWithoutThePathAimmsDoesNotDocument() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Fleet");
        publishDirectly(name, "1.0");
        publishDirectly(name, "2.0");
        apps.update(sandbox.demo(), name, "2.0", AppUpdate.none().makeLatest());
        given().header("apikey", SandboxAccounts.DEMO_KEY).when().get("/sandbox/pro-api/v2/applications/" + name)
                .then().statusCode(404);
        ReleaseRequest r = x.fileDelete(t, name, "1.0");
        long before = x.lastCallId();

        x.approve(t, r.id);
        ReleaseRequest done = x.await(r.id, RequestStatus.SUCCEEDED, RequestStatus.FAILED);

        assertEquals(RequestStatus.SUCCEEDED, done.status, done.outcome);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> SandboxApp.byNameAndVersion(name, "1.0")).isEmpty());
        assertEquals(1, x.callsSince(before, "DELETE", "/applications/" + name + "/1.0").size());
        assertEquals(List.of(), x.callsSince(before, "GET", "/applications/" + name).stream()
                .filter(c -> c.path.endsWith("/applications/" + name)).toList(), "the undocumented path is not asked");
        String snapshot = x.attempts(r.id).get(0).snapshot;
        assertTrue(snapshot.contains("\"latestBefore\":\"2.0\""), "the latest tag comes from the list of apps: " + snapshot);
        assertTrue(snapshot.contains("\"deletesLatest\":false"), snapshot);
    }

    @Test
    void accessUpdateOnAnAccountWithoutEntityIdsSucceedsAndShowsTheTeamsLabels() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Access");
        publishDirectly(name, "1.0");
        long first = users.get(0);
        long onPageTwo = users.get(120);
        given().auth().preemptive().basic(t.approver().username, Fixtures.PASSWORD).contentType("application/json")
                .body("{\"label\":\"Ada from page two\"}")
                .when().put("/api/v1/teams/" + t.team().slug + "/entity-labels/" + onPageTwo)
                .then().statusCode(200);
        ReleaseRequest r = x.fileUpdate(t, name, "1.0", new UpdateFields(null, null, null, null, List.of(
                new AuthorizationEntry(AuthorizationEntry.READ, false, first),
                new AuthorizationEntry(AuthorizationEntry.READ | AuthorizationEntry.EXECUTE, false, onPageTwo)), null));

        x.approve(t, r.id);
        ReleaseRequest done = x.await(r.id, RequestStatus.SUCCEEDED, RequestStatus.FAILED);

        assertEquals(RequestStatus.SUCCEEDED, done.status, done.outcome);
        assertEquals(List.of(new SandboxWire.Authorization(4, false, first), new SandboxWire.Authorization(5, false, onPageTwo)),
                sandboxApps.authorizationsOf(name, "1.0"));
        String snapshot = x.attempts(r.id).get(0).snapshot;
        assertTrue(snapshot.contains("grant read+execute to Ada from page two (#" + onPageTwo + ", team label)"), snapshot);
        assertTrue(snapshot.contains("grant read to entity #" + first), snapshot);
    }

    @Test
    void theAccessEditorShowsEveryUserOfEveryPage() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Editor");
        publishDirectly(name, "1.0");
        long before = x.lastCallId();

        String page = given().auth().preemptive().basic(t.author().username, Fixtures.PASSWORD)
                .when().get("/teams/" + t.team().slug + "/requests/new?type=UPDATE&app=" + name + "&version=1.0")
                .then().statusCode(200).extract().asString();

        assertTrue(page.contains("id=\"directory-no-ids\""), "the editor says that PRO sends no ids");
        Matcher listed = Pattern.compile("<li>user <strong>(" + Pattern.quote(prefix) + "-\\d{3})</strong>").matcher(page);
        int count = 0;
        while (listed.find()) {
            count++;
        }
        assertEquals(150, count, "every user of both pages is listed");
        assertTrue(page.contains(prefix + "-001") && page.contains(prefix + "-150"));
        assertEquals(2, x.callsSince(before, "GET", "/pro/user-manager/v1/user").stream()
                .filter(c -> c.path.endsWith("/user")).count(), "two pages of users were read");
    }
}
