package io.progate.request;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.progate.account.User;
import io.progate.common.Paging;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Requests;
import io.progate.fixtures.Sessions;
import io.progate.packages.RequestPackage;
import io.progate.request.web.RequestView;
import io.progate.request.web.RequestViews;
import io.progate.fixtures.StatementCounter;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Request lists page by keyset (limit 50 by default, at most 500, {@code Link} to the next page), build a
 * page with a fixed number of queries whatever its length, and walk an index for every filter.
 */
@QuarkusTest
class RequestListPagingTest {

    private static final int REQUESTS = 120;

    @Inject
    Fixtures fixtures;

    @Inject
    RequestViews views;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    Team team;
    User author;
    User approver;

    @BeforeEach
    void manyRequests() {
        team = fixtures.team("paged");
        author = fixtures.user("pagedauthor");
        approver = fixtures.user("pagedapprover");
        fixtures.member(team, author, TeamRole.MEMBER);
        fixtures.member(team, approver, TeamRole.APPROVER);
        QuarkusTransaction.requiringNew().run(() -> {
            Team t = Team.findById(team.id);
            User a = User.findById(author.id);
            User b = User.findById(approver.id);
            Instant now = Instant.now();
            for (int i = 0; i < REQUESTS; i++) {
                ReleaseRequest r = new ReleaseRequest();
                r.team = t;
                r.author = a;
                r.type = i % 2 == 0 ? RequestType.PUBLISH : RequestType.DELETE;
                r.status = i % 3 == 0 ? RequestStatus.REJECTED : RequestStatus.PENDING;
                r.reason = "paging " + i;
                r.appName = "Paged" + i;
                r.appVersion = "1.0";
                r.payload = "{}";
                r.requiredApprovals = 2;
                r.expiresAt = now.plus(1, ChronoUnit.DAYS);
                r.updatedAt = now;
                if (r.type == RequestType.PUBLISH) {
                    RequestPackage pkg = new RequestPackage();
                    pkg.fileName = "Paged" + i + ".aimmspack";
                    pkg.sizeBytes = 10;
                    pkg.sha256 = "0".repeat(64);
                    pkg.inspection = "{}";
                    pkg.persist();
                    r.pkg = pkg;
                }
                r.persist();
                if (r.status == RequestStatus.PENDING) {
                    Approval approval = new Approval();
                    approval.request = r;
                    approval.approver = b;
                    approval.decision = Decision.APPROVE;
                    approval.persist();
                }
            }
        });
    }

    @Test
    void aPageOfFiftyTakesTheSameFewQueriesAsAPageOfOne() {
        int fifty = statementsForFirstPage(50);
        int one = statementsForFirstPage(1);
        assertEquals(one, fifty, "the number of queries does not grow with the page");
        assertTrue(fifty <= 2, "the page and its decisions: " + fifty + " statements");
    }

    private int statementsForFirstPage(int limit) {
        StatementCounter.Counted<String> counted = StatementCounter.count(() -> QuarkusTransaction.requiringNew().call(() -> {
            RequestFilter filter = new RequestFilter(team.id, null, null, null, new Paging(limit, null));
            List<RequestView> page = views.of(ReleaseRequest.search(filter).items());
            assertEquals(limit, page.size());
            return json.writeValueAsString(page);
        }));
        return counted.statements();
    }

    @Test
    void theApiAnswersFiftyWithALinkToTheNextPageAndWalksToTheEnd() {
        String path = "/api/v1/teams/" + team.slug + "/requests";
        Response first = Requests.as(author).get(path);
        first.then().statusCode(200).body("$", hasSize(50)).header("Link", containsString("rel=\"next\""));
        List<Long> seen = new ArrayList<>(first.jsonPath().getList("id", Long.class));
        String next = first.header("X-Next-Cursor");
        while (next != null) {
            Response page = Requests.as(author).queryParam("cursor", next).get(path);
            page.then().statusCode(200);
            seen.addAll(page.jsonPath().getList("id", Long.class));
            next = page.header("X-Next-Cursor");
            if (next == null) {
                page.then().header("Link", nullValue());
            }
        }
        assertEquals(REQUESTS, seen.size());
        assertEquals(REQUESTS, seen.stream().distinct().count());
        List<Long> sorted = new ArrayList<>(seen);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, seen, "newest first, no row twice");
    }

    @Test
    void eachRowOfAPageCarriesItsOwnDecisions() {
        Response page = Requests.as(author).queryParam("limit", 12).get("/api/v1/teams/" + team.slug + "/requests");
        page.then().statusCode(200).body("$", hasSize(12));
        List<java.util.Map<String, Object>> rows = page.jsonPath().getList("$");
        for (java.util.Map<String, Object> row : rows) {
            List<?> approvals = (List<?>) row.get("approvals");
            if ("PENDING".equals(row.get("status"))) {
                assertEquals(1, approvals.size(), "the one decision on request " + row.get("id"));
                @SuppressWarnings("unchecked")
                java.util.Map<String, Object> decision = (java.util.Map<String, Object>) approvals.get(0);
                assertEquals(approver.username, decision.get("approver"));
                assertEquals(approver.displayName, decision.get("displayName"));
                assertEquals("APPROVE", decision.get("decision"));
                assertTrue(decision.get("at") != null, "when it was decided");
                assertEquals(1, ((Number) row.get("approvalCount")).intValue());
            } else {
                assertEquals(0, approvals.size(), "no decision on request " + row.get("id"));
                assertEquals(0, ((Number) row.get("approvalCount")).intValue());
            }
        }
    }

    @Test
    void limitAndCursorAreCheckedAndFiltersStayInTheNextLink() {
        String path = "/api/v1/teams/" + team.slug + "/requests";
        Requests.as(author).queryParam("limit", 500).get(path).then().statusCode(200).body("$", hasSize(REQUESTS))
                .header("Link", nullValue());
        Requests.as(author).queryParam("limit", 501).get(path).then().statusCode(400).body("details.field", hasItem("limit"));
        Requests.as(author).queryParam("limit", 0).get(path).then().statusCode(400);
        Requests.as(author).queryParam("cursor", "abc").get(path).then().statusCode(400)
                .body("details.field", hasItem("cursor"));
        Requests.as(author).queryParam("status", "PENDING").queryParam("limit", 10).get(path).then().statusCode(200)
                .body("$", hasSize(10)).body("status", everyItemIs("PENDING"))
                .header("Link", containsString("status=PENDING"));
    }

    private static org.hamcrest.Matcher<Iterable<? super String>> everyItemIs(String value) {
        return org.hamcrest.Matchers.not(hasItem(org.hamcrest.Matchers.not(equalTo(value))));
    }

    @Test
    void theApprovalQueuePagesOldestFirst() {
        Response first = Requests.as(approver).queryParam("limit", 10).get("/api/v1/approvals");
        first.then().statusCode(200);
        // the approver decided every PENDING request already: nothing waits for them
        assertEquals(0, first.jsonPath().getList("id").size());
        User other = fixtures.user("pagedsecond");
        fixtures.member(team, other, TeamRole.APPROVER);
        Response page = Requests.as(other).queryParam("limit", 10).get("/api/v1/approvals");
        page.then().statusCode(200).body("$", hasSize(10)).header("Link", containsString("cursor="));
        List<Long> ids = page.jsonPath().getList("id", Long.class);
        List<Long> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertEquals(sorted, ids);
        Response second = Requests.as(other).queryParam("limit", 10).queryParam("cursor", page.header("X-Next-Cursor"))
                .get("/api/v1/approvals");
        assertTrue(second.jsonPath().getList("id", Long.class).get(0) > ids.get(9));
    }

    @Test
    void thePagesShowANextLink() {
        var session = Sessions.signIn(author.username, Fixtures.PASSWORD);
        session.get("/teams/" + team.slug + "/requests").then().statusCode(200)
                .body(containsString("rel=\"next\""));
        session.get("/requests?limit=500").then().statusCode(200).body(org.hamcrest.Matchers.not(containsString("rel=\"next\"")));
    }

    @Test
    void everyListFilterWalksAnIndex() {
        long teamId = team.id;
        long authorId = author.id;
        List<String> plans = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("analyze release_request").executeUpdate();
            // a table this small would be read whole; forbid what a large one would not get, so the plan
            // shows whether an index serves the filter in the list's order
            for (String setting : List.of("enable_seqscan", "enable_bitmapscan", "enable_sort")) {
                em.createNativeQuery("set local " + setting + " = off").executeUpdate();
            }
            List<String> out = new ArrayList<>();
            for (String where : List.of("team_id = " + teamId, "team_id = " + teamId + " and status = 'PENDING'",
                    "team_id = " + teamId + " and type = 'DELETE'", "author_id = " + authorId,
                    "author_id = " + authorId + " and status = 'PENDING'", "status = 'PENDING' and id > 5")) {
                String order = where.startsWith("status") ? "id" : "id desc";
                @SuppressWarnings("unchecked")
                List<String> plan = em.createNativeQuery("explain select id from release_request where " + where
                        + " order by " + order + " limit 51").getResultList();
                out.add(where + " => " + String.join(" | ", plan));
            }
            return out;
        });
        for (String plan : plans) {
            assertTrue(plan.contains("Index") && !plan.contains("Seq Scan") && !plan.contains("Sort"),
                    "walks an index in the list's order and stops after a page: " + plan);
        }
        assertTrue(plans.get(5).contains("release_request_pending_ix"), plans.get(5));
    }
}
