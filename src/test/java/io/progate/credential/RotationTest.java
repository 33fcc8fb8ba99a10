package io.progate.credential;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.audit.AuditEvent;
import io.progate.credential.seal.Binding;
import io.progate.credential.seal.MasterKeys;
import io.progate.credential.seal.Sealer;
import io.progate.credential.seal.Secret;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Keys;
import io.progate.team.Team;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Master-key rotation: 'next' has become active while rows are still sealed under 'test'. */
@QuarkusTest
@TestProfile(RotationTest.NextKeyActive.class)
class RotationTest {

    public static class NextKeyActive implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("progate.credentials.active-master-key", "next",
                    "progate.credentials.rewrap-batch-size", "2");
        }
    }

    @Inject
    Fixtures fixtures;

    @Inject
    CredentialService service;

    @Test
    @SuppressWarnings("unchecked")
    void rewrapMovesEveryRowToTheActiveKeyInBatchesAndOldRowsStillOpen() {
        Team team = fixtures.team("rotate");
        User admin = fixtures.admin("radm");
        MasterKeys before = MasterKeys.parse(
                ConfigProvider.getConfig().getValue("progate.credentials.master-keys", String.class), "test");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(sealUnderOldKey(team, admin, "old-" + i, "pro-key-sealed-under-test-" + i, before));
        }
        assertEquals("pro-key-sealed-under-test-0", open(ids.get(0)), "rows under the old key open during rotation");

        given().auth().preemptive().basic(admin.username, Fixtures.PASSWORD).when().get("/api/v1/admin/credentials")
                .then().statusCode(200).body("activeKeyId", equalTo("next"));
        Map<String, Object> report = given().auth().preemptive().basic(admin.username, Fixtures.PASSWORD)
                .contentType("application/json").when().post("/api/v1/admin/credentials/rewrap")
                .then().statusCode(200)
                .body("activeKeyId", equalTo("next"))
                .extract().as(Map.class);
        // other test classes share this database and may leave rows that deliberately fail to open
        List<Integer> failedIds = (List<Integer>) report.get("failedIds");
        assertTrue(ids.stream().noneMatch(id -> failedIds.contains(id.intValue())), report.toString());
        assertTrue(((Number) report.get("rewrapped")).intValue() >= 5, report.toString());
        assertEquals(failedIds.size(), ((Number) report.get("remaining")).intValue(), "only failed rows remain");

        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            Credential row = QuarkusTransaction.requiringNew().call(() -> Credential.findById(id));
            assertEquals("next", row.masterKeyId);
            assertEquals("pro-key-sealed-under-test-" + i, open(id));
        }
        given().auth().preemptive().basic(admin.username, Fixtures.PASSWORD).contentType("application/json")
                .when().post("/api/v1/admin/credentials/rewrap")
                .then().statusCode(200).body("rewrapped", equalTo(0)).body("failed", equalTo(failedIds.size()));

        MasterKeys onlyNext = MasterKeys.parse(
                ConfigProvider.getConfig().getValue("progate.credentials.master-keys", String.class)
                        .replaceAll("test=[^,]*,?", ""), "next");
        Credential row = QuarkusTransaction.requiringNew().call(() -> Credential.findById(ids.get(4)));
        assertEquals("pro-key-sealed-under-test-4", new String(Sealer.open(row.sealed(),
                new Binding(team.id, row.id, io.progate.team.ProUrls.normalise(team.proUrl), Binding.CURRENT), onlyNext), StandardCharsets.UTF_8), "the old key can now be removed");

        AuditEvent event = QuarkusTransaction.requiringNew().call(() ->
                AuditEvent.<AuditEvent>find("action = 'credential.rewrap' order by id desc").firstResult());
        assertEquals(admin.username, event.actor);
        assertTrue(event.details.replace(" ", "").contains("\"rewrapped\":0"), event.details);
    }

    @Test
    void newKeysAreSealedUnderTheActiveMasterKey() {
        new FakeProbe().install();
        Team team = fixtures.team("rotnew");
        User admin = fixtures.admin("rnadm");
        long id = Keys.add(admin, team.slug, "fresh", "pro-key-fresh-under-next", List.of("Tasks"));
        Credential row = QuarkusTransaction.requiringNew().call(() -> Credential.findById(id));
        assertEquals("next", row.masterKeyId);
    }

    private String open(long id) {
        Credential credential = QuarkusTransaction.requiringNew().call(() -> Credential.findById(id));
        return service.withSecret(credential, Secret::reveal);
    }

    private static long sealUnderOldKey(Team team, User admin, String label, String key, MasterKeys keys) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Credential c = new Credential();
            c.id = Credential.nextId();
            c.team = Team.findById(team.id);
            c.createdAt = Instant.now();
            c.label = label;
            c.setScopes(EnumSet.of(Scope.PUBLISH_APP));
            c.expiresAt = Instant.now().plus(100, ChronoUnit.DAYS);
            c.last4 = key.substring(key.length() - 4);
            c.createdBy = admin.username;
            c.seal(Sealer.seal(key.getBytes(StandardCharsets.UTF_8), Binding.current(c), keys));
            c.persist();
            return c.id;
        });
    }
}
