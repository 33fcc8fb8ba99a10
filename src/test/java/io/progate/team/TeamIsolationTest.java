package io.progate.team;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.progate.account.User;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Sessions;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TeamIsolationTest {

    @Inject
    Fixtures fixtures;

    @Test
    void memberOfOneTeamGets404OnEveryUrlOfAnother() {
        Team a = fixtures.team("iso-a");
        Team b = fixtures.team("iso-b");
        User alice = fixtures.user("alice");
        fixtures.member(a, alice, TeamRole.APPROVER);

        given().auth().preemptive().basic(alice.username, Fixtures.PASSWORD)
                .when().get("/api/v1/teams/" + b.slug).then().statusCode(404).body("error", containsString("nothing"));
        given().auth().preemptive().basic(alice.username, Fixtures.PASSWORD)
                .when().get("/api/v1/teams/" + a.slug).then().statusCode(200);
        given().auth().preemptive().basic(alice.username, Fixtures.PASSWORD)
                .when().get("/api/v1/teams").then().statusCode(200)
                .body("slug", hasItem(a.slug)).body("slug", not(hasItem(b.slug)));

        Sessions.Session session = Sessions.signIn(alice.username, Fixtures.PASSWORD);
        session.get("/teams/" + b.slug).then().statusCode(404).body(not(containsString(b.name)));
        session.get("/teams/" + a.slug).then().statusCode(200).body(containsString(alice.username));
        session.get("/").then().body(containsString(a.slug)).body(not(containsString(b.slug)));
    }

    @Test
    void unknownTeamAndForeignTeamLookAlike() {
        Team b = fixtures.team("iso-c");
        User bob = fixtures.user("bob");
        String foreign = given().auth().preemptive().basic(bob.username, Fixtures.PASSWORD)
                .when().get("/api/v1/teams/" + b.slug).then().statusCode(404).extract().asString();
        String unknown = given().auth().preemptive().basic(bob.username, Fixtures.PASSWORD)
                .when().get("/api/v1/teams/no-such-team-here").then().statusCode(404).extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(unknown, foreign);
    }

    @Test
    void adminSeesEveryTeam() {
        Team c = fixtures.team("iso-d");
        User admin = fixtures.admin("root");
        given().auth().preemptive().basic(admin.username, Fixtures.PASSWORD)
                .when().get("/api/v1/teams/" + c.slug).then().statusCode(200);
    }
}
