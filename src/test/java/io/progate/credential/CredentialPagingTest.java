package io.progate.credential;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.common.Paging;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Keys;
import io.progate.fixtures.StatementCounter;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A team's PRO keys page: the active keys and the history each page newest first ({@code limit}, a keyset
 * cursor of their own, a link to the next page that keeps the other list's place); the API pages the
 * active keys, or all keys with {@code history=true}.
 */
@QuarkusTest
class CredentialPagingTest {

    private static final Pattern ACTIVE_ROW = Pattern.compile("<tr id=\"credential-(\\d+)\"");
    private static final Pattern HISTORY_ROW = Pattern.compile("<tr><td>(hist-\\d+)</td>");
    private static final Pattern MORE_ACTIVE = Pattern.compile("href=\"([^\"]+)\">More active keys</a>");
    private static final Pattern MORE_HISTORY = Pattern.compile("href=\"([^\"]+)\">More history</a>");

    @Inject
    Fixtures fixtures;

    @Inject
    EntityManager em;

    Team team;
    User approver;
    User member;
    String page;
    String api;
    List<Long> active;
    List<String> retired;

    /** Five active keys and four removed ones ({@code hist-0} oldest). */
    @BeforeEach
    void setUp() {
        new FakeProbe().install();
        team = fixtures.team("keypages");
        approver = fixtures.user("keypappr");
        member = fixtures.user("keypmemb");
        fixtures.member(team, approver, TeamRole.APPROVER);
        fixtures.member(team, member, TeamRole.MEMBER);
        page = "/teams/" + team.slug + "/credentials";
        api = "/api/v1" + page;
        retired = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long id = Keys.add(approver, team.slug, "hist-" + i, "retired-key-value-000" + i, List.of("PublishApp"));
            given().auth().preemptive().basic(approver.username, Fixtures.PASSWORD).delete(api + "/" + id)
                    .then().statusCode(204);
            retired.add(0, "hist-" + i);
        }
        active = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            active.add(0, Keys.add(approver, team.slug, "live-" + i, "active-key-value-0000" + i, List.of("Tasks")));
        }
    }

    private String html(String path) {
        return given().auth().preemptive().basic(member.username, Fixtures.PASSWORD).get(path)
                .then().statusCode(200).extract().asString();
    }

    private static List<String> rows(String html, Pattern row) {
        List<String> found = new ArrayList<>();
        Matcher m = row.matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String link(String html, Pattern next) {
        Matcher m = next.matcher(html);
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
    }

    /** Follows one list's links from {@code path}: its rows page by page, each at most {@code limit}. */
    private <T> List<T> walk(String path, Pattern row, Pattern next, int limit, Function<String, T> value) {
        List<T> seen = new ArrayList<>();
        String at = path;
        for (int pages = 0; at != null; pages++) {
            assertTrue(pages < 100, "the links end");
            String html = html(at);
            List<String> found = rows(html, row);
            assertTrue(found.size() <= limit, at + " showed " + found.size());
            at = link(html, next);
            if (at != null) {
                assertEquals(limit, found.size(), "a page before the last is full");
            }
            found.forEach(v -> seen.add(value.apply(v)));
        }
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no row twice: " + seen);
        return seen;
    }

    @Test
    void thePageWalksTheActiveKeysAndTheHistoryEachByItsOwnLink() {
        assertEquals(active, walk(page + "?limit=2", ACTIVE_ROW, MORE_ACTIVE, 2, Long::valueOf), "newest first");
        assertEquals(retired, walk(page + "?limit=3", HISTORY_ROW, MORE_HISTORY, 3, Function.identity()),
                "newest first");
    }

    @Test
    void eachListsLinkKeepsTheOtherListsPlace() {
        String first = html(page + "?limit=2");
        String moreHistory = link(first, MORE_HISTORY);
        String secondHistory = html(moreHistory);
        assertEquals(retired.subList(2, 4), rows(secondHistory, HISTORY_ROW));
        assertEquals(List.of(active.get(0), active.get(1)),
                rows(secondHistory, ACTIVE_ROW).stream().map(Long::valueOf).toList(), "the active keys stay put");
        String moreActive = link(secondHistory, MORE_ACTIVE);
        assertTrue(moreActive.contains("historyCursor=") && moreActive.contains("cursor=") && moreActive.contains("limit=2"),
                moreActive);
        String both = html(moreActive);
        assertEquals(List.of(active.get(2), active.get(3)), rows(both, ACTIVE_ROW).stream().map(Long::valueOf).toList());
        assertEquals(retired.subList(2, 4), rows(both, HISTORY_ROW), "the history stays put");
        assertNull(link(both, MORE_HISTORY), "the history ended");
    }

    @Test
    void aFormShownAgainShowsTheFirstPages() {
        String shown = CredentialPageTest.form(approver, page).formParam("label", "").formParam("key", "short")
                .when().post(page).then().statusCode(400).extract().asString();
        assertEquals(active, rows(shown, ACTIVE_ROW).stream().map(Long::valueOf).toList(), "five fit in the default 50");
        assertEquals(retired, rows(shown, HISTORY_ROW));
        assertNull(link(shown, MORE_ACTIVE));
    }

    @Test
    void aBadLimitOrCursorIsA400() {
        for (String bad : List.of("limit=0", "limit=501", "limit=x", "cursor=abc", "cursor=-3", "historyCursor=x")) {
            given().auth().preemptive().basic(member.username, Fixtures.PASSWORD).get(page + "?" + bad)
                    .then().statusCode(400).contentType(containsString("text/html")).body(containsString("Invalid input"))
                    .body(containsString(bad.substring(0, bad.indexOf('='))));
        }
        for (String bad : List.of("limit=0", "limit=501", "limit=x")) {
            Keys.get(member, api + "?" + bad).statusCode(400).body("details.field", hasItem("limit"));
        }
        Keys.get(member, api + "?history=true&cursor=abc").statusCode(400).body("details.field", hasItem("cursor"));
    }

    @Test
    void outsidersStillGet404AtAnyPage() {
        User outsider = fixtures.user("keypout");
        given().auth().preemptive().basic(outsider.username, Fixtures.PASSWORD).get(page + "?limit=2")
                .then().statusCode(404);
        Keys.get(outsider, api + "?limit=2&history=true").statusCode(404);
    }

    @Test
    void theApiPagesTheActiveKeysOrAllWithHistory() {
        assertEquals(active, walkApi(api + "?limit=2", 2));
        List<Long> all = walkApi(api + "?history=true&limit=4", 4);
        assertEquals(9, all.size());
        List<Long> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.reverseOrder());
        assertEquals(sorted, all, "newest first");
        assertTrue(all.containsAll(active));
    }

    private List<Long> walkApi(String path, int limit) {
        List<Long> ids = new ArrayList<>();
        String next = path;
        for (int pages = 0; next != null; pages++) {
            assertTrue(pages < 100, "the links end");
            Response answer = given().auth().preemptive().basic(member.username, Fixtures.PASSWORD).get(next)
                    .then().statusCode(200).extract().response();
            List<Long> items = answer.jsonPath().getList("id", Long.class);
            assertTrue(items.size() <= limit);
            ids.addAll(items);
            String link = answer.header("Link");
            if (link != null) {
                assertEquals(limit, items.size(), "a page before the last is full");
                assertTrue(link.contains("history=") == path.contains("history="), "the link keeps the filter: " + link);
            }
            next = link == null ? null : link.substring(1, link.indexOf('>'));
        }
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no key twice: " + ids);
        return ids;
    }

    @Test
    void aPageIsOneStatementWhateverItsLength() {
        Team keys = Team.findById(team.id);
        for (Paging paging : List.of(new Paging(1, null), new Paging(50, null), new Paging(2, active.get(1)))) {
            assertEquals(1, statements(() -> Credential.activePage(keys, paging)), "active " + paging);
            assertEquals(1, statements(() -> Credential.retiredPage(keys, paging)), "history " + paging);
            assertEquals(1, statements(() -> Credential.allPage(keys, paging)), "all " + paging);
        }
    }

    /** Statements to read a page and turn each row into what the page and the API show of it. */
    private static int statements(java.util.function.Supplier<Paging.Page<Credential>> page) {
        return StatementCounter.count(() -> QuarkusTransaction.requiringNew().call(() -> {
            Paging.Page<Credential> read = page.get();
            for (Credential c : read.items()) {
                CredentialView.of(c);
                if (!c.isActive()) {
                    CredentialTemplates.retired(c);
                }
            }
            return read;
        })).statements();
    }

    @Test
    void everyKeyListWalksTheTeamsIndexNewestFirst() {
        long teamId = team.id;
        List<String> plans = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("analyze credential").executeUpdate();
            for (String setting : List.of("enable_seqscan", "enable_bitmapscan", "enable_sort")) {
                em.createNativeQuery("set local " + setting + " = off").executeUpdate();
            }
            List<String> out = new ArrayList<>();
            for (String state : List.of(" and replaced_at is null and removed_at is null",
                    " and (replaced_at is not null or removed_at is not null)", "")) {
                String query = "select id from credential where team_id = " + teamId + state
                        + " and id < 1000000 order by id desc limit 51";
                @SuppressWarnings("unchecked")
                List<String> plan = em.createNativeQuery("explain " + query).getResultList();
                out.add(query + " => " + String.join(" | ", plan));
            }
            return out;
        });
        for (String plan : plans) {
            assertTrue(plan.contains("credential_team_id_ix") && !plan.contains("Sort"), plan);
        }
    }
}
