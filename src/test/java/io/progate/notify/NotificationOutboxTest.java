package io.progate.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.credential.ExpiryWatch;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Requests;
import io.progate.fixtures.SandboxTeams;
import io.progate.fixtures.Sessions;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What goes into the outbox, and for whom: a message per recipient in the transaction of the change,
 * none for a refused or invalid action, outcomes to the author only, the daily digest once a day to
 * the approvers, key warnings to approvers who asked for them.
 */
@QuarkusTest
class NotificationOutboxTest {

    @Inject
    Fixtures fixtures;

    @Inject
    SandboxTeams sandbox;

    @Inject
    DigestJob digest;

    @Inject
    ExpiryWatch expiry;

    @Inject
    PreferenceService preferences;

    Team team;
    User author;
    User approver;
    User quietApprover;

    @BeforeEach
    void setUp() {
        team = sandbox.team("outbox");
        author = fixtures.user("oauthor");
        approver = fixtures.user("oappr");
        quietApprover = fixtures.user("oquiet");
        fixtures.member(team, author, TeamRole.MEMBER);
        fixtures.member(team, approver, TeamRole.APPROVER);
        fixtures.member(team, quietApprover, TeamRole.APPROVER);
        preferences.save(quietApprover, List.of());
    }

    private List<Delivery> deliveries() {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>list("teamId = ?1 order by id", team.id));
    }

    private List<Delivery> deliveries(NotificationKind kind) {
        return deliveries().stream().filter(d -> d.kind == kind).toList();
    }

    @Test
    void filingQueuesOneMessagePerApproverWhoWantsItAndNoneForTheAuthor() {
        long id = Requests.published(author, team, Fixtures.unique("app"));
        List<Delivery> asked = deliveries(NotificationKind.DECISION_NEEDED);
        assertEquals(1, asked.size(), "the quiet approver turned decisions off; the author decides nothing");
        Delivery d = asked.get(0);
        assertEquals(approver.id, d.userId);
        assertEquals(approver.email, d.address);
        assertEquals(id, d.requestId);
        assertTrue(d.message.startsWith(author.displayName + " asks to publish "), d.message);
        assertTrue(d.link.endsWith("/requests/" + id), d.link);
    }

    @Test
    void aPolicyChangeByTheOnlyApproverAsksTheAdminsForTheSecondDecision() {
        Team solo = sandbox.team("solo");
        User lead = fixtures.user("lead");
        User admin = fixtures.admin("second");
        fixtures.member(solo, lead, TeamRole.APPROVER);
        Requests.as(lead).contentType("application/json").body("{\"maxWaitHours\":720}")
                .put("/api/v1/teams/" + solo.slug + "/policy").then().statusCode(202);
        List<Delivery> asked = QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>list(
                "teamId = ?1 and kind = ?2", solo.id, NotificationKind.DECISION_NEEDED));
        assertTrue(asked.stream().anyMatch(d -> admin.id.equals(d.userId)), "an admin is asked");
        assertTrue(asked.stream().noneMatch(d -> lead.id.equals(d.userId)), "never the author");
        assertTrue(asked.get(0).message.contains("waits for a second person's decision"), asked.get(0).message);
    }

    @Test
    void aRefusedOrInvalidActionQueuesNothing() {
        long id = Requests.published(author, team, Fixtures.unique("app"));
        int before = deliveries().size();
        Requests.act(author, id, "approve", null).then().statusCode(403);
        Requests.act(quietApprover, id + 1_000_000, "approve", null).then().statusCode(404);
        Requests.json(author, team, "{\"type\":\"DELETE\",\"reason\":\"\"}").then().statusCode(400);
        assertEquals(before, deliveries().size(), "no message for what did not happen");
    }

    @Test
    void outcomesGoToTheAuthorOnly() {
        long id = Requests.published(author, team, Fixtures.unique("app"));
        Requests.act(approver, id, "reject", "not this week").then().statusCode(200);
        List<Delivery> outcomes = deliveries(NotificationKind.REQUEST_OUTCOME);
        assertEquals(1, outcomes.size());
        assertEquals(author.id, outcomes.get(0).userId);
        assertEquals("request.reject", outcomes.get(0).event);
        assertTrue(outcomes.get(0).message.contains("was rejected by " + approver.username), outcomes.get(0).message);
    }

    @Test
    void theDailyDigestReachesEachApproverOnceADay() {
        Requests.published(author, team, Fixtures.unique("app"));
        Instant later = Instant.now().plus(Duration.ofDays(2));
        digest.run(later);
        List<Delivery> digests = deliveries(NotificationKind.DAILY_DIGEST);
        assertEquals(1, digests.size(), "the approver only: the quiet one turned it off, the author decides nothing");
        assertEquals(approver.id, digests.get(0).userId);
        assertTrue(digests.get(0).message.startsWith("1 request(s) of team " + team.name), digests.get(0).message);
        assertTrue(digests.get(0).link.endsWith("/approvals"));
        digest.run(later.plus(Duration.ofHours(1)));
        assertEquals(1, deliveries(NotificationKind.DAILY_DIGEST).size(), "once a day");
    }

    @Test
    void keyWarningsReachTheApproversWhoAskedForThem() {
        preferences.save(approver, List.of("KEY_EXPIRY"));
        expiry.check(Instant.now().plus(Duration.ofDays(85)));
        List<Delivery> warnings = deliveries(NotificationKind.KEY_EXPIRY);
        assertEquals(1, warnings.size(), "key warnings are off by default; the approver turned them on");
        assertEquals(approver.id, warnings.get(0).userId);
        assertTrue(warnings.get(0).message.contains("expires in 7 day(s)"), warnings.get(0).message);
        assertTrue(warnings.get(0).link.endsWith("/teams/" + team.slug + "/credentials"));
    }

    @Test
    void theWebhookFormRefusesBadInputAndPostsWithoutTheCsrfToken() {
        Sessions.Session session = Sessions.signIn(approver.username, Fixtures.PASSWORD);
        String page = session.postForm("/teams/" + team.slug + "/webhooks", "name", "ops", "url", "ftp://example.com/x",
                "format", "JSON").then().statusCode(400).extract().asString();
        assertTrue(page.contains("an http(s) URL") && page.contains("choose at least one kind"), page);
        session.request().formParam("name", "ops").formParam("url", "https://hooks.example.com/x")
                .formParam("format", "JSON").formParam("kind", "DECISION_NEEDED")
                .post("/teams/" + team.slug + "/webhooks").then().statusCode(400);
        session.request().post("/me/notifications").then().statusCode(400);
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> TeamWebhook.ofTeam(team.id).size()));
    }
}
