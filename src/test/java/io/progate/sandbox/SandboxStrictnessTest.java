package io.progate.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.progate.fixtures.Fixtures;
import io.progate.fixtures.SandboxAccounts;
import io.progate.sandbox.store.SandboxMode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox reads request bodies as a picky PRO would (unknown fields and values of another type
 * are refused, naming the field) and, in its modes, behaves like a PRO that does only what AIMMS
 * documents. Spoken to over raw HTTP, so that nothing of ProGate's client is involved.
 */
@QuarkusTest
class SandboxStrictnessTest {

    private static final String API = "/sandbox/pro-api/v2";
    private static final String UM = "/sandbox/pro/user-manager/v1";

    @Inject
    SandboxModes modes;

    @Inject
    SandboxFaults faults;

    @Inject
    SandboxApps apps;

    @Inject
    SandboxDirectory directory;

    @AfterEach
    void reset() {
        modes.clear();
        faults.clear();
    }

    private static RequestSpecification pro() {
        return given().header("apikey", SandboxAccounts.DEMO_KEY);
    }

    private static String publish(String metadata) {
        return pro().multiPart("metadata", metadata)
                .multiPart("file", "x.aimmspack", "PACK".getBytes(StandardCharsets.UTF_8), "application/octet-stream")
                .when().post(API + "/applications").then().extract().asString();
    }

    private static String published(String name) {
        String metadata = "{\"name\":\"" + name + "\",\"projectVersion\":\"1.0\",\"aimmsVersionId\":\""
                + SandboxAccounts.OFFICIAL_VERSION + "\",\"attributes\":{\"isWebUI\":\"true\",\"region\":\"EU\"}}";
        pro().multiPart("metadata", metadata)
                .multiPart("file", "x.aimmspack", "PACK".getBytes(StandardCharsets.UTF_8), "application/octet-stream")
                .when().post(API + "/applications").then().statusCode(200);
        return name;
    }

    @Test
    void publishMetadataWithAMisspeltFieldIsRefusedAndNamesIt() {
        String name = Fixtures.unique("Misspelt");
        String answer = publish("{\"name\":\"" + name + "\",\"projectVerison\":\"1.0\",\"aimmsVersionId\":\""
                + SandboxAccounts.OFFICIAL_VERSION + "\"}");
        assertEquals("{\"message\":\"metadata: unknown field 'projectVerison'\"}", answer);
        assertEquals(0, apps.list().stream().filter(a -> a.name().equals(name)).count());
    }

    @Test
    void theOlderNameProjectVersionIdIsAccepted() {
        String name = Fixtures.unique("OldName");
        publish("{\"name\":\"" + name + "\",\"projectVersionId\":\"1.0\",\"aimmsVersionId\":\""
                + SandboxAccounts.OFFICIAL_VERSION + "\"}");
        pro().when().get(API + "/applications/" + name + "/1.0").then().statusCode(200)
                .body("projectVersion", equalTo("1.0"));
    }

    @Test
    void updateBodiesAreReadStrictly() {
        String name = published(Fixtures.unique("Strict"));
        String path = API + "/applications/" + name + "/1.0";
        pro().contentType("application/json").body("{\"latest\":true}").when().patch(path)
                .then().statusCode(400).body("message", equalTo("the update body: unknown field 'latest'"));
        pro().contentType("application/json")
                .body("{\"authorizations\":[{\"authorization\":4,\"deny\":false,\"entity\":\"16777095\"}]}")
                .when().patch(path).then().statusCode(400).body("message", containsString("'authorizations[0].entity'"));
        pro().contentType("application/json").body("{\"authorizations\":[{\"authorization\":4,\"entity\":16777095}]}")
                .when().patch(path).then().statusCode(400).body("message", containsString("authorization, deny and entity"));
        pro().contentType("application/json").body("{\"attributes\":{\"iconUrl\":\"https://x/logo.png\"}}")
                .when().patch(path).then().statusCode(400).body("message", containsString("/icons/"));
        assertEquals(Map.of("isWebUI", "true", "region", "EU"), apps.attributesOf(name, "1.0"), "refusals change nothing");
        pro().contentType("application/json").body("{\"attributes\":{\"iconUrl\":\"/icons/my_logo\"}}")
                .when().patch(path).then().statusCode(200).body("attributes.iconUrl", equalTo("/icons/my_logo"));
        assertEquals(Map.of("iconUrl", "/icons/my_logo"), apps.attributesOf(name, "1.0"),
                "by default the sent map replaces the old one (decided)");
    }

    @Test
    void otherBodiesAreReadStrictlyToo() {
        pro().contentType("application/json").body("{\"name\":\"x\"}").when().post(API + "/applications/categories")
                .then().statusCode(400).body("message", equalTo("the category body: unknown field 'name'"));
        pro().urlEncodingEnabled(false).contentType("application/json").body("{\"name\":\"k\",\"expires\":\"2030-01-01\",\"scopes\":[\"Tasks\"]}")
                .when().post(UM + "/user/@current/api-key")
                .then().statusCode(400).body("message", equalTo("the API key body: unknown field 'expires'"));
        pro().contentType("application/json").body("{\"status\":\"interrupt-solve\"}").when().put(API + "/tasks/none")
                .then().statusCode(400).body("message", equalTo("the status body: unknown field 'status'"));
        pro().when().get(UM + "/environment?sort=name").then().statusCode(400)
                .body("message", containsString("unknown query parameter sort"));
    }

    @Test
    void categoryNamesMatchWhateverTheirCaseAndKeepPROsSpelling() {
        String name = Fixtures.unique("Case");
        publish("{\"name\":\"" + name + "\",\"projectVersion\":\"1.0\",\"aimmsVersionId\":\""
                + SandboxAccounts.OFFICIAL_VERSION + "\",\"projectCategory\":\"planning\"}");
        pro().when().get(API + "/applications/" + name + "/1.0").then().statusCode(200)
                .body("projectCategory", equalTo("Planning"));
        pro().contentType("application/json").body("{\"value\":\"PLANNING\"}").when().post(API + "/applications/categories")
                .then().statusCode(409);
    }

    @Test
    void onlyDocumentedPathsModeAnswers404ToTheDecidedOnes() {
        String name = published(Fixtures.unique("Documented"));
        modes.on(SandboxMode.ONLY_DOCUMENTED_PATHS);
        pro().when().get(API + "/applications/" + name).then().statusCode(404);
        pro().when().get(API + "/applications/categories").then().statusCode(404);
        pro().when().get(API + "/aimms-versions/" + SandboxAccounts.OFFICIAL_VERSION).then().statusCode(404);
        pro().when().get(API + "/applications/" + name + "/1.0").then().statusCode(200);
        pro().when().get(API + "/applications").then().statusCode(200);
        pro().when().get(API + "/aimms-versions").then().statusCode(200);
    }

    @Test
    void directoryModesDropIdsAndCapPages() {
        String prefix = Fixtures.unique("paged");
        directory.addUsers(prefix, 150);
        try {
            pro().when().get(UM + "/user?limit=150&user_name_contains_ci=" + prefix).then().statusCode(200)
                    .body("$", hasSize(150)).body("[0]", hasKey("id"));
            modes.on(SandboxMode.DIRECTORY_WITHOUT_IDS, SandboxMode.DIRECTORY_PAGES_OF_100);
            pro().when().get(UM + "/user?limit=150&user_name_contains_ci=" + prefix).then().statusCode(200)
                    .body("$", hasSize(100)).body("[0]", not(hasKey("id")))
                    .body("[0].user_name", equalTo(prefix + "-001"));
            pro().when().get(UM + "/user?offset=100&limit=100&user_name_contains_ci=" + prefix).then().statusCode(200)
                    .body("$", hasSize(50)).body("[49].user_name", equalTo(prefix + "-150"));
            pro().when().get(UM + "/group").then().statusCode(200).body("[0]", not(hasKey("id")))
                    .body("[0].group_name", equalTo("Planners"));
        } finally {
            directory.removeUsers(prefix);
        }
    }

    @Test
    void authorizationsInGetAndMergedAttributesAreModes() {
        String name = published(Fixtures.unique("Modes"));
        String path = API + "/applications/" + name + "/1.0";
        pro().contentType("application/json")
                .body("{\"authorizations\":[{\"authorization\":4,\"deny\":false,\"entity\":16777095}]}")
                .when().patch(path).then().statusCode(200);
        pro().when().get(path).then().body("authorizations", nullValue());
        modes.on(SandboxMode.AUTHORIZATIONS_IN_GET, SandboxMode.MERGE_ATTRIBUTES);
        pro().when().get(path).then().body("authorizations[0].entity", equalTo(16777095));
        pro().contentType("application/json").body("{\"attributes\":{\"region\":\"US\"}}").when().patch(path)
                .then().statusCode(200);
        assertEquals(Map.of("isWebUI", "true", "region", "US"), apps.attributesOf(name, "1.0"));
    }

    @Test
    void htmlFaultAnswers200WithASignInPage() {
        faults.add(SandboxFaults.Fault.html("/applications", 1).onMethod("GET"));
        String page = pro().when().get(API + "/applications").then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        assertEquals(true, page.startsWith("<!DOCTYPE html>"));
        pro().when().get(API + "/applications").then().statusCode(200).contentType(containsString("application/json"));
        assertEquals(List.of(), faults.active());
    }
}
