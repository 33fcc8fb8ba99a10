package io.progate.dashboard;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.fixtures.ExecutionFixtures;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Requests;
import io.progate.fixtures.StatementCounter;
import io.progate.pro.model.AppUpdate;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestStatus;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The dashboard: what waits for my decision, my open requests, my teams' recent outcomes and a chart of
 * requests per week, read with the same few queries whatever the number of teams; the team page links
 * to the team's apps, requests, policy, keys and audit.
 */
@QuarkusTest
class DashboardTest {

    @Inject
    ExecutionFixtures x;

    @Inject
    Fixtures fixtures;

    @Inject
    DashboardService dashboards;

    @Test
    void showsWhatWaitsForMeMyOpenRequestsAndRecentOutcomes() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Dash");
        x.publishDirectly(name, "1.0");
        ReleaseRequest open = x.fileUpdate(t, name, "1.0", new AppUpdate("new words", null, null, null, null, null));
        ReleaseRequest done = x.fileUpdate(t, name, "1.0", new AppUpdate("other words", null, null, null, null, null));
        x.finishAs(done.id, RequestStatus.SUCCEEDED, null);

        String approverPage = Requests.as(t.approver()).get("/").then().statusCode(200).extract().asString();
        assertTrue(section(approverPage, "waiting-for-me").contains("/requests/" + open.id + "\""), approverPage);
        assertTrue(section(approverPage, "recent-outcomes").contains("/requests/" + done.id + "\""));
        assertTrue(!section(approverPage, "recent-outcomes").contains("/requests/" + open.id + "\""));
        String authorPage = Requests.as(t.author()).get("/").then().statusCode(200).extract().asString();
        assertTrue(section(authorPage, "my-open-requests").contains("/requests/" + open.id + "\""));
        assertTrue(!section(authorPage, "my-open-requests").contains("/requests/" + done.id + "\""));
        assertTrue(!section(authorPage, "waiting-for-me").contains("/requests/" + open.id + "\""),
                "an author does not decide their own request");
    }

    @Test
    void drawsRequestsPerWeekByOutcomeAsSvgServedByTheApp() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Chart");
        x.publishDirectly(name, "1.0");
        ReleaseRequest ok = x.fileUpdate(t, name, "1.0", new AppUpdate("a", null, null, null, null, null));
        ReleaseRequest bad = x.fileUpdate(t, name, "1.0", new AppUpdate("b", null, null, null, null, null));
        x.fileUpdate(t, name, "1.0", new AppUpdate("c", null, null, null, null, null));
        x.finishAs(ok.id, RequestStatus.SUCCEEDED, null);
        x.finishAs(bad.id, RequestStatus.FAILED, null);

        String page = Requests.as(t.approver()).get("/").then().statusCode(200)
                .body(not(containsString("<script"))).extract().asString();
        String chart = section(page, "chart-" + t.team().slug);
        assertTrue(chart.contains("<svg"), chart);
        assertTrue(chart.contains("3 in the last 8 weeks"), chart);
        assertTrue(chart.contains(": 1 succeeded</title>"), chart);
        assertTrue(chart.contains(": 1 failed</title>"), chart);
        assertTrue(chart.contains(": 1 open</title>"), chart);
    }

    @Test
    void readsWithTheSameQueriesForOneTeamAsForSix() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Count");
        x.publishDirectly(name, "1.0");
        x.fileUpdate(t, name, "1.0", new AppUpdate("a", null, null, null, null, null));
        int one = statements(t.approver());
        for (int i = 0; i < 5; i++) {
            Team other = fixtures.team("dash-more");
            fixtures.member(other, t.approver(), TeamRole.APPROVER);
        }
        int six = statements(t.approver());
        assertEquals(one, six, "the dashboard's queries do not grow with the number of teams");
        assertTrue(six <= 10, six + " statements");
    }

    @Test
    void theTeamPageLinksToAppsRequestsPolicyKeysAndAudit() {
        ExecutionFixtures.SandboxTeam t = x.team();
        String slug = t.team().slug;
        Requests.as(t.author()).get("/teams/" + slug).then().statusCode(200)
                .body(containsString("href=\"/teams/" + slug + "/apps\" id=\"team-apps-link\""))
                .body(containsString("href=\"/teams/" + slug + "/requests\" id=\"team-requests-link\""))
                .body(containsString("href=\"/teams/" + slug + "/policy\" id=\"team-policy-link\""))
                .body(containsString("href=\"/teams/" + slug + "/credentials\" id=\"team-keys-link\""))
                .body(containsString("href=\"/audit?team=" + slug + "\" id=\"team-audit-link\""));
    }

    private int statements(User user) {
        return StatementCounter.count(() -> dashboards.of(QuarkusTransaction.requiringNew()
                .call(() -> User.<User>findById(user.id)))).statements();
    }



    /** The HTML of the element with this id up to the end of its section or figure. */
    static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertTrue(start >= 0, "no element " + id);
        int end = page.indexOf("</section>", start);
        int figure = page.indexOf("</figure>", start);
        return page.substring(start, figure >= 0 && figure < end ? figure : end);
    }
}
