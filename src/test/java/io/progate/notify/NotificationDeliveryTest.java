package io.progate.notify;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.progate.account.User;
import io.progate.audit.AuditEvent;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Requests;
import io.progate.fixtures.SandboxTeams;
import io.progate.fixtures.Sessions;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Filing a request reaches the team's approvers by e-mail (a real SMTP server) and the team's webhook
 * (a local HTTP receiver) once, signed; a webhook that is down gets every message once when it comes
 * back; two workers never deliver one message twice; a delivery that cannot succeed ends dead.
 */
@QuarkusTest
@QuarkusTestResource(value = SmtpServer.class, restrictToAnnotatedClass = true)
class NotificationDeliveryTest {

    private static final Pattern LINK = Pattern.compile("https://progate\\.example\\.test(/requests/\\d+)");

    @Inject
    Fixtures fixtures;

    @Inject
    SandboxTeams sandbox;

    @Inject
    WebhookService webhooks;

    @Inject
    Outbox outbox;

    @Inject
    DeliveryWorker worker;

    Team team;
    User author;
    User approver;
    WebhookReceiver receiver;

    @BeforeEach
    void setUp() {
        team = sandbox.team("notify");
        author = fixtures.user("author");
        approver = fixtures.user("approver");
        fixtures.member(team, author, TeamRole.MEMBER);
        fixtures.member(team, approver, TeamRole.APPROVER);
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    private WebhookService.Created webhook(WebhookFormat format, NotificationKind... kinds) {
        return webhooks.create(team.slug, approver, new WebhookService.WebhookInput("releases", receiver.url(),
                format.name(), Set.of(kinds)));
    }

    @Test
    void filingARequestMailsTheApproversAWorkingDeepLinkAndPostsOnceSignedToTheTeamWebhook() throws Exception {
        WebhookService.Created hook = webhook(WebhookFormat.JSON, NotificationKind.DECISION_NEEDED);
        long id = Requests.published(author, team, Fixtures.unique("routes"));

        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(approver.email).size() == 1
                && receiver.accepted().size() == 1);
        MimeMessage mail = mailsTo(approver.email).get(0);
        String body = (String) mail.getContent();
        assertTrue(mail.getSubject().contains("needs your decision"), mail.getSubject());
        Matcher link = LINK.matcher(body);
        assertTrue(link.find(), body);
        assertEquals("/requests/" + id, link.group(1));
        Sessions.Session session = Sessions.signIn(approver.username, Fixtures.PASSWORD);
        String page = session.get(link.group(1)).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Approve"), "the link opens the request with its decision buttons");
        assertTrue(mailsTo(author.email).isEmpty(), "the author is not asked to decide their own request");

        WebhookReceiver.Post post = receiver.accepted().get(0);
        assertEquals(WebhookSignature.of(hook.secret().getBytes(StandardCharsets.UTF_8), post.body()), post.signature());
        JsonNode json = new ObjectMapper().readTree(post.body());
        assertEquals("DECISION_NEEDED", json.get("kind").asText());
        assertEquals(id, json.get("requestId").asLong());
        assertEquals("https://progate.example.test/requests/" + id, json.get("link").asText());
        Thread.sleep(2500);
        assertEquals(1, receiver.posts.size(), "posted once, never again");
    }

    @Test
    void aWebhookThatAnswers500ThreeTimesGetsTheMessageExactlyOnceWhenItComesBack() throws Exception {
        webhook(WebhookFormat.SLACK, NotificationKind.DECISION_NEEDED);
        receiver.answerFirst(500, 500, 500);
        long id = Requests.published(author, team, Fixtures.unique("down"));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() == 1);
        Thread.sleep(2500);
        assertEquals(4, receiver.posts.size(), "three failures, then one success, then nothing");
        assertEquals(1, receiver.accepted().size());
        String text = new ObjectMapper().readTree(receiver.accepted().get(0).body()).get("text").asText();
        assertTrue(text.endsWith("<https://progate.example.test/requests/" + id + "|Open in ProGate>"), text);
        Delivery d = QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>find("requestId = ?1 and channel = ?2",
                id, Channel.WEBHOOK).singleResult());
        assertEquals(DeliveryStatus.SENT, d.status);
        assertEquals(4, d.attempts);
    }

    @Test
    void twoWorkersNeverDeliverOneMessageTwice() throws Exception {
        webhook(WebhookFormat.TEAMS, NotificationKind.KEY_EXPIRY);
        int messages = 40;
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < messages; i++) {
                outbox.add(new Message(NotificationKind.KEY_EXPIRY, "test", team.id, null, "message " + i, "/"),
                        List.of());
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (String name : List.of("worker-a", "worker-b", "worker-c")) {
                runs.add(pool.submit(() -> worker.drain(name)));
            }
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.accepted().size() >= messages);
        Thread.sleep(1500);
        assertEquals(messages, receiver.posts.size(), "every message posted once, none twice");
        assertTrue(receiver.acceptedPerDelivery().values().stream().allMatch(n -> n == 1));
        String body = new String(receiver.posts.get(0).body(), StandardCharsets.UTF_8);
        assertTrue(body.contains("application/vnd.microsoft.card.adaptive"), body);
    }

    @Test
    void aDeliveryThatCannotSucceedIsDeadWithItsReasonAndAnAdminSendsItAgain() {
        webhook(WebhookFormat.JSON, NotificationKind.DECISION_NEEDED);
        receiver.answerFirst(404);
        long id = Requests.published(author, team, Fixtures.unique("gone"));
        await().atMost(Duration.ofSeconds(20)).until(() -> statusOf(id) == DeliveryStatus.DEAD);
        Delivery dead = webhookDelivery(id);
        assertEquals("webhook answered HTTP 404", dead.lastError);

        User admin = fixtures.admin("notify-admin");
        Sessions.Session session = Sessions.signIn(admin.username, Fixtures.PASSWORD);
        String page = session.get("/admin/notifications").then().statusCode(200).extract().asString();
        assertTrue(page.contains("webhook answered HTTP 404"), "the reason is on the admin page");
        session.request().post("/admin/notifications/" + dead.id + "/retry").then().statusCode(400);
        assertEquals(DeliveryStatus.DEAD, statusOf(id), "a retry without the CSRF token changes nothing");
        Sessions.Session member = Sessions.signIn(author.username, Fixtures.PASSWORD);
        member.get("/admin/notifications").then().statusCode(403);

        session.postForm("/admin/notifications/" + dead.id + "/retry").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/admin/notifications"));
        await().atMost(Duration.ofSeconds(20)).until(() -> statusOf(id) == DeliveryStatus.SENT);
        assertEquals(1, receiver.accepted().size());
    }

    @Test
    void approversWhoTurnedDecisionsOffGetNoMailButOutcomesStillReachTheAuthor() {
        Sessions.Session session = Sessions.signIn(approver.username, Fixtures.PASSWORD);
        session.postForm("/me/notifications", "email", "REQUEST_OUTCOME").then().statusCode(303);
        long id = Requests.published(author, team, Fixtures.unique("quiet"));
        Requests.act(approver, id, "reject", "not now").then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(author.email).size() == 1);
        assertTrue(mailsTo(approver.email).isEmpty(), "the approver chose no mail for decisions");
        assertTrue(subjectOf(mailsTo(author.email).get(0)).contains("was rejected by " + approver.username));
    }

    @Test
    void theSecretIsShownOnceAndNeverOnThePageOrInTheAuditLog() {
        Sessions.Session session = Sessions.signIn(approver.username, Fixtures.PASSWORD);
        String created = session.postForm("/teams/" + team.slug + "/webhooks", "name", "ops", "url", receiver.url(),
                "format", "JSON", "kind", "DECISION_NEEDED").then().statusCode(200).extract().asString();
        Matcher secret = Pattern.compile("whsec_[A-Za-z0-9_-]+").matcher(created);
        assertTrue(secret.find(), "the secret is on the answer to its creation");
        String list = session.get("/teams/" + team.slug + "/webhooks").then().statusCode(200).extract().asString();
        assertFalse(list.contains(secret.group()), "never again on the page");
        assertFalse(list.contains("secret-path"), "nor the URL's path, which may be a token");
        List<AuditEvent> events = QuarkusTransaction.requiringNew().call(() -> AuditEvent.list("teamId", team.id));
        assertTrue(events.stream().anyMatch(e -> e.action.equals("webhook.add")));
        assertTrue(events.stream().noneMatch(e -> e.details.contains(secret.group()) || e.details.contains("secret-path")));

        Sessions.Session member = Sessions.signIn(author.username, Fixtures.PASSWORD);
        member.postForm("/teams/" + team.slug + "/webhooks", "name", "x", "url", receiver.url(), "format", "JSON",
                "kind", "DECISION_NEEDED").then().statusCode(403);
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> TeamWebhook.ofTeam(team.id).size()),
                "a member's attempt adds nothing");
    }

    private DeliveryStatus statusOf(long requestId) {
        return webhookDelivery(requestId).status;
    }

    private Delivery webhookDelivery(long requestId) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>find("requestId = ?1 and channel = ?2",
                requestId, Channel.WEBHOOK).singleResult());
    }

    private static List<MimeMessage> mailsTo(String address) {
        List<MimeMessage> to = new ArrayList<>();
        for (MimeMessage m : SmtpServer.greenMail.getReceivedMessages()) {
            try {
                if (m.getAllRecipients()[0].toString().equals(address)) {
                    to.add(m);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return to;
    }

    private static String subjectOf(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static URI uri(String text) {
        return URI.create(text);
    }
}
