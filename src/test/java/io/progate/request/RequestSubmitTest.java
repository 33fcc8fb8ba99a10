package io.progate.request;

import static io.progate.fixtures.Requests.as;
import static io.progate.fixtures.Requests.json;
import static io.progate.fixtures.Requests.publish;
import static io.progate.fixtures.Requests.publishJson;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.progate.account.User;
import io.progate.common.Hashes;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Requests;
import io.progate.fixtures.SandboxTeams;
import io.progate.fixtures.Zips;
import io.progate.packages.PackageStore;
import io.progate.packages.RequestPackage;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Filing requests through the JSON API: what is stored, and every rule that refuses a submission. */
@QuarkusTest
class RequestSubmitTest {

    @Inject
    Fixtures fixtures;

    @Inject
    SandboxTeams sandbox;

    @Inject
    PackageStore store;

    Team team;
    User owner;

    @BeforeEach
    void setUp() {
        team = sandbox.team("submit");
        owner = fixtures.user("owner");
        fixtures.member(team, owner, TeamRole.MEMBER);
    }

    private long countRequests() {
        return QuarkusTransaction.requiringNew().call(() -> ReleaseRequest.count("team.id", team.id));
    }

    @Test
    void publishStoresThePackageWithSizeHashAndInspection() throws Exception {
        byte[] zip = Zips.project(true);
        String sha = HexFormat.of().formatHex(Hashes.sha256().digest(zip));
        long id = publish(owner, team, publishJson("Transport", "1.0", ",\"projectCategory\":\"Scheduling\""), zip)
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/requests/"))
                .body("type", equalTo("PUBLISH"))
                .body("status", equalTo("PENDING"))
                .body("team", equalTo(team.slug))
                .body("author", equalTo(owner.username))
                .body("reason", equalTo("first release"))
                .body("payload.name", equalTo("Transport"))
                .body("payload.projectVersion", equalTo("1.0"))
                .body("payload.projectCategory", equalTo("Scheduling"))
                .body("payload.publishBehavior", equalTo(0))
                .body("payload.attributes.isWebUI", equalTo("true"))
                .body("size", equalTo(zip.length))
                .body("sha256", equalTo(sha))
                .body("pkg.inspection.zip", equalTo(true))
                .body("pkg.inspection.webUi", equalTo(true))
                .body("pkg.inspection.entries", hasItem("MainProject/WebUI/webui.json"))
                .body("approvals.size()", equalTo(0))
                .body("requiredApprovals", equalTo(1))
                .body("expiresAt", notNullValue())
                .body("outcome", nullValue())
                .body("proCall.method", equalTo("POST"))
                .body("proCall.path", equalTo("/pro-api/v2/applications"))
                .extract().jsonPath().getLong("id");
        RequestPackage pkg = QuarkusTransaction.requiringNew().call(() -> RequestPackage.<RequestPackage>findById(
                ReleaseRequest.<ReleaseRequest>findById(id).pkg.id));
        try (InputStream in = store.open(pkg)) {
            assertArrayEquals(zip, in.readAllBytes());
        }
    }

    @Test
    void aPackageLargerThanOneChunkIsStoredAndReadBackExactly() throws Exception {
        byte[] big = new byte[PackageStore.CHUNK_SIZE + 12345];
        new java.util.Random(7).nextBytes(big);
        long id = publish(owner, team, publishJson("Big", "1.0", ""), big).then().statusCode(201)
                .body("pkg.inspection.zip", equalTo(false))
                .body("pkg.inspection.warnings[0]", containsString("not a zip archive"))
                .extract().jsonPath().getLong("id");
        RequestPackage pkg = QuarkusTransaction.requiringNew().call(() -> RequestPackage.<RequestPackage>findById(
                ReleaseRequest.<ReleaseRequest>findById(id).pkg.id));
        assertEquals(2, store.chunkCount(pkg.id));
        try (InputStream in = store.open(pkg)) {
            assertArrayEquals(big, in.readAllBytes());
        }
        assertEquals(HexFormat.of().formatHex(Hashes.sha256().digest(big)), pkg.sha256);
    }

    @Test
    void publishWithAnIconStoresBoth() {
        as(owner).multiPart("request", publishJson("Iconic", "1.0", ""), "application/json")
                .multiPart("file", "iconic.aimmspack", Zips.project(true), "application/octet-stream")
                .multiPart("icon", "logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "image/png")
                .when().post("/api/v1/teams/" + team.slug + "/requests")
                .then().statusCode(201)
                .body("icon.fileName", equalTo("logo.png"))
                .body("icon.size", equalTo(4))
                .body("proCall.parts", containsString("icon (logo.png)"));
    }

    @Test
    void newVersionHidingTheOldNamesIt() {
        publish(owner, team, publishJson("Transport", "2.0",
                ",\"publishBehavior\":2,\"oldProjectName\":\"Transport\",\"oldProjectVersion\":\"1.0\""), Zips.project(true))
                .then().statusCode(201)
                .body("payload.publishBehavior", equalTo(2))
                .body("payload.oldProjectVersion", equalTo("1.0"))
                .body("summary", containsString("hiding the old version"));
    }

    @Test
    void updateAndDeleteAreFiledAsJson() {
        json(owner, team, "{\"type\":\"UPDATE\",\"reason\":\"new category\",\"appName\":\"Transport\",\"appVersion\":\"1.0\","
                + "\"changes\":{\"projectCategory\":\"Planning\",\"isLatest\":true,"
                + "\"authorizations\":[{\"authorization\":4,\"entity\":16777095},{\"authorization\":2,\"deny\":true,\"entity\":16777095}]}}")
                .then().statusCode(201)
                .body("type", equalTo("UPDATE"))
                .body("payload.projectCategory", equalTo("Planning"))
                .body("payload.isLatest", equalTo(true))
                .body("payload.authorizations[0].deny", equalTo(false))
                .body("payload.authorizations[1].deny", equalTo(true))
                .body("proCall.method", equalTo("PATCH"))
                .body("proCall.path", equalTo("/pro-api/v2/applications/Transport/1.0"))
                .body("size", nullValue());
        json(owner, team, "{\"type\":\"DELETE\",\"reason\":\"retired\",\"appName\":\"Old App\",\"appVersion\":\"0.9\"}")
                .then().statusCode(201)
                .body("proCall.method", equalTo("DELETE"))
                .body("proCall.path", equalTo("/pro-api/v2/applications/Old%20App/0.9"))
                .body("summary", equalTo("Delete Old App version 0.9"));
    }

    @Test
    void missingReasonTypeAndFieldsAreAllReportedAtOnce() {
        long before = countRequests();
        publish(owner, team, "{\"type\":\"PUBLISH\",\"reason\":\" \",\"metadata\":{\"name\":\"../x\",\"projectVersion\":\"\"}}",
                Zips.project(true))
                .then().statusCode(400)
                .body("error", equalTo("invalid input"))
                .body("details.field", hasItems("reason", "metadata.name", "metadata.projectVersion", "metadata.aimmsVersionId"));
        json(owner, team, "{\"type\":\"RENAME\",\"reason\":\"x\"}").then().statusCode(400).body("details.field", hasItem("type"));
        json(owner, team, "{}").then().statusCode(400).body("details.field", hasItems("type", "reason"));
        assertEquals(before, countRequests());
    }

    @Test
    void publishRulesAreChecked() {
        long before = countRequests();
        expectError(publishJson("App", "1.0", ",\"publishBehavior\":1"), "metadata.oldProjectName");
        expectError(publishJson("App", "1.0", ",\"publishBehavior\":1"), "metadata.oldProjectVersion");
        expectError(publishJson("App", "1.0", ",\"publishBehavior\":7"), "metadata.publishBehavior");
        expectError(publishJson("App", "1.0", ",\"oldProjectName\":\"App\""), "metadata.oldProjectName");
        expectError(publishJson("App", "1.0", ",\"publishBehavior\":2,\"oldProjectName\":\"App\",\"oldProjectVersion\":\"1.0\""),
                "metadata.projectVersion");
        expectError(publishJson("App", "1 0", ""), "metadata.projectVersion");
        expectError(publishJson("App", "1.0", "").replace("\"isWebUI\":\"true\"", "\"isWebUI\":\"yes\""),
                "metadata.attributes.isWebUI");
        // iconUrl is documented as /icons/<label> of an icon in PRO storage: anything else is refused
        expectError(publishJson("App", "1.0", "").replace("\"isWebUI\":\"true\"",
                "\"iconUrl\":\"https://cdn.example.com/logo.png\""), "metadata.attributes.iconUrl");
        expectError(publishJson("App", "1.0", "").replace("\"isWebUI\":\"true\"", "\"9bad key\":\"v\""),
                "metadata.attributes");
        expectError(publishJson("App", "1.0", ",\"description\":\"" + "d".repeat(4001) + "\""), "metadata.description");
        publish(owner, team, "{\"type\":\"PUBLISH\",\"reason\":\"r\"}", Zips.project(true))
                .then().statusCode(400).body("details.field", hasItem("metadata"));
        assertEquals(before, countRequests());
    }

    private void expectError(String request, String field) {
        publish(owner, team, request, Zips.project(true)).then().statusCode(400).body("details.field", hasItem(field));
    }

    @Test
    void updateRulesAreChecked() {
        String base = "{\"type\":\"UPDATE\",\"reason\":\"r\",\"appName\":\"App\",\"appVersion\":\"1.0\",\"changes\":";
        json(owner, team, base + "{}}").then().statusCode(400).body("details.field", hasItem("changes"));
        json(owner, team, base + "{\"isLatest\":false}}").then().statusCode(400).body("details.field", hasItem("changes.isLatest"));
        json(owner, team, base + "{\"projectCategory\":\" \"}}").then().statusCode(400)
                .body("details.field", hasItem("changes.projectCategory"));
        json(owner, team, base + "{\"authorizations\":[{\"authorization\":8,\"entity\":5},{\"authorization\":4}]}}")
                .then().statusCode(400)
                .body("details.field", hasItems("changes.authorizations[0].authorization", "changes.authorizations[1].entity"));
        json(owner, team, "{\"type\":\"UPDATE\",\"reason\":\"r\",\"changes\":{\"description\":\"d\"}}")
                .then().statusCode(400).body("details.field", hasItems("appName", "appVersion"));
        json(owner, team, base + "{\"authorizations\":[]}}").then().statusCode(201)
                .body("summary", containsString("remove all authorizations"));
    }

    @Test
    void badPackagesAreRefusedAndNothingIsStored() {
        long before = countRequests();
        publish(owner, team, publishJson("App", "1.0", ""), null)
                .then().statusCode(400).body("details.field", hasItem("file"));
        publish(owner, team, publishJson("App", "1.0", ""), new byte[0])
                .then().statusCode(400).body("details.message", hasItem("the package is empty"));
        publish(owner, team, publishJson("App", "1.0", ""), Zips.zip(Map.of("../../etc/cron.d/x", "boom")))
                .then().statusCode(400).body("details.message", hasItem(containsString("'..'")));
        publish(owner, team, publishJson("App", "1.0", ""), Zips.zip(Map.of("/etc/passwd", "boom")))
                .then().statusCode(400).body("details.message", hasItem(containsString("absolute path")));
        publish(owner, team, publishJson("App", "1.0", ""), Zips.bomb(64L * 1024 * 1024))
                .then().statusCode(400).body("details.message", hasItem(containsString("zip bomb")));
        publish(owner, team, publishJson("App", "1.0", ""), new byte[2 * 1024 * 1024 + 1])
                .then().statusCode(400).body("details.message", hasItem(containsString("larger than the limit of 2 MiB")));
        as(owner).multiPart("request", publishJson("App", "1.0", ""), "application/json")
                .multiPart("file", "a.aimmspack", Zips.project(true), "application/octet-stream")
                .multiPart("icon", "logo.exe", new byte[] {1}, "application/octet-stream")
                .when().post("/api/v1/teams/" + team.slug + "/requests")
                .then().statusCode(400).body("details.field", hasItem("icon"));
        json(owner, team, "{\"type\":\"PUBLISH\",\"reason\":\"no file\",\"metadata\":{\"name\":\"A\",\"projectVersion\":\"1\","
                + "\"aimmsVersionId\":\"24.6\"}}").then().statusCode(400).body("details.field", hasItem("file"));
        assertEquals(before, countRequests());
        long chunksOfNothing = QuarkusTransaction.requiringNew().call(() -> RequestPackage.count(
                "id not in (select r.pkg.id from ReleaseRequest r where r.pkg is not null)"
                        + " and id not in (select r.icon.id from ReleaseRequest r where r.icon is not null)"));
        assertEquals(0, chunksOfNothing, "no orphan package rows");
    }

    @Test
    void withoutAKeyCarryingPublishAppNothingCanBeFiled() {
        Team keyless = sandbox.bare("keyless");
        fixtures.member(keyless, owner, TeamRole.MEMBER);
        publish(owner, keyless, publishJson("App", "1.0", ""), Zips.project(true)).then().statusCode(400)
                .body("details.field", hasItem("credential"))
                .body("details.message", hasItem(containsString("PublishApp")));
        Team tasksOnly = sandbox.team("tasksonly", java.util.List.of("Tasks"));
        fixtures.member(tasksOnly, owner, TeamRole.MEMBER);
        json(owner, tasksOnly, "{\"type\":\"DELETE\",\"reason\":\"r\",\"appName\":\"A\",\"appVersion\":\"1\"}")
                .then().statusCode(400).body("details.field", hasItem("credential"));
    }

    @Test
    void unknownAimmsVersionsAndCategoriesOfTheAccountAreRefused() {
        publish(owner, team, publishJson("App", "1.0", ",\"projectCategory\":\"Nope\"")
                .replace(SandboxTeams.AIMMS, "1.2.3.4-nowhere"), Zips.project(true))
                .then().statusCode(400)
                .body("details.field", hasItems("metadata.aimmsVersionId", "metadata.projectCategory"));
        json(owner, team, "{\"type\":\"UPDATE\",\"reason\":\"r\",\"appName\":\"A\",\"appVersion\":\"1\","
                + "\"changes\":{\"projectCategory\":\"Nope\"}}")
                .then().statusCode(400).body("details.field", hasItem("changes.projectCategory"));
    }

    @Test
    void aRequestPartThatIsNotJsonIsA400() {
        publish(owner, team, "{not json", Zips.project(true)).then().statusCode(400).body("details.field", hasItem("request"));
    }

    @Test
    void othersCannotFileForATeamTheyAreNotIn() {
        User stranger = fixtures.user("stranger");
        publish(stranger, team, publishJson("App", "1.0", ""), Zips.project(true)).then().statusCode(404);
        json(stranger, team, "{\"type\":\"DELETE\",\"reason\":\"r\",\"appName\":\"A\",\"appVersion\":\"1\"}").then().statusCode(404);
        as(stranger).get("/api/v1/teams/" + team.slug + "/requests").then().statusCode(404);
    }

    @Test
    void listsFilterByStatusAndType() {
        long publishId = Requests.published(owner, team, "Listed");
        long deleteId = Requests.deleteRequest(owner, team, "Listed", "0.1");
        as(owner).get("/api/v1/teams/" + team.slug + "/requests?type=DELETE").then().statusCode(200)
                .body("id", equalTo(java.util.List.of((int) deleteId)));
        as(owner).get("/api/v1/teams/" + team.slug + "/requests?status=pending&type=publish").then().statusCode(200)
                .body("id", equalTo(java.util.List.of((int) publishId)));
        as(owner).get("/api/v1/teams/" + team.slug + "/requests?status=REJECTED").then().statusCode(200)
                .body("size()", equalTo(0));
        as(owner).get("/api/v1/teams/" + team.slug + "/requests?status=WAITING").then().statusCode(400)
                .body("details.field", hasItem("status"));
    }
}
