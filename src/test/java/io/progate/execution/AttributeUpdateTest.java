package io.progate.execution;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.fixtures.ExecutionFixtures;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.SandboxAccounts;
import io.progate.fixtures.Sessions;
import io.progate.pro.PackageSource;
import io.progate.pro.ProApps;
import io.progate.pro.model.PublishMetadata;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestStatus;
import io.progate.sandbox.SandboxApps;
import io.progate.sandbox.SandboxFaults;
import io.progate.sandbox.SandboxModes;
import io.progate.sandbox.store.SandboxMode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An update edits the attribute map the version has on PRO: the request stores the whole intended
 * map, the PATCH sends it, keys not named stay, a key taken out is removed and shown as removed.
 */
@QuarkusTest
@TestProfile(WorkerOn.class)
class AttributeUpdateTest {

    @Inject
    ExecutionFixtures x;

    @Inject
    ProApps apps;

    @Inject
    SandboxAccounts sandbox;

    @Inject
    SandboxApps sandboxApps;

    @Inject
    SandboxModes modes;

    @Inject
    SandboxFaults faults;

    @AfterEach
    void reset() {
        modes.clear();
        faults.clear();
    }

    private String published(String prefix, Map<String, String> attributes) throws Exception {
        String name = Fixtures.unique(prefix);
        apps.publish(sandbox.demo(), PublishMetadata.of(name, "1.0", SandboxAccounts.OFFICIAL_VERSION)
                .withAttributes(attributes), PackageSource.of(SandboxAccounts.pack(name)));
        return name;
    }

    private static Map<String, String> map(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private Response fileUpdate(ExecutionFixtures.SandboxTeam t, String name, String changes) {
        return given().auth().preemptive().basic(t.author().username, Fixtures.PASSWORD).contentType("application/json")
                .body("{\"type\":\"UPDATE\",\"reason\":\"attributes\",\"appName\":\"" + name
                        + "\",\"appVersion\":\"1.0\",\"changes\":" + changes + "}")
                .when().post("/api/v1/teams/" + t.team().slug + "/requests");
    }

    private ReleaseRequest run(ExecutionFixtures.SandboxTeam t, long id) {
        x.approve(t, id);
        return x.await(id, RequestStatus.SUCCEEDED, RequestStatus.FAILED);
    }

    @Test
    void anUpdateSettingOneAttributeKeepsTheOthers() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = published("Keep", map("isWebUI", "true", "region", "EU", "iconUrl", "/icons/truck"));

        JsonPath filed = fileUpdate(t, name, "{\"attributes\":{\"owner\":\"ops\"}}").then().statusCode(201)
                .extract().jsonPath();

        Map<String, String> whole = map("isWebUI", "true", "region", "EU", "iconUrl", "/icons/truck", "owner", "ops");
        assertEquals(whole, filed.getMap("payload.attributes"), "the request stores the whole intended map");
        assertTrue(filed.getString("proCall.body").contains("\"region\":\"EU\"")
                && filed.getString("proCall.body").contains("\"owner\":\"ops\""), "the PATCH will send it whole");
        ReleaseRequest done = run(t, filed.getLong("id"));
        assertEquals(RequestStatus.SUCCEEDED, done.status, done.outcome);
        assertEquals(whole, sandboxApps.attributesOf(name, "1.0"), "keys not named are kept");
        String snapshot = x.attempts(done.id).get(0).snapshot;
        assertTrue(snapshot.contains("{\"field\":\"attribute owner\",\"before\":\"\",\"after\":\"ops\",\"kind\":\"added\"}"),
                snapshot);
        assertFalse(snapshot.contains("\"kind\":\"removed\""), snapshot);
    }

    @Test
    void aRemovedKeyIsRemovedAndShownAsRemoved() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = published("Remove", map("isWebUI", "true", "region", "EU", "legacy", "yes"));

        long id = fileUpdate(t, name, "{\"attributes\":{\"legacy\":null,\"isWebUI\":\"false\"}}").then().statusCode(201)
                .extract().jsonPath().getLong("id");

        ReleaseRequest filed = x.reload(id);
        assertTrue(filed.payload.contains("\"attributes\":{\"isWebUI\":\"false\",\"region\":\"EU\"}"), filed.payload);
        String pending = given().auth().preemptive().basic(t.author().username, Fixtures.PASSWORD)
                .when().get("/executions/" + id + "/before-after").then().statusCode(200).extract().asString();
        assertTrue(pending.contains("<tr class=\"change-removed\"><td>attribute legacy <span class=\"badge\">removed</span>"
                + "</td><td>yes</td><td><em>(removed)</em></td></tr>"), pending);
        assertTrue(pending.contains("<tr class=\"change-changed\"><td>attribute isWebUI"), pending);

        ReleaseRequest done = run(t, id);
        assertEquals(RequestStatus.SUCCEEDED, done.status, done.outcome);
        assertEquals(map("isWebUI", "false", "region", "EU"), sandboxApps.attributesOf(name, "1.0"));
        String page = given().auth().preemptive().basic(t.author().username, Fixtures.PASSWORD)
                .when().get("/executions/" + id + "/before-after").then().statusCode(200).extract().asString();
        assertTrue(page.contains("Before / after at execution"), page);
        assertTrue(page.contains("attribute legacy <span class=\"badge\">removed</span>"), page);
    }

    @Test
    void aPROThatMergesAttributesEndsWithTheSameMapAsOneThatReplacesThem() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String replaced = published("Replace", map("isWebUI", "true", "region", "EU"));
        ReleaseRequest first = run(t, fileUpdate(t, replaced, "{\"attributes\":{\"owner\":\"ops\",\"region\":\"US\"}}")
                .then().statusCode(201).extract().jsonPath().getLong("id"));
        modes.on(SandboxMode.MERGE_ATTRIBUTES);
        String merged = published("Merge", map("isWebUI", "true", "region", "EU"));
        ReleaseRequest second = run(t, fileUpdate(t, merged, "{\"attributes\":{\"owner\":\"ops\",\"region\":\"US\"}}")
                .then().statusCode(201).extract().jsonPath().getLong("id"));

        assertEquals(RequestStatus.SUCCEEDED, first.status, first.outcome);
        assertEquals(RequestStatus.SUCCEEDED, second.status, second.outcome);
        Map<String, String> expected = map("isWebUI", "true", "region", "US", "owner", "ops");
        assertEquals(expected, sandboxApps.attributesOf(replaced, "1.0"));
        assertEquals(expected, sandboxApps.attributesOf(merged, "1.0"));
    }

    @Test
    void theUpdateFormIsFilledFromPROAndALineTakenOutIsRemoved() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = published("Form", map("isWebUI", "true", "region", "EU", "legacy", "yes"));
        Sessions.Session author = Sessions.signIn(t.author().username, Fixtures.PASSWORD);
        String form = author.get("/teams/" + t.team().slug + "/requests/new?type=UPDATE&app=" + name + "&version=1.0")
                .then().statusCode(200).extract().asString();
        assertTrue(form.contains("name=\"attributesShown\" value=\"isWebUI,region,legacy\""), form);
        assertTrue(form.contains("region=EU\nlegacy=yes\n</textarea>"), form);
        assertTrue(form.contains("<option value=\"true\" selected>"), "isWebUI is preset: " + form);

        Response filed = author.postForm("/teams/" + t.team().slug + "/requests/update", "reason", "tidy",
                "appName", name, "appVersion", "1.0", "attributesShown", "isWebUI,region,legacy", "isWebUI", "true",
                "iconUrl", "/icons/fleet", "attributes", "region=EU\n");
        assertEquals(303, filed.statusCode(), filed.asString());
        long id = Long.parseLong(filed.header("Location").replaceAll(".*/", ""));
        assertTrue(x.reload(id).payload.contains(
                "\"attributes\":{\"isWebUI\":\"true\",\"region\":\"EU\",\"iconUrl\":\"/icons/fleet\"}"), x.reload(id).payload);
    }

    @Test
    void iconUrlMustNameAnIconInPROStorage() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = published("Icon", map("isWebUI", "true"));
        long before = count();
        fileUpdate(t, name, "{\"attributes\":{\"iconUrl\":\"https://cdn.example.com/a.png\"}}").then().statusCode(400)
                .body("details.field", org.hamcrest.Matchers.hasItem("changes.attributes.iconUrl"));
        assertEquals(before, count());
        fileUpdate(t, name, "{\"attributes\":{\"iconUrl\":\"/icons/truck\"}}").then().statusCode(201)
                .body("payload.attributes.iconUrl", org.hamcrest.Matchers.equalTo("/icons/truck"));
    }

    @Test
    void attributesAreNotChangedBlindWhenPROCannotBeRead() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = published("Blind", map("isWebUI", "true"));
        faults.add(SandboxFaults.Fault.status("/applications/" + name + "/1.0", 10, 503).onMethod("GET"));
        long before = count();
        fileUpdate(t, name, "{\"attributes\":{\"owner\":\"ops\"}}").then().statusCode(400)
                .body("details.field", org.hamcrest.Matchers.hasItem("changes.attributes"));
        assertEquals(before, count(), "nothing is filed");
        faults.clear();
        fileUpdate(t, name, "{\"attributes\":{\"isWebUI\":\"true\"}}").then().statusCode(400)
                .body("details.field", org.hamcrest.Matchers.hasItem("changes"));
    }

    private long count() {
        return QuarkusTransaction.requiringNew().call(() -> ReleaseRequest.count());
    }
}
