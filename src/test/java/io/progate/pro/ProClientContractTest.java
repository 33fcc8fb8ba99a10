package io.progate.pro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.fixtures.Fixtures;
import io.progate.fixtures.SandboxAccounts;
import io.progate.pro.model.AimmsVersion;
import io.progate.pro.model.AppCategory;
import io.progate.pro.model.AppUpdate;
import io.progate.pro.model.Authorization;
import io.progate.pro.model.NewApiKey;
import io.progate.pro.model.ProApiKey;
import io.progate.pro.model.ProApp;
import io.progate.pro.model.ProGroup;
import io.progate.pro.model.ProTask;
import io.progate.pro.model.ProUser;
import io.progate.pro.model.PublishMetadata;
import io.progate.pro.model.TaskInterrupt;
import io.progate.pro.model.TaskPage;
import io.progate.pro.model.TaskQuery;
import io.progate.pro.model.UserQuery;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every client operation against the sandbox, through the public wrappers. */
@QuarkusTest
class ProClientContractTest {

    @Inject
    SandboxAccounts sandbox;

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

    @Test
    void listsOfficialAimmsVersionsAndAllWithDev() {
        List<String> official = aimmsVersions.list(sandbox.demo()).stream().map(AimmsVersion::id).toList();
        List<String> all = aimmsVersions.list(sandbox.demo(), true).stream().map(AimmsVersion::id).toList();
        assertTrue(official.contains(SandboxAccounts.OFFICIAL_VERSION));
        assertFalse(official.contains(SandboxAccounts.DEV_VERSION));
        assertTrue(all.contains(SandboxAccounts.DEV_VERSION));
        assertEquals(SandboxAccounts.OFFICIAL_VERSION, aimmsVersions.get(sandbox.demo(), SandboxAccounts.OFFICIAL_VERSION).id());
    }

    @Test
    void publishesListsGetsUpdatesAndDeletesAnApp() throws Exception {
        String name = Fixtures.unique("Transport");
        ProApp published = apps.publish(sandbox.demo(),
                PublishMetadata.of(name, "1.0", SandboxAccounts.OFFICIAL_VERSION).withDescription("first")
                        .withAttributes(Map.of("isWebUI", "true")),
                PackageSource.of(SandboxAccounts.pack("package one")));
        assertEquals(name, published.name());
        assertEquals("1.0", published.projectVersion());
        assertTrue(published.isLatest());
        assertEquals("other", published.projectCategory());
        assertEquals("true", published.attributes().get("isWebUI"));
        assertNotNull(published.publishedAt());

        assertTrue(apps.list(sandbox.demo()).stream().anyMatch(a -> a.name().equals(name)));
        assertEquals(1, apps.versions(sandbox.demo(), name).size());
        assertEquals("first", apps.get(sandbox.demo(), name, "1.0").description());

        ProApp updated = apps.update(sandbox.demo(), name, "1.0", AppUpdate.none().withDescription("changed")
                .withAuthorizations(List.of(new Authorization(Authorization.READ, false, 16777095L))));
        assertEquals("changed", updated.description());

        apps.delete(sandbox.demo(), name, "1.0");
        assertTrue(apps.find(sandbox.demo(), name, "1.0").isEmpty());
        ProException gone = assertThrows(ProException.class, () -> apps.get(sandbox.demo(), name, "1.0"));
        assertEquals(404, gone.status());
        assertFalse(gone.isTransient());
    }

    @Test
    void publishFromAStreamWithIcon() {
        String name = Fixtures.unique("Streamed");
        byte[] bytes = "streamed package".getBytes(StandardCharsets.UTF_8);
        ProApp app = apps.publish(sandbox.demo(), PublishMetadata.of(name, "2.0", SandboxAccounts.OFFICIAL_VERSION),
                PackageSource.of(name + ".aimmspack", () -> new java.io.ByteArrayInputStream(bytes)),
                PackageSource.of("icon.png", () -> new java.io.ByteArrayInputStream(new byte[] {1, 2, 3})));
        assertEquals(name, app.name());
    }

    @Test
    void managesCategories() {
        String value = Fixtures.unique("Cat");
        AppCategory created = categories.create(sandbox.demo(), value);
        assertEquals(value, created.value());
        assertNotNull(created.id());
        assertTrue(categories.list(sandbox.demo()).stream().anyMatch(c -> c.value().equals("other")));
        AppCategory renamed = categories.rename(sandbox.demo(), created.id(), value + "-x");
        assertEquals(value + "-x", renamed.value());
        categories.delete(sandbox.demo(), created.id());
        assertTrue(categories.list(sandbox.demo()).stream().noneMatch(c -> c.id().equals(created.id())));
    }

    @Test
    void readsTheDirectory() {
        assertTrue(directory.environments(sandbox.demo()).stream().anyMatch(e -> "ROOT".equals(e.environmentName())));
        List<ProGroup> groups = directory.groups(sandbox.demo());
        assertTrue(groups.stream().anyMatch(g -> "Planners".equals(g.groupName()) && g.id() == 16777095L));
        List<ProUser> users = directory.users(sandbox.demo());
        assertTrue(users.size() >= 3);
        List<ProUser> pat = directory.users(sandbox.demo(),
                new UserQuery(Map.of("email_equal_ci", "PAT.PLANNER@example.com"), null, null, null));
        assertEquals(1, pat.size());
        assertEquals(List.of("Planners", "Viewers"), pat.get(0).groups());
        List<ProUser> limited = directory.users(sandbox.demo(), new UserQuery(Map.of(), "-user_name", 0, 2));
        assertEquals(2, limited.size());
        assertEquals("demo.user", directory.currentUser(sandbox.demo()).userName());
    }

    @Test
    void createsListsAndDeletesApiKeys() {
        String name = Fixtures.unique("ci");
        ProApiKey created = apiKeys.create(sandbox.demo(),
                new NewApiKey(name, LocalDate.now().plusMonths(6), List.of("PublishApp", "task")));
        assertNotNull(created.value());
        assertFalse(created.toString().contains(created.value()));
        assertEquals(List.of("PublishApp", "Tasks"), created.scopes());

        ProApiKey listed = apiKeys.list(sandbox.demo()).stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
        assertNull(listed.value());

        ProAccount withNewKey = new ProAccount(sandbox.proUrl(), created.value());
        assertTrue(apps.list(withNewKey).size() >= 0);
        assertTrue(apiKeys.scopes(sandbox.demo()).contains("APIKey"));

        apiKeys.delete(sandbox.demo(), name);
        assertEquals(401, assertThrows(ProException.class, () -> apps.list(withNewKey)).status());
    }

    @Test
    void runsTasks() throws Exception {
        String name = Fixtures.unique("Tasks");
        apps.publish(sandbox.demo(), PublishMetadata.of(name, "1.0", SandboxAccounts.OFFICIAL_VERSION),
                PackageSource.of(SandboxAccounts.pack("tasks")));
        byte[] input = "{\"x\":1}".getBytes(StandardCharsets.UTF_8);
        ProTask task = tasks.create(sandbox.demo(), name, "1.0", "solve", input);
        assertEquals(ProTask.QUEUED, task.state());
        assertNotNull(task.createdAt());
        ProTask onLatest = tasks.createOnLatest(sandbox.demo(), name, "solve", input);
        assertEquals("1.0", onLatest.appVersion());

        tasks.interrupt(sandbox.demo(), onLatest.id(), TaskInterrupt.EXECUTION);
        assertEquals(ProTask.FAILED, tasks.get(sandbox.demo(), onLatest.id()).state());

        TaskPage page = tasks.list(sandbox.demo(), TaskQuery.of(name, "1.0"));
        assertEquals(2, page.total());
        assertEquals(2, page.tasks().size());

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
                .until(() -> tasks.get(sandbox.demo(), task.id()).isFinished());
        ProTask done = tasks.get(sandbox.demo(), task.id());
        assertEquals(ProTask.COMPLETED, done.state());
        assertNotNull(done.endedAt());
        assertEquals(new String(input, StandardCharsets.UTF_8),
                new String(tasks.response(sandbox.demo(), task.id()), StandardCharsets.UTF_8));

        tasks.delete(sandbox.demo(), task.id());
        assertEquals(404, assertThrows(ProException.class, () -> tasks.get(sandbox.demo(), task.id())).status());
    }
}
