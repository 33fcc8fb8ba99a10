package io.progate.request;

import static io.progate.fixtures.Requests.act;
import static io.progate.fixtures.Requests.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.progate.account.User;
import io.progate.common.ConflictException;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Requests;
import io.progate.fixtures.SandboxTeams;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Approvers acting at the same moment: no double count, no lost update. */
@QuarkusTest
class ConcurrentApprovalTest {

    @Inject
    Fixtures fixtures;

    @Inject
    SandboxTeams sandbox;

    @Inject
    RequestService service;

    private List<Integer> together(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void approversActingAtOnceAreAllCountedAndTheRequestIsApprovedOnce() throws Exception {
        Team team = sandbox.team("conc");
        User owner = fixtures.user("owner");
        fixtures.member(team, owner, TeamRole.MEMBER);
        List<User> approvers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            User a = fixtures.user("ca" + i);
            fixtures.member(team, a, TeamRole.APPROVER);
            approvers.add(a);
        }
        as(approvers.get(0)).contentType("application/json").body("{\"requiredApprovals\":3}")
                .put("/api/v1/teams/" + team.slug + "/policy").then().statusCode(200);
        long id = Requests.published(owner, team, "Race");
        List<Callable<Integer>> calls = new ArrayList<>();
        for (User a : approvers) {
            calls.add(() -> act(a, id, "approve", "go").statusCode());
        }
        List<Integer> statuses = together(calls);
        assertEquals(3, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        var body = as(owner).get("/api/v1/requests/" + id).then().extract().jsonPath();
        assertEquals("APPROVED", body.getString("status"));
        assertEquals(3, body.getInt("approvalCount"));
        assertEquals(3, body.getList("approvals").size());
    }

    @Test
    void onePersonApprovingTwiceAtOnceCountsOnce() throws Exception {
        Team team = sandbox.team("twice");
        User owner = fixtures.user("owner");
        User approver = fixtures.user("twice");
        fixtures.member(team, owner, TeamRole.MEMBER);
        fixtures.member(team, approver, TeamRole.APPROVER);
        as(approver).contentType("application/json").body("{\"requiredApprovals\":2}")
                .put("/api/v1/teams/" + team.slug + "/policy").then().statusCode(200);
        long id = Requests.published(owner, team, "Twice");
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // straight to the service: concurrent HTTP Basic sign-ins of one user collide on its
            // last-login update (an account concern, not the approval's)
            calls.add(() -> {
                try {
                    service.approve(id, approver, null);
                    return 200;
                } catch (ConflictException e) {
                    return 409;
                }
            });
        }
        List<Integer> statuses = together(calls);
        assertEquals(List.of(200, 409, 409), statuses.stream().sorted().toList());
        var body = as(owner).get("/api/v1/requests/" + id).then().extract().jsonPath();
        assertEquals("PENDING", body.getString("status"));
        assertEquals(1, body.getInt("approvalCount"));
    }

    @Test
    void anApprovalAndARejectionAtOnceEndInOneConsistentState() throws Exception {
        Team team = sandbox.team("mixed");
        User owner = fixtures.user("owner");
        User yes = fixtures.user("yes");
        User no = fixtures.user("no");
        fixtures.member(team, owner, TeamRole.MEMBER);
        fixtures.member(team, yes, TeamRole.APPROVER);
        fixtures.member(team, no, TeamRole.APPROVER);
        long id = Requests.published(owner, team, "Mixed");
        List<Integer> statuses = together(List.of(
                () -> act(yes, id, "approve", null).statusCode(),
                () -> act(no, id, "reject", "not now").statusCode()));
        var body = as(owner).get("/api/v1/requests/" + id).then().extract().jsonPath();
        String status = body.getString("status");
        assertEquals(List.of(200, 409).stream().sorted().toList(), statuses.stream().sorted().toList(), statuses.toString());
        assertEquals(1, body.getList("approvals").size());
        assertEquals(status.equals("APPROVED") ? "APPROVE" : "REJECT", body.getString("approvals[0].decision"));
    }
}
