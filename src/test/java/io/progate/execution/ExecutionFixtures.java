package io.progate.execution;

import static io.restassured.RestAssured.given;

import io.progate.account.User;
import io.progate.credential.CredentialInput;
import io.progate.credential.CredentialService;
import io.progate.pro.SandboxAccounts;
import io.progate.request.PublishFields;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestService;
import io.progate.request.RequestStatus;
import io.progate.request.Submission;
import io.progate.request.UpdateFields;
import io.progate.request.Upload;
import io.progate.request.Zips;
import io.progate.sandbox.SandboxCall;
import io.progate.sandbox.SandboxCallLog;
import io.progate.support.Fixtures;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.progate.team.TeamService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** A team on the sandbox with a stored key, an author and an approver; requests filed and approved for it. */
@ApplicationScoped
public class ExecutionFixtures {

    @Inject
    Fixtures fixtures;

    @Inject
    TeamService teams;

    @Inject
    CredentialService credentials;

    @Inject
    RequestService requests;

    @Inject
    SandboxAccounts sandbox;

    @Inject
    SandboxCallLog calls;

    @Inject
    jakarta.persistence.EntityManager em;

    /** A team whose PRO account is the sandbox, with its own people. */
    public record SandboxTeam(Team team, User author, User approver, User admin) {
    }

    public SandboxTeam team(String... scopes) {
        User admin = fixtures.admin("exec-admin");
        User author = fixtures.user("exec-author");
        User approver = fixtures.user("exec-approver");
        String slug = Fixtures.unique("exec");
        Team team = QuarkusTransaction.requiringNew().call(() -> teams.create(
                new TeamService.TeamInput(slug, "Execution " + slug, sandbox.proUrl())));
        fixtures.member(team, author, TeamRole.MEMBER);
        fixtures.member(team, approver, TeamRole.APPROVER);
        List<String> scopeList = scopes.length == 0 ? List.of("PublishApp", "Authentication") : List.of(scopes);
        credentials.add(slug, admin, new CredentialInput("sandbox", SandboxAccounts.DEMO_KEY, scopeList,
                LocalDate.now(ZoneOffset.UTC).plusDays(90).toString(), true));
        return new SandboxTeam(team, author, approver, admin);
    }

    /** A team whose stored key is this sandbox key value (for keys with few scopes, or expired ones). */
    public SandboxTeam teamWithKey(String key, String... scopes) {
        User admin = fixtures.admin("exec-admin");
        User author = fixtures.user("exec-author");
        User approver = fixtures.user("exec-approver");
        String slug = Fixtures.unique("exec");
        Team team = QuarkusTransaction.requiringNew().call(() -> teams.create(
                new TeamService.TeamInput(slug, "Execution " + slug, sandbox.proUrl())));
        fixtures.member(team, author, TeamRole.MEMBER);
        fixtures.member(team, approver, TeamRole.APPROVER);
        credentials.add(slug, admin, new CredentialInput("sandbox", key, List.of(scopes),
                LocalDate.now(ZoneOffset.UTC).plusDays(90).toString(), true));
        return new SandboxTeam(team, author, approver, admin);
    }

    /** As a worker that died during its PRO call leaves a request: EXECUTING, a lapsed claim, an attempt without outcome. */
    public void abandonWithUnknownAttempt(long requestId) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update release_request set status = 'EXECUTING', updated_at = now() where id = ?1")
                    .setParameter(1, requestId).executeUpdate();
            ExecutionJob job = new ExecutionJob();
            job.requestId = requestId;
            job.workerId = "dead-worker";
            job.availableAt = java.time.Instant.now().minusSeconds(1);
            job.persist();
            ExecutionAttempt attempt = new ExecutionAttempt();
            attempt.requestId = requestId;
            attempt.attemptNo = 1;
            attempt.workerId = "dead-worker";
            attempt.startedAt = java.time.Instant.now().minusSeconds(5);
            attempt.persist();
        });
    }

    /** Removes every key of the team, as its approvers might after a request was filed. */
    public void removeKeys(SandboxTeam t) {
        credentials.list(t.team().slug, t.admin()).forEach(c -> credentials.remove(t.team().slug, t.admin(), c.id));
    }

    public static Path packageFile(String marker) throws java.io.IOException {
        Path file = Files.createTempFile("exec-", ".aimmspack");
        Files.write(file, Zips.zip(Map.of("Project.aimms", "project " + marker, "MainProject/Main.ams",
                "Model Main_Project { comment: \"" + marker + "\" }")));
        file.toFile().deleteOnExit();
        return file;
    }

    public static PublishFields metadata(String name, String version) {
        return new PublishFields(name, "Demo " + name, version, SandboxAccounts.OFFICIAL_VERSION, "other",
                Map.of("isWebUI", "false"), 0, null, null, null);
    }

    public ReleaseRequest filePublish(SandboxTeam t, PublishFields metadata, Path file) {
        return requests.submit(t.team().slug, t.author(), new Submission("PUBLISH", "ship it", metadata, null, null,
                null, new Upload(file, metadata.name() + ".aimmspack"), null));
    }

    public ReleaseRequest fileUpdate(SandboxTeam t, String name, String version, UpdateFields changes) {
        return requests.submit(t.team().slug, t.author(), new Submission("UPDATE", "change it", null, name, version,
                changes, null, null));
    }

    public ReleaseRequest fileDelete(SandboxTeam t, String name, String version) {
        return requests.submit(t.team().slug, t.author(), new Submission("DELETE", "remove it", null, name, version,
                null, null, null));
    }

    /** Approves over the API, as the approver: the commit wakes the worker. */
    public void approve(SandboxTeam t, long requestId) {
        given().auth().preemptive().basic(t.approver().username, Fixtures.PASSWORD).contentType("application/json")
                .body("{\"comment\":\"go\"}").when().post("/api/v1/requests/" + requestId + "/approve")
                .then().statusCode(200);
    }

    public ReleaseRequest await(long requestId, RequestStatus... statuses) {
        List<RequestStatus> wanted = List.of(statuses);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> wanted.contains(status(requestId)));
        return reload(requestId);
    }

    public RequestStatus status(long requestId) {
        return reload(requestId).status;
    }

    public ReleaseRequest reload(long requestId) {
        return QuarkusTransaction.requiringNew().call(() -> ReleaseRequest.findById(requestId));
    }

    public List<ExecutionAttempt> attempts(long requestId) {
        return QuarkusTransaction.requiringNew().call(() -> ExecutionAttempt.of(requestId));
    }

    public long lastCallId() {
        return QuarkusTransaction.requiringNew().call(() -> calls.lastId());
    }

    /** Calls the sandbox received since {@code afterId} whose path contains {@code pathPart}. */
    public List<SandboxCall> callsSince(long afterId, String method, String pathPart) {
        return QuarkusTransaction.requiringNew().call(() -> calls.since(afterId).stream()
                .filter(c -> c.method.equals(method) && c.path.contains(pathPart)).toList());
    }
}
