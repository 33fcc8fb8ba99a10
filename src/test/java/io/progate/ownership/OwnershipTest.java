package io.progate.ownership;

import static io.progate.fixtures.Requests.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.audit.AuditEvent;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Requests;
import io.progate.fixtures.SandboxTeams;
import io.progate.fixtures.Sessions;
import io.progate.fixtures.Zips;
import io.progate.packages.RequestPackage;
import io.progate.request.ReleaseRequest;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * App ownership through the API and the pages: a team's first publish claims a new name; another
 * team's requests for it are refused and store nothing; admins assign, transfer and release names.
 */
@QuarkusTest
@TestProfile(ClaimOnPublishProfile.class)
class OwnershipTest {

    @Inject
    Fixtures fixtures;

    @Inject
    SandboxTeams sandboxTeams;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Inject
    io.progate.sandbox.SandboxApps sandboxApps;

    Team teamA;
    Team teamB;
    User ownerA;
    User ownerB;
    User approverB;
    User admin;

    @BeforeEach
    void setUp() {
        teamA = sandboxTeams.team("own-a");
        teamB = sandboxTeams.team("own-b");
        ownerA = fixtures.user("own-a");
        ownerB = fixtures.user("own-b");
        approverB = fixtures.user("own-b-appr");
        admin = fixtures.admin("own-admin");
        fixtures.member(teamA, ownerA, TeamRole.MEMBER);
        fixtures.member(teamB, ownerB, TeamRole.MEMBER);
        fixtures.member(teamB, approverB, TeamRole.APPROVER);
    }

    private static long requestsOf(Team team) {
        return QuarkusTransaction.requiringNew().call(() -> ReleaseRequest.count("team.id", team.id));
    }

    private static long packages() {
        return QuarkusTransaction.requiringNew().call(() -> RequestPackage.count());
    }

    private static List<String> namesOf(User user, Team team) {
        return as(user).get("/api/v1/teams/" + team.slug + "/app-owners").then().statusCode(200)
                .extract().jsonPath().getList("names.name");
    }

    private static Response update(User user, Team team, String app) {
        return Requests.json(user, team, "{\"type\":\"UPDATE\",\"reason\":\"typo\",\"appName\":\"" + app
                + "\",\"appVersion\":\"1.0\",\"changes\":{\"description\":\"fixed\"}}");
    }

    private Response assign(String name, Team team) {
        return as(admin).contentType("application/json").body("{\"name\":\"" + name + "\",\"team\":\"" + team.slug + "\"}")
                .post("/api/v1/admin/app-owners");
    }

    private static String lastAudit(String action, String target) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find(
                "action = ?1 and targetId = ?2 order by id desc", action, target).firstResultOptional()
                .map(e -> e.outcome + " " + e.details.replace(" ", "")).orElse("none"));
    }

    @Test
    void aTeamsFirstPublishClaimsTheNameAndAnotherTeamIsRefusedOnTheApiWithNothingStored() {
        String name = Fixtures.unique("Owned");
        Requests.published(ownerA, teamA, name);
        assertTrue(namesOf(ownerA, teamA).contains(name), namesOf(ownerA, teamA).toString());
        assertTrue(lastAudit("ownership.claim", name).contains("\"by\":\"publish\""), lastAudit("ownership.claim", name));

        long before = requestsOf(teamB);
        long packagesBefore = packages();
        Requests.publish(ownerB, teamB, Requests.publishJson(name, "2.0", ""), Zips.project(true)).then().statusCode(400)
                .body("details.field", hasItem("metadata.name"))
                .body("details.message", hasItem(containsString(name + " belongs to another team")));
        update(ownerB, teamB, name).then().statusCode(400).body("details.field", hasItem("appName"));
        Requests.json(ownerB, teamB, "{\"type\":\"DELETE\",\"reason\":\"x\",\"appName\":\"" + name.toLowerCase()
                + "\",\"appVersion\":\"1.0\"}").then().statusCode(400)
                .body("details.message", hasItem(containsString("belongs to another team")));
        assertEquals(before, requestsOf(teamB));
        assertEquals(packagesBefore, packages());
        assertTrue(namesOf(ownerB, teamB).isEmpty());

        update(ownerA, teamA, name).then().statusCode(201);
    }

    @Test
    void theBrowserFormIsRefusedWithTheMessageNextToTheNameAndNothingStored() {
        String name = Fixtures.unique("Formed");
        Requests.published(ownerA, teamA, name);
        long before = requestsOf(teamB);
        long packagesBefore = packages();
        Sessions.Session session = Sessions.signIn(ownerB.username, Fixtures.PASSWORD);
        String token = session.csrfToken();
        session.request().multiPart("progate-csrf", token).multiPart("reason", "mine now")
                .multiPart("metadata.name", name).multiPart("metadata.projectVersion", "9.0")
                .multiPart("metadata.aimmsVersionId", SandboxTeams.AIMMS).multiPart("isWebUI", "true")
                .multiPart("metadata.publishBehavior", "0")
                .multiPart("file", "page.aimmspack", Zips.project(true), "application/octet-stream")
                .when().post("/teams/" + teamB.slug + "/requests/publish").then().statusCode(400)
                .body(containsString("field-error"))
                .body(containsString(name + " belongs to another team"));
        session.postForm("/teams/" + teamB.slug + "/requests/delete", "reason", "gone", "appName", name,
                "appVersion", "1.0").then().statusCode(400).body(containsString("belongs to another team"));
        assertEquals(before, requestsOf(teamB));
        assertEquals(packagesBefore, packages());
    }

    @Test
    void twoTeamsPublishingTheSameNewNameAtOnceEndWithOneOwnerAndOneClearRefusal() throws Exception {
        String name = Fixtures.unique("Raced");
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<Response> a = CompletableFuture.supplyAsync(() -> {
            await(start);
            return Requests.publish(ownerA, teamA, Requests.publishJson(name, "1.0", ""), Zips.project(true));
        });
        CompletableFuture<Response> b = CompletableFuture.supplyAsync(() -> {
            await(start);
            return Requests.publish(ownerB, teamB, Requests.publishJson(name, "1.0", ""), Zips.project(true));
        });
        List<Integer> statuses = List.of(a.get().statusCode(), b.get().statusCode());
        assertTrue(statuses.contains(201) && statuses.contains(400), statuses.toString());
        Response refused = a.get().statusCode() == 400 ? a.get() : b.get();
        refused.then().body("details.message", hasItem(containsString("belongs to another team")));
        Team winner = a.get().statusCode() == 201 ? teamA : teamB;
        Team loser = winner == teamA ? teamB : teamA;
        assertEquals(1, requestsOf(winner));
        assertEquals(0, requestsOf(loser));
    }

    /**
     * Two transactions claim overlapping names of two teams at once, straight in the database: the
     * second waits on the trigger's lock until the first commits, then is refused with 23P01; had
     * the first rolled back, the second would have gone through.
     */
    @Test
    void theDatabaseOrdersRacingClaimsAndRefusesTheOverlappingOne() throws Exception {
        String stem = Fixtures.unique("Race");
        try (java.sql.Connection first = dataSource.getConnection(); java.sql.Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            insertClaim(first, teamA, stem, true);
            CompletableFuture<String> racing = CompletableFuture.supplyAsync(() -> {
                try {
                    insertClaim(second, teamB, stem + "-One", false);
                    second.commit();
                    return "inserted";
                } catch (java.sql.SQLException e) {
                    return e.getSQLState() + " " + e.getMessage();
                }
            });
            Thread.sleep(500);
            assertTrue(!racing.isDone(), "the second claim must wait for the first: " + (racing.isDone() ? racing.get() : ""));
            first.commit();
            String outcome = racing.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(outcome.startsWith("23P01") && outcome.contains("overlaps " + stem + "*"), outcome);
            second.rollback();

            String other = Fixtures.unique("Rolled");
            insertClaim(first, teamA, other, false);
            CompletableFuture<String> after = CompletableFuture.supplyAsync(() -> {
                try {
                    insertClaim(second, teamB, other.toUpperCase(), false);
                    second.commit();
                    return "inserted";
                } catch (java.sql.SQLException e) {
                    return e.getSQLState();
                }
            });
            Thread.sleep(300);
            assertTrue(!after.isDone(), "the second claim must wait for the first");
            first.rollback();
            assertEquals("inserted", after.get(10, java.util.concurrent.TimeUnit.SECONDS));
        }
        assertEquals(1, namesOf(ownerB, teamB).size());
    }

    private static void insertClaim(java.sql.Connection c, Team team, String pattern, boolean prefix)
            throws java.sql.SQLException {
        try (var insert = c.prepareStatement(
                "insert into app_claim (team_id, pattern, prefix, claimed_by) values (?, ?, ?, 'test')")) {
            insert.setLong(1, team.id);
            insert.setString(2, pattern);
            insert.setBoolean(3, prefix);
            insert.executeUpdate();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void overlappingNamesOfTwoTeamsAreRefusedWithAClearConflict() {
        String stem = Fixtures.unique("Plan");
        assign(stem + "-*", teamA).then().statusCode(201).body("name", equalTo(stem + "-*")).body("prefix", equalTo(true));
        // exact inside another team's prefix
        assign(stem + "-Weekly", teamB).then().statusCode(409).body("error", containsString("overlaps " + stem + "-*"));
        // prefix that contains another team's prefix, and one inside it
        assign(stem + "*", teamB).then().statusCode(409);
        assign(stem + "-Week*", teamB).then().statusCode(409);
        // exact against exact, whatever the case
        String exact = Fixtures.unique("Exact");
        assign(exact, teamA).then().statusCode(201);
        assign(exact.toUpperCase(), teamB).then().statusCode(409);
        // a prefix that covers another team's exact name
        assign(exact.substring(0, 4) + "*", teamB).then().statusCode(409);
        // the same team may hold names inside its own prefix; a neighbouring name is free
        assign(stem + "-Daily", teamA).then().statusCode(201);
        assign(stem + "Other", teamB).then().statusCode(201);
        assertTrue(lastAudit("ownership.assign", stem + "-Weekly").startsWith("FAILURE"),
                lastAudit("ownership.assign", stem + "-Weekly"));
        List<String> names = namesOf(ownerB, teamB);
        assertEquals(List.of(stem + "Other"), names);
        update(ownerB, teamB, stem + "-Monthly").then().statusCode(400);
    }

    @Test
    void anAdminTransfersANameAndTheTeamsSwapWhoMayFile() {
        String name = Fixtures.unique("Moved");
        long id = assign(name, teamA).then().statusCode(201).extract().jsonPath().getLong("id");
        update(ownerA, teamA, name).then().statusCode(201);
        update(ownerB, teamB, name).then().statusCode(400);

        as(admin).contentType("application/json").body("{\"team\":\"" + teamB.slug + "\"}")
                .put("/api/v1/admin/app-owners/" + id).then().statusCode(200).body("team", equalTo(teamB.slug));
        update(ownerA, teamA, name).then().statusCode(400);
        update(ownerB, teamB, name).then().statusCode(201);
        String audit = lastAudit("ownership.transfer", name);
        assertTrue(audit.startsWith("SUCCESS") && audit.contains("\"from\":\"" + teamA.slug + "\""), audit);

        as(admin).delete("/api/v1/admin/app-owners/" + id).then().statusCode(204);
        update(ownerA, teamA, name).then().statusCode(201);
        assertTrue(lastAudit("ownership.release", name).startsWith("SUCCESS"));
    }

    @Test
    void onlyAdminsManageOwnersAndTheAdminPageDoesItByForm() {
        as(ownerA).get("/api/v1/admin/app-owners").then().statusCode(403);
        as(ownerA).contentType("application/json").body("{\"name\":\"X\",\"team\":\"" + teamA.slug + "\"}")
                .post("/api/v1/admin/app-owners").then().statusCode(403);
        String name = Fixtures.unique("Paged");
        Sessions.Session admins = Sessions.signIn(admin.username, Fixtures.PASSWORD);
        admins.postForm("/admin/app-owners", "name", name + "*", "team", teamA.slug).then().statusCode(303);
        admins.get("/admin/app-owners").then().statusCode(200).body(containsString(name + "*"));
        admins.postForm("/admin/app-owners", "name", name + "-x", "team", teamB.slug).then().statusCode(400)
                .body(containsString("overlaps " + name + "*"));
        admins.postForm("/admin/app-owners", "name", "bad/name", "team", teamB.slug).then().statusCode(400)
                .body(containsString("a prefix ending in *"));
    }

    @Test
    void theAppsPageMarksOwnedAppsShowsOthersReadOnlyOrHidesThem() {
        String mine = Fixtures.unique("MineApp");
        String theirs = Fixtures.unique("TheirApp");
        String nobodys = Fixtures.unique("FreeApp");
        for (String app : List.of(mine, theirs, nobodys)) {
            sandboxPublish(app);
        }
        assign(mine, teamB).then().statusCode(201);
        assign(theirs, teamA).then().statusCode(201);
        Sessions.Session approvers = Sessions.signIn(approverB.username, Fixtures.PASSWORD);
        String page = approvers.get("/teams/" + teamB.slug + "/apps").then().statusCode(200).extract().asString();
        String mineRow = row(page, mine);
        String theirRow = row(page, theirs);
        assertTrue(mineRow.contains("this team") && mineRow.contains("Update"), mineRow);
        assertTrue(theirRow.contains("another team") && theirRow.contains("read-only") && !theirRow.contains("Update"),
                theirRow);
        assertTrue(row(page, nobodys).contains("nobody") && row(page, nobodys).contains("Update"), row(page, nobodys));

        approvers.postForm("/teams/" + teamB.slug + "/apps/view", "hideOtherApps", "true").then().statusCode(303);
        approvers.get("/teams/" + teamB.slug + "/apps").then().statusCode(200).body(containsString(mine))
                .body(not(containsString(theirs)));
        as(ownerB).contentType("application/json").body("{\"hideOtherApps\":false}")
                .put("/api/v1/teams/" + teamB.slug + "/app-owners/view").then().statusCode(403);
        as(approverB).contentType("application/json").body("{\"hideOtherApps\":false}")
                .put("/api/v1/teams/" + teamB.slug + "/app-owners/view").then().statusCode(200)
                .body("hideOtherApps", equalTo(false));
        approvers.get("/teams/" + teamB.slug + "/apps").then().statusCode(200).body(containsString(theirs));
    }

    private void sandboxPublish(String name) {
        try {
            java.nio.file.Path file = io.progate.fixtures.SandboxAccounts.pack("app " + name);
            sandboxApps.publish(new io.progate.sandbox.SandboxApps.Upload("{\"name\":\"" + name
                    + "\",\"projectVersion\":\"1.0\",\"aimmsVersionId\":\"" + SandboxTeams.AIMMS + "\"}", file,
                    "app.aimmspack", null));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String row(String page, String app) {
        int at = page.indexOf("<td>" + app + "</td>");
        assertTrue(at >= 0, "no row for " + app);
        return page.substring(at, page.indexOf("</tr>", at));
    }
}
