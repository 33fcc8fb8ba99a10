package io.progate.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.common.Hashes;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.SandboxAccounts;
import io.progate.pro.PackageSource;
import io.progate.pro.ProApps;
import io.progate.pro.ProException;
import io.progate.pro.model.AppUpdate;
import io.progate.pro.model.Authorization;
import io.progate.pro.model.ProApp;
import io.progate.pro.model.PublishMetadata;
import io.progate.sandbox.store.SandboxApp;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sandbox's rules for apps, each as docs/pro-api.md states it. */
@QuarkusTest
class SandboxAppRulesTest {

    private static final String AIMMS = SandboxAccounts.OFFICIAL_VERSION;
    private static final Authorization PLANNERS_READ = new Authorization(Authorization.READ, false, 16777095L);

    @Inject
    SandboxAccounts sandbox;

    @Inject
    ProApps apps;

    @Inject
    SandboxApps sandboxApps;

    private ProApp publish(PublishMetadata metadata) throws Exception {
        return apps.publish(sandbox.demo(), metadata, PackageSource.of(SandboxAccounts.pack(metadata.name())));
    }

    /** What the sandbox keeps, in the client's type, to compare with what the client sent. */
    private List<Authorization> stored(String name, String version) {
        return sandboxApps.authorizationsOf(name, version).stream()
                .map(a -> new Authorization(a.authorization(), a.deny(), a.entity())).toList();
    }

    private List<ProApp> versions(String name) {
        return apps.versions(sandbox.demo(), name);
    }

    private ProApp version(String name, String version) {
        return versions(name).stream().filter(a -> a.projectVersion().equals(version)).findFirst().orElseThrow();
    }

    @Test
    void nameAndVersionAreUnique() throws Exception {
        String name = Fixtures.unique("Dup");
        publish(PublishMetadata.of(name, "1.0", AIMMS));
        ProException e = assertThrows(ProException.class, () -> publish(PublishMetadata.of(name, "1.0", AIMMS)));
        assertEquals(409, e.status());
        assertFalse(e.isTransient());
        assertTrue(e.getMessage().contains("exists"), e.getMessage());
    }

    @Test
    void firstVersionBecomesLatestAndLaterPublishesDoNotTakeTheTag() throws Exception {
        String name = Fixtures.unique("Latest");
        assertTrue(publish(PublishMetadata.of(name, "1.0", AIMMS)).isLatest());
        assertFalse(publish(PublishMetadata.of(name, "2.0", AIMMS)).isLatest());
        assertTrue(version(name, "1.0").isLatest());
    }

    @Test
    void isLatestMovesTheTagAndCannotBeSwitchedOff() throws Exception {
        String name = Fixtures.unique("Move");
        publish(PublishMetadata.of(name, "1.0", AIMMS));
        publish(PublishMetadata.of(name, "2.0", AIMMS));
        assertTrue(apps.update(sandbox.demo(), name, "2.0", AppUpdate.none().makeLatest()).isLatest());
        assertFalse(version(name, "1.0").isLatest());
        assertTrue(version(name, "2.0").isLatest());
        ProException off = assertThrows(ProException.class, () -> apps.update(sandbox.demo(), name, "2.0",
                new AppUpdate(null, null, Boolean.FALSE, null, null, null)));
        assertEquals(400, off.status());
        assertTrue(version(name, "2.0").isLatest());
    }

    @Test
    void publishBehaviorTwoHidesTheOldVersionMovesLatestAndCopiesAuthorizations() throws Exception {
        String name = Fixtures.unique("Hide");
        publish(PublishMetadata.of(name, "1.0", AIMMS));
        apps.update(sandbox.demo(), name, "1.0", AppUpdate.none().withAuthorizations(List.of(PLANNERS_READ)));
        ProApp next = publish(PublishMetadata.of(name, "2.0", AIMMS)
                .replacing(PublishMetadata.NEW_VERSION_HIDE_OLD, name, "1.0"));
        assertTrue(next.isLatest());
        ProApp old = version(name, "1.0");
        assertTrue(old.hidden());
        assertFalse(old.isLatest());
        assertEquals(List.of(PLANNERS_READ), stored(name, "2.0"));
    }

    @Test
    void publishBehaviorOneKeepsTheOldVersionVisibleAndCopiesAuthorizations() throws Exception {
        String name = Fixtures.unique("Keep");
        publish(PublishMetadata.of(name, "1.0", AIMMS));
        apps.update(sandbox.demo(), name, "1.0", AppUpdate.none().withAuthorizations(List.of(PLANNERS_READ)));
        ProApp next = publish(PublishMetadata.of(name, "1.1", AIMMS)
                .replacing(PublishMetadata.NEW_VERSION_KEEP_OLD, name, "1.0"));
        assertFalse(next.isLatest());
        assertFalse(version(name, "1.0").hidden());
        assertTrue(version(name, "1.0").isLatest());
        assertEquals(List.of(PLANNERS_READ), stored(name, "1.1"));
    }

    @Test
    void newPublishStartsWithNoAuthorizationsAndAnEmptyListRemovesThem() throws Exception {
        String name = Fixtures.unique("Auth");
        publish(PublishMetadata.of(name, "1.0", AIMMS));
        assertEquals(List.of(), stored(name, "1.0"));
        Authorization denyWrite = new Authorization(Authorization.WRITE, true, 16777095L);
        apps.update(sandbox.demo(), name, "1.0", AppUpdate.none().withAuthorizations(List.of(PLANNERS_READ, denyWrite)));
        assertEquals(List.of(PLANNERS_READ, denyWrite), stored(name, "1.0"));
        apps.update(sandbox.demo(), name, "1.0", AppUpdate.none().withAuthorizations(List.of()));
        assertEquals(List.of(), stored(name, "1.0"));
    }

    @Test
    void behaviorNamingAMissingOldVersionIsRefused() {
        String name = Fixtures.unique("NoOld");
        ProException e = assertThrows(ProException.class, () -> publish(PublishMetadata.of(name, "2.0", AIMMS)
                .replacing(PublishMetadata.NEW_VERSION_HIDE_OLD, name, "1.0")));
        assertEquals(400, e.status());
    }

    @Test
    void unknownAimmsVersionCategoryOrEntityIsRefused() throws Exception {
        String name = Fixtures.unique("Bad");
        assertEquals(400, assertThrows(ProException.class,
                () -> publish(PublishMetadata.of(name, "1.0", "1.2.3-nowhere"))).status());
        assertEquals(400, assertThrows(ProException.class,
                () -> publish(PublishMetadata.of(name, "1.0", AIMMS).withCategory("No such category"))).status());
        publish(PublishMetadata.of(name, "1.0", AIMMS));
        assertEquals(400, assertThrows(ProException.class, () -> apps.update(sandbox.demo(), name, "1.0",
                AppUpdate.none().withAuthorizations(List.of(new Authorization(4, false, 99L))))).status());
        assertEquals(400, assertThrows(ProException.class, () -> apps.update(sandbox.demo(), name, "1.0",
                AppUpdate.none().withAuthorizations(List.of(new Authorization(8, false, 16777095L))))).status());
        assertEquals(400, assertThrows(ProException.class, () -> apps.update(sandbox.demo(), name, "1.0",
                AppUpdate.none().withCategory("No such category"))).status());
        assertEquals(List.of(), stored(name, "1.0"));
    }

    @Test
    void devAimmsVersionIsAcceptedForPublishing() throws Exception {
        String name = Fixtures.unique("Dev");
        assertEquals(SandboxAccounts.DEV_VERSION,
                publish(PublishMetadata.of(name, "1.0", SandboxAccounts.DEV_VERSION)).aimmsVersionId());
    }

    @Test
    void updateChangesOnlyTheGivenFields() throws Exception {
        String name = Fixtures.unique("Patch");
        publish(PublishMetadata.of(name, "1.0", AIMMS).withDescription("before").withCategory("Planning")
                .withAttributes(Map.of("isWebUI", "false")));
        ProApp after = apps.update(sandbox.demo(), name, "1.0", AppUpdate.none().withDescription("after"));
        assertEquals("after", after.description());
        assertEquals("Planning", after.projectCategory());
        assertEquals(Map.of("isWebUI", "false"), after.attributes());
    }

    @Test
    void deletingTheLatestVersionHandsTheTagToTheNewestRemaining() throws Exception {
        String name = Fixtures.unique("Del");
        publish(PublishMetadata.of(name, "1.0", AIMMS));
        publish(PublishMetadata.of(name, "2.0", AIMMS));
        apps.delete(sandbox.demo(), name, "1.0");
        assertTrue(version(name, "2.0").isLatest());
        assertEquals(404, assertThrows(ProException.class, () -> apps.delete(sandbox.demo(), name, "1.0")).status());
    }

    @Test
    void keepsSizeHashAndSmallPackagesWhole() throws Exception {
        String name = Fixtures.unique("Bytes");
        Path file = SandboxAccounts.pack("the exact package content of " + name);
        apps.publish(sandbox.demo(), PublishMetadata.of(name, "1.0", AIMMS), PackageSource.of(file, name + ".aimmspack"));
        byte[] sent = Files.readAllBytes(file);
        SandboxApp stored = QuarkusTransaction.requiringNew().call(() -> SandboxApp.byNameAndVersion(name, "1.0").orElseThrow());
        assertEquals(sent.length, stored.packageSize);
        assertEquals(HexFormat.of().formatHex(Hashes.sha256().digest(sent)), stored.packageSha256);
        assertArrayEquals(sent, stored.packageBytes);
        assertEquals(name + ".aimmspack", stored.packageName);
        assertNull(stored.iconSize);
    }

    @Test
    void acceptsTheOlderProjectVersionIdField() {
        String name = Fixtures.unique("Old");
        String metadata = "{\"name\":\"" + name + "\",\"projectVersionId\":\"3.1\",\"aimmsVersionId\":\"" + AIMMS + "\"}";
        io.restassured.RestAssured.given().header("apikey", SandboxAccounts.DEMO_KEY)
                .multiPart("metadata", metadata)
                .multiPart("file", "x.aimmspack", "bytes".getBytes(StandardCharsets.UTF_8), "application/octet-stream")
                .when().post("/sandbox/pro-api/v2/applications")
                .then().statusCode(200)
                .body("projectVersion", org.hamcrest.Matchers.equalTo("3.1"))
                .body("isLatest", org.hamcrest.Matchers.equalTo(true))
                .body("hidden", org.hamcrest.Matchers.equalTo(false))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("latest")))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("authorizations")));
    }

    @Test
    void publishWithoutFileOrMetadataIsRefused() {
        io.restassured.RestAssured.given().header("apikey", SandboxAccounts.DEMO_KEY)
                .multiPart("metadata", "{\"name\":\"x\",\"projectVersion\":\"1\",\"aimmsVersionId\":\"" + AIMMS + "\"}")
                .when().post("/sandbox/pro-api/v2/applications")
                .then().statusCode(400).body("message", org.hamcrest.Matchers.containsString("file"));
        io.restassured.RestAssured.given().header("apikey", SandboxAccounts.DEMO_KEY)
                .multiPart("file", "x.aimmspack", "bytes".getBytes(StandardCharsets.UTF_8), "application/octet-stream")
                .when().post("/sandbox/pro-api/v2/applications")
                .then().statusCode(400).body("message", org.hamcrest.Matchers.containsString("metadata"));
    }
}
