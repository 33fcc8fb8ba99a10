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
import io.progate.pro.model.Authorization;
import io.progate.pro.model.PublishMetadata;
import io.progate.request.AuthorizationEntry;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestStatus;
import io.progate.request.UpdateFields;
import io.progate.sandbox.SandboxModes;
import io.progate.sandbox.store.SandboxMode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The access list of a version is shown before it is replaced: PRO's own when PRO returns it, else the
 * one ProGate last set (labelled so), else said to be unknown; the editor starts from it.
 */
@QuarkusTest
@TestProfile(WorkerOn.class)
class AccessBeforeChangeTest {

    private static final long PLANNERS = 16777095L;
    private static final long VIEWERS = 16777096L;

    @Inject
    ExecutionFixtures x;

    @Inject
    ProApps apps;

    @Inject
    SandboxAccounts sandbox;

    @Inject
    SandboxModes modes;

    @AfterEach
    void reset() {
        modes.clear();
    }

    private String published() throws Exception {
        String name = Fixtures.unique("Guarded");
        apps.publish(sandbox.demo(), PublishMetadata.of(name, "1.0", SandboxAccounts.OFFICIAL_VERSION),
                PackageSource.of(SandboxAccounts.pack(name)));
        return name;
    }

    private String editor(ExecutionFixtures.SandboxTeam t, String name) {
        return given().auth().preemptive().basic(t.author().username, Fixtures.PASSWORD)
                .when().get("/teams/" + t.team().slug + "/requests/new?type=UPDATE&app=" + name + "&version=1.0")
                .then().statusCode(200).extract().asString();
    }

    @Test
    void theEditorShowsProGatesLastWriteLabelledSoAndStartsFromIt() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = published();
        assertTrue(editor(t, name).contains("unknown: PRO does not report it and ProGate has not set it"));

        ReleaseRequest first = x.fileUpdate(t, name, "1.0", new UpdateFields(null, null, null, null,
                List.of(new AuthorizationEntry(AuthorizationEntry.READ, false, PLANNERS)), null));
        x.approve(t, first.id);
        assertEquals(RequestStatus.SUCCEEDED, x.await(first.id, RequestStatus.SUCCEEDED, RequestStatus.FAILED).status);

        String page = editor(t, name);
        assertTrue(page.contains("as ProGate last set it (request #" + first.id), page);
        assertTrue(page.contains("<li>grant read to group ROOT/Planners (#" + PLANNERS + ")</li>"), page);
        assertTrue(page.contains("name=\"auth." + PLANNERS + ".read\" aria-label=\"read for ROOT/Planners\">"
                + "<option value=\"\">—</option><option value=\"grant\" selected>"), "the editor starts from it");

        ReleaseRequest second = x.fileUpdate(t, name, "1.0", new UpdateFields(null, null, null, null,
                List.of(new AuthorizationEntry(AuthorizationEntry.READ, false, VIEWERS)), null));
        x.approve(t, second.id);
        assertEquals(RequestStatus.SUCCEEDED, x.await(second.id, RequestStatus.SUCCEEDED, RequestStatus.FAILED).status);
        String snapshot = x.attempts(second.id).get(0).snapshot;
        assertTrue(snapshot.contains("\"accessRemoved\":[\"grant read to group ROOT/Planners (#" + PLANNERS + ")\"]"),
                snapshot);
        assertTrue(snapshot.contains("\"accessBeforeSource\":\"as ProGate last set it (request #" + first.id), snapshot);
    }

    @Test
    void whenPROReturnsTheListItIsTakenFromPRO() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = published();
        apps.update(sandbox.demo(), name, "1.0", AppUpdate.none().withAuthorizations(List.of(
                new Authorization(Authorization.WRITE, true, VIEWERS))));
        modes.on(SandboxMode.AUTHORIZATIONS_IN_GET);

        String page = editor(t, name);
        assertTrue(page.contains("id=\"current-access-source\">as PRO reports it"), page);
        assertTrue(page.contains("<li>deny write to group ROOT/Viewers (#" + VIEWERS + ")</li>"), page);

        ReleaseRequest r = x.fileUpdate(t, name, "1.0", new UpdateFields(null, null, null, null, List.of(), null));
        x.approve(t, r.id);
        assertEquals(RequestStatus.SUCCEEDED, x.await(r.id, RequestStatus.SUCCEEDED, RequestStatus.FAILED).status);
        String snapshot = x.attempts(r.id).get(0).snapshot;
        assertTrue(snapshot.contains("\"accessBeforeSource\":\"as PRO reports it\""), snapshot);
        assertTrue(snapshot.contains("\"accessRemoved\":[\"deny write to group ROOT/Viewers (#" + VIEWERS + ")\"]"),
                snapshot);
    }
}
