package io.progate.team;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.fixtures.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TeamApiTest {

    @Inject
    Fixtures fixtures;

    private RequestSpecification as(User user) {
        return given().auth().preemptive().basic(user.username, Fixtures.PASSWORD).contentType("application/json");
    }

    @Test
    void adminCreatesChangesAndDeletesATeamWithMembers() {
        User admin = fixtures.admin("teamadmin");
        User member = fixtures.user("teammember");
        String slug = Fixtures.unique("acme");
        as(admin).body(Map.of("slug", slug, "name", "Acme", "proUrl", "https://acme.aimms.cloud/"))
                .when().post("/api/v1/teams")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/teams/" + slug))
                .body("proUrl", equalTo("https://acme.aimms.cloud"));

        as(admin).body(Map.of("role", "approver")).when().put("/api/v1/teams/" + slug + "/members/" + member.username)
                .then().statusCode(200).body("role", equalTo("APPROVER"));
        as(member).when().get("/api/v1/teams/" + slug)
                .then().statusCode(200).body("members.username", contains(member.username));

        as(admin).body(Map.of("name", "Acme Corp")).when().patch("/api/v1/teams/" + slug)
                .then().statusCode(200).body("name", equalTo("Acme Corp")).body("proUrl", equalTo("https://acme.aimms.cloud"));

        as(admin).when().delete("/api/v1/teams/" + slug + "/members/" + member.username).then().statusCode(204);
        as(member).when().get("/api/v1/teams/" + slug).then().statusCode(404);

        as(admin).when().delete("/api/v1/teams/" + slug).then().statusCode(204);
        as(admin).when().get("/api/v1/teams/" + slug).then().statusCode(404);
    }

    @Test
    void invalidTeamIsRefusedWithEveryFieldAndNothingStored() {
        User admin = fixtures.admin("teamval");
        as(admin).body(Map.of("slug", "Not A Slug", "name", "", "proUrl", "ftp://x?y=1"))
                .when().post("/api/v1/teams")
                .then().statusCode(400)
                .body("error", equalTo("invalid input"))
                .body("details.field", hasItems("slug", "name", "proUrl"));
        as(admin).when().get("/api/v1/teams").then().body("slug", org.hamcrest.Matchers.not(hasItem("not a slug")));
    }

    @Test
    void duplicateSlugIs409() {
        User admin = fixtures.admin("teamdup");
        Team team = fixtures.team("dup");
        as(admin).body(Map.of("slug", team.slug, "name", "Again", "proUrl", "https://x.aimms.cloud"))
                .when().post("/api/v1/teams").then().statusCode(409);
    }

    @Test
    void badRoleIs400AndUnknownUserIs404() {
        User admin = fixtures.admin("teamrole");
        Team team = fixtures.team("role");
        User user = fixtures.user("roleuser");
        as(admin).body(Map.of("role", "OWNER")).when().put("/api/v1/teams/" + team.slug + "/members/" + user.username)
                .then().statusCode(400).body("details.field", hasItem("role"));
        as(admin).body(Map.of("role", "MEMBER")).when().put("/api/v1/teams/" + team.slug + "/members/nobody-at-all")
                .then().statusCode(404);
    }

    @Test
    void nonAdminCannotChangeTeams() {
        Team team = fixtures.team("noadmin");
        User approver = fixtures.user("approver");
        fixtures.member(team, approver, TeamRole.APPROVER);
        as(approver).body(Map.of("name", "Mine now")).when().patch("/api/v1/teams/" + team.slug).then().statusCode(403);
        as(approver).body(Map.of("slug", Fixtures.unique("x"), "name", "X", "proUrl", "https://x.aimms.cloud"))
                .when().post("/api/v1/teams").then().statusCode(403);
        as(approver).when().delete("/api/v1/teams/" + team.slug).then().statusCode(403);
    }

    @Test
    void adminCreatesUsersThroughTheApi() {
        User admin = fixtures.admin("useradmin");
        String name = Fixtures.unique("newbie");
        as(admin).body(Map.of("username", name, "displayName", "New Bie", "email", name + "@example.com", "password", "long-enough-pw"))
                .when().post("/api/v1/users").then().statusCode(201).body("username", equalTo(name))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("passwordHash")));
        given().auth().preemptive().basic(name, "long-enough-pw").when().get("/api/v1/me").then().statusCode(200);
        as(admin).body(Map.of("username", name, "displayName", "Again", "email", name + "@example.com", "password", "long-enough-pw"))
                .when().post("/api/v1/users").then().statusCode(409);
        // the list pages by user name: follow its links to the page that holds the new user
        String next = "/api/v1/users?limit=500";
        boolean found = false;
        while (next != null && !found) {
            io.restassured.response.Response page = as(admin).when().get(next).then().statusCode(200).extract().response();
            String listed = page.asString();
            assertTrue(!listed.contains("$2a$") && !listed.contains("long-enough-pw"), "no password material listed");
            found = page.jsonPath().getList("username").contains(name);
            String link = page.header("Link");
            next = link == null ? null : link.substring(1, link.indexOf('>'));
        }
        assertTrue(found, name + " is listed");
    }

    @Test
    void malformedJsonIs400() {
        User admin = fixtures.admin("teamjson");
        as(admin).body("{not json").when().post("/api/v1/teams").then().statusCode(400).body("error", org.hamcrest.Matchers.notNullValue());
        as(admin).when().get("/api/v1/users").then().body("$", org.hamcrest.Matchers.not(hasSize(0)));
    }
}
