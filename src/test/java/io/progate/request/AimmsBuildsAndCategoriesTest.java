package io.progate.request;

import static io.progate.fixtures.Requests.publish;
import static io.progate.fixtures.Requests.publishJson;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.progate.account.User;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Requests;
import io.progate.fixtures.SandboxAccounts;
import io.progate.fixtures.SandboxTeams;
import io.progate.fixtures.Zips;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Official AIMMS versions by default, development builds only when asked for (and recorded); category
 * names match PRO's whatever their case, everywhere, and are stored as PRO spells them.
 */
@QuarkusTest
class AimmsBuildsAndCategoriesTest {

    @Inject
    Fixtures fixtures;

    @Inject
    SandboxTeams sandboxTeams;

    private Team team;
    private User owner;

    @BeforeEach
    void team() {
        team = sandboxTeams.team("builds");
        owner = fixtures.user("builds-owner");
        fixtures.member(team, owner, TeamRole.MEMBER);
    }

    private String withVersion(String name, String aimms, String extra) {
        return publishJson(name, "1.0", extra).replace(SandboxAccounts.OFFICIAL_VERSION, aimms);
    }

    private long count() {
        return QuarkusTransaction.requiringNew().call(() -> ReleaseRequest.count("team.id", team.id));
    }

    @Test
    void theFormOffersOfficialVersionsUnlessDevelopmentBuildsAreAskedFor() {
        String form = "/teams/" + team.slug + "/requests/new?type=PUBLISH";
        Requests.as(owner).get(form).then().statusCode(200)
                .body(containsString(SandboxAccounts.OFFICIAL_VERSION))
                .body(not(containsString(SandboxAccounts.DEV_VERSION)))
                .body(containsString("id=\"show-dev-builds\""))
                .body(containsString("name=\"devBuilds\" value=\"false\""));
        Requests.as(owner).get(form + "&dev=true").then().statusCode(200)
                .body(containsString(SandboxAccounts.DEV_VERSION))
                .body(containsString("name=\"devBuilds\" value=\"true\""));
    }

    @Test
    void aDevelopmentBuildIsRefusedUnlessAskedForAndTheRequestRecordsWhich() {
        long before = count();
        publish(owner, team, withVersion(Fixtures.unique("Dev"), SandboxAccounts.DEV_VERSION, ""), Zips.project(true))
                .then().statusCode(400).body("details.field", hasItem("metadata.aimmsVersionId"))
                .body("details.message", hasItem(containsString("development build")));
        assertEquals(before, count());

        String dev = withVersion(Fixtures.unique("Dev"), SandboxAccounts.DEV_VERSION, "").replace("\"type\":\"PUBLISH\"",
                "\"type\":\"PUBLISH\",\"devBuilds\":true");
        long id = publish(owner, team, dev, Zips.project(true)).then().statusCode(201)
                .body("aimmsBuild", equalTo("DEVELOPMENT")).extract().jsonPath().getLong("id");
        Requests.as(owner).get("/requests/" + id).then().statusCode(200)
                .body(containsString("The AIMMS version is a development build"));
        publish(owner, team, publishJson(Fixtures.unique("Official"), "1.0", ""), Zips.project(true)).then()
                .statusCode(201).body("aimmsBuild", equalTo("OFFICIAL"));
        publish(owner, team, withVersion(Fixtures.unique("None"), "9.9.9.9-nowhere", ""), Zips.project(true))
                .then().statusCode(400).body("details.message", hasItem("not an AIMMS version of the team's PRO account"));
    }

    @Test
    void categoriesMatchWhateverTheirCaseAndAreStoredAsPROSpellsThem() {
        publish(owner, team, publishJson(Fixtures.unique("Cat"), "1.0", ",\"projectCategory\":\"planning\""),
                Zips.project(true)).then().statusCode(201).body("payload.projectCategory", equalTo("Planning"));
        Requests.json(owner, team, "{\"type\":\"UPDATE\",\"reason\":\"r\",\"appName\":\"Any\",\"appVersion\":\"1.0\","
                + "\"changes\":{\"projectCategory\":\"SCHEDULING\"}}").then().statusCode(201)
                .body("payload.projectCategory", equalTo("Scheduling"));
        Requests.json(owner, team, "{\"type\":\"UPDATE\",\"reason\":\"r\",\"appName\":\"Any\",\"appVersion\":\"1.0\","
                + "\"changes\":{\"projectCategory\":\"Nowhere\"}}").then().statusCode(400)
                .body("details.field", hasItem("changes.projectCategory"));
    }
}
