package io.progate.pro;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.progate.pro.model.AimmsVersion;
import io.progate.pro.model.AppCategory;
import io.progate.pro.model.AppUpdate;
import io.progate.pro.model.Authorization;
import io.progate.pro.model.NewApiKey;
import io.progate.pro.model.ProApiKey;
import io.progate.pro.model.ProApp;
import io.progate.pro.model.ProEnvironment;
import io.progate.pro.model.ProGroup;
import io.progate.pro.model.ProTask;
import io.progate.pro.model.ProUser;
import io.progate.pro.model.PublishMetadata;
import io.progate.pro.model.TaskInterrupt;
import io.progate.pro.model.TaskPage;
import io.progate.pro.model.TaskQuery;
import io.progate.pro.model.UserQuery;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * For every call the PRO client makes: the exact request (method, path as on the wire, query,
 * {@code apikey} header, body or multipart parts) against a fixture written from AIMMS's
 * documentation, then the parsing of a documented-shape answer and of a variant with extra and
 * missing optional fields. Fixtures: {@code src/test/resources/pro-wire/}.
 */
@QuarkusTest
class ProWireTest {

    private static final String TASK_ID = "3f2b6c1e-8d7a-4f0e-9b1c-2a3d4e5f6a7b";

    @Inject
    Vertx vertx;

    @Inject
    ProApps apps;

    @Inject
    ProCategories categories;

    @Inject
    ProAimmsVersions aimmsVersions;

    @Inject
    ProDirectory directory;

    @Inject
    ProApiKeys apiKeys;

    @Inject
    ProTasks tasks;

    private ProWire wire;

    @BeforeEach
    void start() throws Exception {
        wire = ProWire.start(vertx);
    }

    @AfterEach
    void stop() {
        wire.close();
    }

    /** Makes the call once against {@code which} answer of the fixture and checks the request it sent. */
    private <T> T exchange(String fixture, String which, Function<ProAccount, T> call) {
        JsonNode f = ProWire.fixture(fixture);
        wire.reset();
        wire.answer(f.get(which));
        T result = call.apply(wire.account());
        assertEquals(1, wire.seen().size(), fixture + ": exactly one request");
        ProWire.assertRequest(f.get("request"), wire.seen().get(0));
        return result;
    }

    private static PackageSource bytes(String fileName, String content) {
        return PackageSource.of(fileName, () -> new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void publishSendsTheDocumentedMetadataAndFileParts() throws Exception {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("additionalProp1", "prop_1");
        attributes.put("additionalProp2", "prop_2");
        attributes.put("additionalProp3", "prop_3");
        attributes.put("isWebUI", "false");
        attributes.put("iconUrl", "/icons/my_logo");
        PublishMetadata metadata = new PublishMetadata("project7003", "my_project", "3.0", "4.84.1.5-linux64-x64-vc141",
                "cat_1", attributes, null, null, null, null);
        Path pack = Files.createTempFile("wire-", ".aimmspack");
        Files.writeString(pack, "AIMMSPACK-BYTES");
        Function<ProAccount, ProApp> call = account -> apps.publish(account, metadata,
                PackageSource.of(pack, "project7003-3.0.aimmspack"));

        ProApp documented = exchange("apps/publish", "answer", call);
        assertEquals("project7003", documented.name());
        assertEquals("3.0", documented.projectVersion());
        assertEquals("cat_1", documented.projectCategory());
        assertEquals("/icons/my_logo", documented.attributes().get("iconUrl"));
        assertTrue(documented.isLatest());
        assertFalse(documented.hidden());
        assertNull(documented.authorizations());

        ProApp variant = exchange("apps/publish", "variant", call);
        assertEquals("project7003", variant.name());
        assertTrue(variant.isLatest());
        assertNull(variant.description());
        assertNull(variant.attributes());
        Files.delete(pack);
    }

    @Test
    void publishOfANewVersionSendsBehaviourOldVersionAndIconParts() {
        PublishMetadata metadata = new PublishMetadata("Transport Planner", "", "2.0", "24.6.2.9-linux64-x86-vc143",
                "other", Map.of("isWebUI", "true"), null, null, null, null)
                .replacing(PublishMetadata.NEW_VERSION_HIDE_OLD, "Transport Planner", "1.0");
        Function<ProAccount, ProApp> call = account -> apps.publish(account, metadata,
                bytes("Transport Planner-2.0.aimmspack", "PACK-2"), bytes("logo.png", "PNG-BYTES"));
        assertEquals("2.0", exchange("apps/publish-new-version", "answer", call).projectVersion());
        ProApp variant = exchange("apps/publish-new-version", "variant", call);
        assertTrue(variant.isLatest());
        assertNull(variant.aimmsVersionId());
    }

    @Test
    void listOfAppsIsReadWithAndWithoutOptionalFields() {
        List<ProApp> documented = exchange("apps/list", "answer", apps::list);
        assertEquals(List.of("1.0", "2.0"), documented.stream().map(ProApp::projectVersion).toList());
        assertTrue(documented.get(0).hidden());
        assertEquals("/icons/truck", documented.get(1).attributes().get("iconUrl"));
        List<ProApp> variant = exchange("apps/list", "variant", apps::list);
        assertEquals(List.of("Transport Planner", "Scheduler"), variant.stream().map(ProApp::name).toList());
        assertFalse(variant.get(1).hidden());
        assertEquals(Map.of(), variant.get(1).attributes());
    }

    @Test
    void versionsOfOneAppUseTheDecidedPath() {
        assertEquals(2, exchange("apps/versions", "answer", a -> apps.versions(a, "Transport Planner")).size());
        assertEquals("2.0", exchange("apps/versions", "variant", a -> apps.versions(a, "Transport Planner"))
                .get(0).projectVersion());
    }

    @Test
    void oneVersionIsReadAndAccessIsKeptWhenPROSendsIt() {
        ProApp documented = exchange("apps/get", "answer", a -> apps.get(a, "Transport Planner", "2.0"));
        assertEquals("Planning", documented.projectCategory());
        assertNull(documented.authorizations(), "documented: GET does not return authorizations");
        ProApp variant = exchange("apps/get", "variant", a -> apps.get(a, "Transport Planner", "2.0"));
        assertEquals(List.of(new Authorization(Authorization.READ, false, 16777095L)), variant.authorizations());
    }

    @Test
    void updateSendsOnlyTheChangedFieldsWithDocumentedNames() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("isWebUI", "true");
        attributes.put("iconUrl", "/icons/my_logo");
        attributes.put("region", "EU");
        AppUpdate update = AppUpdate.none().withDescription("Routes and depots").withCategory("Planning").makeLatest()
                .withAttributes(attributes).withAuthorizations(List.of(
                        new Authorization(Authorization.READ, false, 16777095L),
                        new Authorization(Authorization.WRITE, true, 16777095L)));
        ProApp documented = exchange("apps/update", "answer", a -> apps.update(a, "Transport Planner", "2.0", update));
        assertEquals("EU", documented.attributes().get("region"));
        assertNull(exchange("apps/update", "variant", a -> apps.update(a, "Transport Planner", "2.0", update)),
                "an update may answer with no body");
    }

    @Test
    void updateWithAnEmptyAccessListSendsJustThat() {
        AppUpdate update = AppUpdate.none().withAuthorizations(List.of());
        assertEquals("2.0", exchange("apps/update-access-only", "answer",
                a -> apps.update(a, "Transport Planner", "2.0", update)).projectVersion());
        assertNull(exchange("apps/update-access-only", "variant",
                a -> apps.update(a, "Transport Planner", "2.0", update)).description());
    }

    @Test
    void deleteSendsNoBodyAndAcceptsAnEmptyOrAJsonAnswer() {
        exchange("apps/delete", "answer", a -> {
            apps.delete(a, "Transport Planner", "1.0");
            return null;
        });
        exchange("apps/delete", "variant", a -> {
            apps.delete(a, "Transport Planner", "1.0");
            return null;
        });
    }

    @Test
    void categoriesAreReadBareOrWrapped() {
        assertEquals(List.of("other", "Planning"), exchange("categories/list", "answer", categories::list).stream()
                .map(AppCategory::value).toList());
        List<AppCategory> variant = exchange("categories/list", "variant", categories::list);
        assertEquals(List.of("other", "Planning"), variant.stream().map(AppCategory::value).toList());
        assertNull(variant.get(1).id());
    }

    @Test
    void categoryCreateRenameAndDeleteSendTheValueBody() {
        assertEquals("5b7f3a7e-1111-4c6e-9d7e-000000000003",
                exchange("categories/create", "answer", a -> categories.create(a, "Scheduling")).id());
        assertEquals("Scheduling", exchange("categories/create", "variant", a -> categories.create(a, "Scheduling"))
                .value());
        String id = "5b7f3a7e-1111-4c6e-9d7e-000000000003";
        assertEquals("Scheduling & Rostering", exchange("categories/rename", "answer",
                a -> categories.rename(a, id, "Scheduling & Rostering")).value());
        assertEquals(id, exchange("categories/rename", "variant",
                a -> categories.rename(a, id, "Scheduling & Rostering")).id());
        for (String which : List.of("answer", "variant")) {
            exchange("categories/delete", which, a -> {
                categories.delete(a, id);
                return null;
            });
        }
    }

    @Test
    void officialAimmsVersionsAreAskedForWithoutDevAndDeduplicated() {
        assertEquals(List.of("24.6.2.9-linux64-x86-vc143", "25.1.3.2-linux64-x86-vc143"),
                exchange("aimms/list", "answer", aimmsVersions::list).stream().map(AimmsVersion::id).toList());
        assertEquals(List.of("24.6.2.9-linux64-x86-vc143"),
                exchange("aimms/list", "variant", aimmsVersions::list).stream().map(AimmsVersion::id).toList());
    }

    @Test
    void developmentBuildsAreAskedForWithDevTrue() {
        assertEquals(2, exchange("aimms/list-dev", "answer", a -> aimmsVersions.list(a, true)).size());
        assertEquals("25.4.0.77-dev-linux64-x86-vc143",
                exchange("aimms/list-dev", "variant", a -> aimmsVersions.list(a, true)).get(0).id());
        assertEquals("24.6.2.9-linux64-x86-vc143",
                exchange("aimms/get", "answer", a -> aimmsVersions.get(a, "24.6.2.9-linux64-x86-vc143")).id());
        assertEquals("24.6.2.9-linux64-x86-vc143",
                exchange("aimms/get", "variant", a -> aimmsVersions.get(a, "24.6.2.9-linux64-x86-vc143")).id());
    }

    @Test
    void environmentsAndGroupsAreReadWithOrWithoutIds() {
        List<ProEnvironment> documented = exchange("directory/environments", "answer", directory::environments);
        assertEquals(List.of("ROOT", "Production"), documented.stream().map(ProEnvironment::environmentName).toList());
        assertNull(documented.get(0).id(), "the documented objects carry no id");
        List<ProEnvironment> variant = exchange("directory/environments", "variant", directory::environments);
        assertEquals(16777001L, variant.get(0).id());
        assertNull(variant.get(1).accountName());

        assertEquals("Planners", exchange("directory/groups", "answer", directory::groups).get(0).groupName());
        List<ProGroup> groups = exchange("directory/groups", "variant", directory::groups);
        assertEquals(16777095L, groups.get(0).id());
        assertEquals("<everyone>", groups.get(1).groupName());
    }

    @Test
    void usersAreReadPageByPageWithOffsetAndLimit() {
        ProUser pat = exchange("directory/users", "answer", directory::users).get(0);
        assertEquals("pat.planner", pat.userName());
        assertEquals(List.of("Planners", "Viewers"), pat.groups());
        assertNull(pat.id());
        List<ProUser> variant = exchange("directory/users", "variant", directory::users);
        assertEquals(16777202L, variant.get(0).id());
        assertNull(variant.get(0).fullName());
        assertNull(variant.get(1).groups());
    }

    private static com.fasterxml.jackson.databind.JsonNode users(int from, int count) {
        com.fasterxml.jackson.databind.node.ArrayNode list = new com.fasterxml.jackson.databind.ObjectMapper()
                .createArrayNode();
        for (int i = from; i < from + count; i++) {
            list.addObject().put("account_name", "acme").put("environment_name", "ROOT").put("user_name", "u" + i);
        }
        return new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("status", 200)
                .put("contentType", "application/json").set("json", list);
    }

    @Test
    void usersAreReadUntilAShortPageAndEnvironmentsPageOnlyAfterAFullFirstPage() {
        wire.answer(users(0, 100));
        wire.answer(users(100, 50));
        List<ProUser> all = directory.users(wire.account());
        assertEquals(150, all.size());
        assertEquals("u149", all.get(149).userName());
        assertEquals(List.of(Map.of("offset", List.of("0"), "limit", List.of("100")),
                Map.of("offset", List.of("100"), "limit", List.of("100"))),
                wire.seen().stream().map(ProWire.Seen::query).toList());

        wire.reset();
        wire.answer(users(0, 100));
        wire.answer(users(0, 0));
        assertEquals(100, directory.environments(wire.account()).size());
        assertEquals(List.of(Map.of(), Map.of("offset", List.of("100"), "limit", List.of("100"))),
                wire.seen().stream().map(ProWire.Seen::query).toList());
    }

    @Test
    void aPROThatIgnoresPagingIsReadOnce() {
        wire.answer(users(0, 100));
        wire.answer(users(0, 100));
        assertEquals(100, directory.users(wire.account()).size(), "a repeated page is not counted twice");
        wire.reset();
        wire.answer(users(0, 230));
        assertEquals(230, directory.users(wire.account()).size(), "a page longer than asked for is everything");
        assertEquals(1, wire.seen().size());
    }

    @Test
    void userFiltersSortAndPagingAreSentAsDocumented() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("email_equal_ci", "Pat.Planner@example.com");
        filters.put("full_name_contains_ci", " ");
        UserQuery query = new UserQuery(filters, "-user_name", 0, 10);
        assertEquals("Pat Planner", exchange("directory/users-filtered", "answer", a -> directory.users(a, query))
                .get(0).fullName());
        assertEquals("pat.planner", exchange("directory/users-filtered", "variant", a -> directory.users(a, query))
                .get(0).userName());
    }

    @Test
    void currentUserIsRead() {
        assertEquals("CI Robot", exchange("directory/current-user", "answer", directory::currentUser).fullName());
        ProUser variant = exchange("directory/current-user", "variant", directory::currentUser);
        assertEquals("ci.robot", variant.userName());
        assertNull(variant.email());
    }

    @Test
    void apiKeysAreListedCreatedAndDeleted() {
        assertEquals("2026-06-30", exchange("keys/list", "answer", apiKeys::list).get(0).expirationDate());
        List<ProApiKey> variant = exchange("keys/list", "variant", apiKeys::list);
        assertEquals(List.of(), variant.get(0).scopes());
        assertNull(variant.get(1).scopes());

        NewApiKey key = new NewApiKey("ci", LocalDate.of(2026, 6, 30), List.of("PublishApp", "Tasks"));
        ProApiKey created = exchange("keys/create", "answer", a -> apiKeys.create(a, key));
        assertEquals("NEW-KEY-VALUE-123", created.value());
        assertFalse(created.toString().contains("NEW-KEY-VALUE-123"));
        assertNull(exchange("keys/create", "variant", a -> apiKeys.create(a, key)).expirationDate());

        for (String which : List.of("answer", "variant")) {
            exchange("keys/delete", which, a -> {
                apiKeys.delete(a, "old key");
                return null;
            });
        }
        assertEquals(List.of("Authentication", "PublishAIMMS", "PublishApp", "Tasks", "APIKey"),
                exchange("keys/scopes", "answer", apiKeys::scopes));
        assertEquals(List.of("Tasks", "Session"), exchange("keys/scopes", "variant", apiKeys::scopes));
    }

    @Test
    void tasksAreCreatedOnAVersionOrOnTheLatest() {
        byte[] input = "{\"horizon\":7,\"depots\":[\"Rotterdam\"]}".getBytes(StandardCharsets.UTF_8);
        ProTask queued = exchange("tasks/create", "answer",
                a -> tasks.create(a, "Transport Planner", "2.0", "solve", input));
        assertEquals("queued", queued.state());
        assertEquals(Instant.parse("2023-11-23T15:16:38Z"), queued.createdAt());
        ProTask variant = exchange("tasks/create", "variant",
                a -> tasks.create(a, "Transport Planner", "2.0", "solve", input));
        assertEquals(Instant.ofEpochMilli(1700752598000L), variant.createdAt());
        assertNull(variant.appName());

        byte[] latestInput = "{\"horizon\":7}".getBytes(StandardCharsets.UTF_8);
        assertEquals(TASK_ID, exchange("tasks/create-latest", "answer",
                a -> tasks.createOnLatest(a, "Transport Planner", "solve", latestInput)).id());
        assertEquals("assigned", exchange("tasks/create-latest", "variant",
                a -> tasks.createOnLatest(a, "Transport Planner", "solve", latestInput)).state());
    }

    @Test
    void tasksAreListedReadAndTheirResponseFetched() {
        TaskQuery query = new TaskQuery("Transport Planner", "2.0", 0, 20);
        TaskPage page = exchange("tasks/list", "answer", a -> tasks.list(a, query));
        assertEquals(41, page.total());
        assertEquals(Instant.parse("2023-11-23T15:17:10Z"), page.tasks().get(0).endedAt());
        assertTrue(page.tasks().get(0).isFinished());
        TaskPage variant = exchange("tasks/list", "variant", a -> tasks.list(a, query));
        assertEquals(1, variant.total(), "without total_tasks the page's size counts");

        assertEquals(0, exchange("tasks/get", "answer", a -> tasks.get(a, TASK_ID)).returnCode());
        ProTask failed = exchange("tasks/get", "variant", a -> tasks.get(a, TASK_ID));
        assertEquals("infeasible", failed.errorMessage());
        assertEquals(Instant.parse("2023-11-23T15:17:10Z"), failed.endedAt());

        assertArrayEquals("{\"routes\":12}".getBytes(StandardCharsets.UTF_8),
                exchange("tasks/response", "answer", a -> tasks.response(a, TASK_ID)));
        assertArrayEquals("raw\u0001bytes".getBytes(StandardCharsets.UTF_8),
                exchange("tasks/response", "variant", a -> tasks.response(a, TASK_ID)));
    }

    @Test
    void tasksAreInterruptedAndDeleted() {
        for (String which : List.of("answer", "variant")) {
            exchange("tasks/interrupt", which, a -> {
                tasks.interrupt(a, TASK_ID, TaskInterrupt.SOLVE);
                return null;
            });
            exchange("tasks/delete", which, a -> {
                tasks.delete(a, TASK_ID);
                return null;
            });
        }
    }
}
