package io.progate.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.fixtures.Fixtures;
import io.progate.fixtures.SandboxAccounts;
import io.progate.pro.ProAccount;
import io.progate.pro.ProAimmsVersions;
import io.progate.pro.ProApiKeys;
import io.progate.pro.ProApps;
import io.progate.pro.ProCategories;
import io.progate.pro.ProDirectory;
import io.progate.pro.ProException;
import io.progate.pro.ProTasks;
import io.progate.pro.model.AppCategory;
import io.progate.pro.model.NewApiKey;
import io.progate.pro.model.ProApiKey;
import io.progate.pro.model.ProScope;
import io.progate.sandbox.store.SandboxKey;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keys, scopes, categories and API keys in the sandbox. */
@QuarkusTest
class SandboxAccessRulesTest {

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
    void missingUnknownOrExpiredKeyIs401() {
        given().when().get("/sandbox/pro-api/v2/aimms-versions")
                .then().statusCode(401).body("message", containsString("API key"));
        assertEquals(401, assertThrows(ProException.class,
                () -> aimmsVersions.list(new ProAccount(sandbox.proUrl(), "no-such-key"))).status());
        ProException expired = assertThrows(ProException.class, () -> aimmsVersions.list(sandbox.expired()));
        assertEquals(401, expired.status());
        assertFalse(expired.isTransient());
    }

    @Test
    void eachAreaNeedsItsScope() {
        ProAccount tasksOnly = sandbox.withScopes(ProScope.TASKS);
        assertEquals(403, assertThrows(ProException.class, () -> apps.list(tasksOnly)).status());
        assertEquals(403, assertThrows(ProException.class, () -> categories.list(tasksOnly)).status());
        assertEquals(403, assertThrows(ProException.class, () -> aimmsVersions.list(tasksOnly)).status());
        assertEquals(403, assertThrows(ProException.class, () -> directory.users(tasksOnly)).status());
        assertEquals(403, assertThrows(ProException.class, () -> apiKeys.list(tasksOnly)).status());
        assertEquals(404, assertThrows(ProException.class, () -> tasks.get(tasksOnly, "no-such-task")).status());

        ProAccount publishAimms = sandbox.withScopes(ProScope.PUBLISH_AIMMS);
        assertFalse(aimmsVersions.list(publishAimms).isEmpty());
        assertEquals(403, assertThrows(ProException.class, () -> tasks.get(publishAimms, "x")).status());
        ProAccount authentication = sandbox.withScopes(ProScope.AUTHENTICATION);
        assertFalse(directory.environments(authentication).isEmpty());
    }

    @Test
    void scopeSpellingsAreMatchedCaseInsensitivelyWithAliases() {
        for (String alias : List.of("task", "TASKS", "Tasks")) {
            assertEquals(ProScope.TASKS, ProScope.parse(alias).orElseThrow());
        }
        assertEquals(ProScope.API_KEY, ProScope.parse("API Key").orElseThrow());
        assertEquals(ProScope.PUBLISH_AIMMS, ProScope.parse("PublishAimms").orElseThrow());
        assertTrue(ProScope.parse("Everything").isEmpty());
        ProApiKey key = apiKeys.create(sandbox.demo(),
                new NewApiKey(Fixtures.unique("alias"), LocalDate.now().plusDays(5), List.of("publishaimms", "API Key")));
        assertEquals(List.of("PublishAIMMS", "APIKey"), key.scopes());
        ProAccount account = new ProAccount(sandbox.proUrl(), key.value());
        assertFalse(aimmsVersions.list(account).isEmpty());
        assertFalse(apiKeys.list(account).isEmpty());
    }

    @Test
    void apiKeyRules() {
        String name = Fixtures.unique("rules");
        assertEquals(400, assertThrows(ProException.class, () -> apiKeys.create(sandbox.demo(),
                new NewApiKey(name, LocalDate.now().plusYears(1).plusDays(2), List.of("Tasks")))).status());
        assertEquals(400, assertThrows(ProException.class, () -> apiKeys.create(sandbox.demo(),
                new NewApiKey(name, LocalDate.now().minusDays(1), List.of("Tasks")))).status());
        assertEquals(400, assertThrows(ProException.class, () -> apiKeys.create(sandbox.demo(),
                new NewApiKey(name, LocalDate.now().plusDays(1), List.of("Everything")))).status());
        assertEquals(400, assertThrows(ProException.class, () -> apiKeys.create(sandbox.demo(),
                new NewApiKey(name, LocalDate.now().plusDays(1), List.of()))).status());
        ProApiKey created = apiKeys.create(sandbox.demo(), new NewApiKey(name, LocalDate.now().plusYears(1), List.of("Tasks")));
        assertNotNull(created.value());
        assertEquals(LocalDate.now().plusYears(1).toString(), created.expirationDate());
        assertEquals(409, assertThrows(ProException.class, () -> apiKeys.create(sandbox.demo(),
                new NewApiKey(name, LocalDate.now().plusDays(1), List.of("Tasks")))).status());
        assertTrue(apiKeys.list(sandbox.demo()).stream().allMatch(k -> k.value() == null));
        apiKeys.delete(sandbox.demo(), name);
        assertEquals(404, assertThrows(ProException.class, () -> apiKeys.delete(sandbox.demo(), name)).status());
    }

    @Test
    void keysAreStoredHashed() {
        ProApiKey created = apiKeys.create(sandbox.demo(),
                new NewApiKey(Fixtures.unique("hashed"), LocalDate.now().plusDays(3), List.of("Tasks")));
        SandboxKey stored = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> SandboxKey.byName("demo.user", created.name()).orElseThrow());
        assertFalse(stored.keyHash.contains(created.value()));
        assertEquals(io.progate.common.Hashes.sha256Hex(created.value()), stored.keyHash);
    }

    @Test
    void categoryRules() {
        AppCategory other = categories.list(sandbox.demo()).stream().filter(c -> c.value().equals("other"))
                .findFirst().orElseThrow();
        assertEquals(400, assertThrows(ProException.class, () -> categories.delete(sandbox.demo(), other.id())).status());
        assertEquals(400, assertThrows(ProException.class, () -> categories.rename(sandbox.demo(), other.id(), "x")).status());
        String value = Fixtures.unique("Twice");
        categories.create(sandbox.demo(), value);
        assertEquals(409, assertThrows(ProException.class, () -> categories.create(sandbox.demo(), value)).status());
        assertEquals(404, assertThrows(ProException.class, () -> categories.delete(sandbox.demo(), "no-such-id")).status());
        given().header("apikey", SandboxAccounts.DEMO_KEY).when().get("/sandbox/pro-api/v2/applications/categories")
                .then().statusCode(200).body("value", hasItem("other"));
    }

    @Test
    void sandboxPathsNeedNoPortalLoginAndSetNoPortalCookie() {
        given().urlEncodingEnabled(false).header("apikey", SandboxAccounts.DEMO_KEY).redirects().follow(false)
                .when().get("/sandbox/pro/user-manager/v1/user/@current/info")
                .then().statusCode(200).body("user_name", org.hamcrest.Matchers.equalTo("demo.user"))
                .header("Set-Cookie", org.hamcrest.Matchers.nullValue());
    }
}
