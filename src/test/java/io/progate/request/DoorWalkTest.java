package io.progate.request;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.TokenService;
import io.progate.account.User;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Sessions;
import io.progate.packages.RequestPackage;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every door of a request, tried by everyone: each action (approve, reject, cancel, retry, close, and
 * close through the execution's address) in each state, by each role, for publish, update, delete
 * and task requests, through the JSON API and through the page forms. The allowed set is stated here, on its
 * own, as the README's lifecycle section states it; the test does not ask the code what is allowed.
 *
 * <p>An allowed action must succeed with exactly its effect. Every other one must answer 404 (not
 * your team), 403 (wrong role) or 409 (wrong state; pages: a 303 back with the reason) and change
 * nothing: same status, no approval row, no PRO call in the sandbox's call record, no wake-up of the
 * execution worker, and one audit event (outcome FAILURE) for the refusal. States are built directly
 * in the database; one Quarkus boot serves every case.
 */
@QuarkusTest
class DoorWalkTest {

    /** Who tries the door. The author is an approver of the team too: even so, never of their own request. */
    enum Role {
        AUTHOR, MEMBER, APPROVER, SECOND_APPROVER, ADMIN, ADMIN_RESERVED, OUTSIDER;

        /** ADMIN_RESERVED is an admin on requests whose policy reserves decisions to the team's approvers. */
        boolean adminsMayApprove() {
            return this != ADMIN_RESERVED;
        }
    }

    /** Where a request stands. PENDING_ONE_APPROVAL (deletes only, which need two) has the approver's approval. */
    enum State {
        PENDING(RequestStatus.PENDING), PENDING_ONE_APPROVAL(RequestStatus.PENDING),
        PENDING_PAST_ITS_TIME(RequestStatus.PENDING), APPROVED(RequestStatus.APPROVED),
        EXECUTING(RequestStatus.EXECUTING), SUCCEEDED(RequestStatus.SUCCEEDED), FAILED(RequestStatus.FAILED),
        CLOSED(RequestStatus.CLOSED), REJECTED(RequestStatus.REJECTED), CANCELLED(RequestStatus.CANCELLED),
        EXPIRED(RequestStatus.EXPIRED);

        final RequestStatus status;

        State(RequestStatus status) {
            this.status = status;
        }
    }

    enum Action {
        APPROVE("approve", "request.approve"), REJECT("reject", "request.reject"), CANCEL("cancel", "request.cancel"),
        RETRY("retry", "request.retry"), CLOSE("close", "request.close"),
        CLOSE_AT_EXECUTION("close", "request.close");

        final String verb;
        final String audit;

        Action(String verb, String audit) {
            this.verb = verb;
            this.audit = audit;
        }

        String apiPath(long id) {
            return this == CLOSE_AT_EXECUTION ? "/api/v1/executions/" + id + "/close" : "/api/v1/requests/" + id + "/" + verb;
        }

        String pagePath(long id) {
            return this == CLOSE_AT_EXECUTION ? "/executions/" + id + "/close" : "/requests/" + id + "/" + verb;
        }
    }

    enum Channel {
        API, PAGE
    }

    static final String EXPIRY_JOB = "request-expiry";
    static final Set<State> PENDING_STATES = EnumSet.of(State.PENDING, State.PENDING_ONE_APPROVAL,
            State.PENDING_PAST_ITS_TIME);
    static final Set<Role> DECIDERS = EnumSet.of(Role.APPROVER, Role.SECOND_APPROVER, Role.ADMIN);

    /** The rules, stated independently of the code: the HTTP status an API call must answer. */
    static int expected(Role role, Action action, State state) {
        if (role == Role.OUTSIDER) {
            return 404;
        }
        switch (action) {
            case APPROVE:
            case REJECT:
                if (!DECIDERS.contains(role)) {
                    return 403;
                }
                if (state == State.PENDING || (state == State.PENDING_ONE_APPROVAL && role != Role.APPROVER)) {
                    return 200;
                }
                return 409;
            case CANCEL:
                if (role != Role.AUTHOR && role != Role.ADMIN && role != Role.ADMIN_RESERVED) {
                    return 403;
                }
                return PENDING_STATES.contains(state) ? 200 : 409;
            default:
                if (!DECIDERS.contains(role)) {
                    return 403;
                }
                return state == State.FAILED ? 200 : 409;
        }
    }

    /** The status an allowed action leads to, given the approvals the request needs. */
    static RequestStatus after(Action action, State state, int required) {
        switch (action) {
            case APPROVE:
                int approvals = (state == State.PENDING_ONE_APPROVAL ? 1 : 0) + 1;
                return approvals >= required ? RequestStatus.APPROVED : RequestStatus.PENDING;
            case REJECT:
                return RequestStatus.REJECTED;
            case CANCEL:
                return RequestStatus.CANCELLED;
            case RETRY:
                return RequestStatus.APPROVED;
            default:
                return RequestStatus.CLOSED;
        }
    }

    static Stream<Arguments> doors() {
        List<Arguments> doors = new ArrayList<>();
        for (RequestType type : List.of(RequestType.PUBLISH, RequestType.UPDATE, RequestType.DELETE, RequestType.TASK)) {
            for (State state : State.values()) {
                if (state == State.PENDING_ONE_APPROVAL && type != RequestType.DELETE) {
                    continue;
                }
                for (Role role : Role.values()) {
                    doors.add(Arguments.of(type, state, role));
                }
            }
        }
        return doors.stream();
    }

    @Inject
    Fixtures fixtures;

    @Inject
    TokenService tokens;

    @Inject
    EntityManager em;

    @Inject
    Wakeups wakeups;

    /** Records the execution worker's wake-ups (RequestApproved after commit). */
    @ApplicationScoped
    static class Wakeups {
        private final Set<Long> ids = ConcurrentHashMap.newKeySet();

        /** Through a method: a field read on the client proxy would not reach the bean. */
        boolean woke(long requestId) {
            return ids.contains(requestId);
        }

        void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) RequestApproved event) {
            ids.add(event.requestId());
        }
    }

    /** The team, its people, their API tokens and browser sessions, and the shared refused-only requests. */
    static final class World {
        Team team;
        long packageId;
        final Map<Role, User> users = new EnumMap<>(Role.class);
        final Map<Role, String> tokens = new EnumMap<>(Role.class);
        final Map<Role, Sessions.Session> sessions = new EnumMap<>(Role.class);
        final Map<Role, String> csrf = new EnumMap<>(Role.class);
        final Map<String, Long> shared = new HashMap<>();
    }

    private static World world;
    private static Scheduler pausedScheduler;

    @Inject
    Scheduler scheduler;

    @AfterAll
    static void resumeExpiry() {
        if (pausedScheduler != null) {
            pausedScheduler.resume(EXPIRY_JOB);
        }
    }

    private World world() {
        if (world != null) {
            return world;
        }
        // the expiry job would end the PENDING_PAST_ITS_TIME requests under the walk's feet
        scheduler.pause(EXPIRY_JOB);
        pausedScheduler = scheduler;
        World w = new World();
        w.team = fixtures.team("doors");
        Team other = fixtures.team("elsewhere");
        User author = fixtures.user("door-author");
        User admin = fixtures.admin("door-admin");
        w.users.put(Role.AUTHOR, author);
        w.users.put(Role.MEMBER, fixtures.user("door-member"));
        w.users.put(Role.APPROVER, fixtures.user("door-approver"));
        w.users.put(Role.SECOND_APPROVER, fixtures.user("door-approver2"));
        w.users.put(Role.ADMIN, admin);
        w.users.put(Role.ADMIN_RESERVED, admin);
        w.users.put(Role.OUTSIDER, fixtures.user("door-outsider"));
        fixtures.member(w.team, author, TeamRole.APPROVER);
        fixtures.member(w.team, w.users.get(Role.MEMBER), TeamRole.MEMBER);
        fixtures.member(w.team, w.users.get(Role.APPROVER), TeamRole.APPROVER);
        fixtures.member(w.team, w.users.get(Role.SECOND_APPROVER), TeamRole.APPROVER);
        fixtures.member(other, w.users.get(Role.OUTSIDER), TeamRole.APPROVER);
        for (Role role : Role.values()) {
            User user = w.users.get(role);
            java.util.Set<io.progate.account.TokenScope> scopes = user.admin
                    ? java.util.EnumSet.allOf(io.progate.account.TokenScope.class)
                    : java.util.EnumSet.complementOf(java.util.EnumSet.of(io.progate.account.TokenScope.ADMIN));
            w.tokens.put(role, tokens.create(user, io.progate.account.auth.Identities.Method.SESSION,
                    new io.progate.account.TokenService.Request("doors", scopes, Instant.now().plus(1, ChronoUnit.DAYS)))
                    .value());
            Sessions.Session session = Sessions.signIn(user.username, Fixtures.PASSWORD);
            w.sessions.put(role, session);
            w.csrf.put(role, session.csrfToken());
        }
        w.packageId = QuarkusTransaction.requiringNew().call(() -> {
            RequestPackage pkg = new RequestPackage();
            pkg.fileName = "doors.aimmspack";
            pkg.sizeBytes = 0;
            pkg.sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
            pkg.inspection = "{}";
            pkg.persist();
            return pkg.id;
        });
        world = w;
        return w;
    }

    /** A request of this type in this state, built directly in the database. */
    private long make(World w, RequestType type, State state, boolean adminsMayApprove) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            ReleaseRequest r = new ReleaseRequest();
            r.team = Team.findById(w.team.id);
            r.author = User.findById(w.users.get(Role.AUTHOR).id);
            r.type = type;
            r.status = state.status;
            r.reason = "door walk";
            r.appName = Fixtures.unique("Door");
            r.appVersion = "1.0";
            r.payload = type == RequestType.PUBLISH ? "{\"name\":\"" + r.appName + "\",\"projectVersion\":\"1.0\"}"
                    : type == RequestType.UPDATE ? "{\"description\":\"new\"}"
                    : type == RequestType.TASK ? "{\"serviceName\":\"solve\",\"latest\":false}" : "{}";
            r.pkg = type == RequestType.PUBLISH || type == RequestType.TASK ? RequestPackage.findById(w.packageId) : null;
            r.requiredApprovals = type == RequestType.DELETE ? 2 : 1;
            r.adminsMayApprove = adminsMayApprove;
            r.expiresAt = state == State.PENDING_PAST_ITS_TIME ? now.minus(1, ChronoUnit.MINUTES)
                    : now.plus(1, ChronoUnit.DAYS);
            r.createdAt = now;
            r.updatedAt = now;
            r.persist();
            if (state == State.PENDING_ONE_APPROVAL) {
                Approval a = new Approval();
                a.request = r;
                a.approver = User.findById(w.users.get(Role.APPROVER).id);
                a.decision = Decision.APPROVE;
                a.createdAt = now;
                a.persist();
            }
            return r.id;
        });
    }

    /** What a case may change: status, approval rows, the actor's audit events, the sandbox's last call. */
    record Trace(String status, long approvals, long refusals, long successes, long lastProCall) {
    }

    private Trace trace(long id, Action action, User actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) em.createNativeQuery("select r.status,"
                    + " (select count(*) from request_approval a where a.request_id = r.id),"
                    + " (select count(*) from audit_event e where e.target_type = 'request' and e.target_id = ?2"
                    + "  and e.action = ?3 and e.actor = ?4 and e.outcome = 'FAILURE'),"
                    + " (select count(*) from audit_event e where e.target_type = 'request' and e.target_id = ?2"
                    + "  and e.action = ?3 and e.actor = ?4 and e.outcome = 'SUCCESS'),"
                    + " (select coalesce(max(c.id), 0) from sandbox_call c)"
                    + " from release_request r where r.id = ?1")
                    .setParameter(1, id).setParameter(2, Long.toString(id)).setParameter(3, action.audit)
                    .setParameter(4, actor.username).getSingleResult();
            return new Trace((String) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                    ((Number) row[3]).longValue(), ((Number) row[4]).longValue());
        });
    }

    private Response call(World w, Channel channel, Action action, Role role, long id) {
        boolean decision = action == Action.APPROVE || action == Action.REJECT;
        if (channel == Channel.API) {
            var spec = given().header("Authorization", "Bearer " + w.tokens.get(role)).contentType("application/json");
            if (decision) {
                spec = spec.body(Map.of("comment", "door walk"));
            }
            return spec.when().post(action.apiPath(id));
        }
        var spec = w.sessions.get(role).request().formParam("progate-csrf", w.csrf.get(role));
        if (decision) {
            spec = spec.formParam("comment", "door walk");
        }
        return spec.when().post(action.pagePath(id));
    }

    @ParameterizedTest(name = "{0} request {1}, tried by {2}")
    @MethodSource("doors")
    void everyActionOpensOnlyForTheRightRoleAndStateAndARefusalChangesNothing(RequestType type, State state, Role role) {
        World w = world();
        List<String> wrong = new ArrayList<>();
        User actor = w.users.get(role);
        for (Channel channel : Channel.values()) {
            for (Action action : Action.values()) {
                int expected = expected(role, action, state);
                String key = type + "/" + state + "/" + role.adminsMayApprove();
                long id = expected == 200 ? make(w, type, state, role.adminsMayApprove())
                        : w.shared.computeIfAbsent(key, k -> make(w, type, state, role.adminsMayApprove()));
                String label = channel + " " + action + " (expects " + expected + ")";
                Trace before = trace(id, action, actor);
                Response answer = call(w, channel, action, role, id);
                Trace after = trace(id, action, actor);
                int status = answer.statusCode();
                int wanted = channel == Channel.API || expected == 403 || expected == 404 ? expected : 303;
                if (status != wanted) {
                    wrong.add(label + ": answered " + status + " " + answer.asString().replaceAll("\\s+", " ")
                            .substring(0, Math.min(160, answer.asString().replaceAll("\\s+", " ").length())));
                }
                if (channel == Channel.PAGE && status == 303
                        && !answer.getHeader("Location").endsWith("/requests/" + id)) {
                    wrong.add(label + ": redirected to " + answer.getHeader("Location"));
                }
                if (after.lastProCall() != before.lastProCall()) {
                    wrong.add(label + ": PRO was called");
                }
                if (expected == 200) {
                    RequestStatus target = after(action, state, type == RequestType.DELETE ? 2 : 1);
                    long approvalRows = action == Action.APPROVE || action == Action.REJECT ? 1 : 0;
                    if (!after.status().equals(target.name())) {
                        wrong.add(label + ": became " + after.status() + ", not " + target);
                    }
                    if (after.approvals() != before.approvals() + approvalRows) {
                        wrong.add(label + ": approval rows " + before.approvals() + " -> " + after.approvals());
                    }
                    if (after.successes() != before.successes() + 1 || after.refusals() != before.refusals()) {
                        wrong.add(label + ": audit successes " + before.successes() + " -> " + after.successes()
                                + ", refusals " + before.refusals() + " -> " + after.refusals());
                    }
                    if ((target == RequestStatus.APPROVED) != wakeups.woke(id)) {
                        wrong.add(label + ": execution wake-up " + wakeups.woke(id) + " for " + target);
                    }
                } else {
                    if (!after.status().equals(before.status())) {
                        wrong.add(label + ": refused but moved " + before.status() + " -> " + after.status());
                    }
                    if (after.approvals() != before.approvals()) {
                        wrong.add(label + ": refused but approval rows " + before.approvals() + " -> " + after.approvals());
                    }
                    if (after.refusals() != before.refusals() + 1 || after.successes() != before.successes()) {
                        wrong.add(label + ": refusal audit events " + before.refusals() + " -> " + after.refusals()
                                + ", successes " + before.successes() + " -> " + after.successes());
                    }
                    if (wakeups.woke(id)) {
                        wrong.add(label + ": refused but the execution worker was woken");
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), type + " " + state + " as " + role + ":\n  " + String.join("\n  ", wrong));
    }
}
