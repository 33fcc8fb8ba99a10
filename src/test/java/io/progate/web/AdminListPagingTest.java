package io.progate.web;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.common.Paging;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Sessions;
import io.progate.fixtures.StatementCounter;
import io.progate.team.Team;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The admin pages of users and teams page like the request list: {@code limit} (50, at most 500), a keyset
 * {@code cursor}, a "Next page" link while more follow; one statement a page; a form shown again with its
 * errors shows the first page.
 */
@QuarkusTest
class AdminListPagingTest {

    private static final Pattern NEXT = Pattern.compile("rel=\"next\" href=\"([^\"]+)\"");
    private static final Pattern USER_ROW = Pattern.compile("<tr id=\"user-([^\"]+)\">");
    private static final Pattern TEAM_ROW = Pattern.compile("<td><a href=\"/teams/[^\"]+\">[^<]*</a></td><td>([^<]+)</td>");

    @Inject
    Fixtures fixtures;

    /** A page: the values of its rows and its next link (null on the last page). */
    record Page(List<String> rows, String next) {
    }

    private static Page page(Sessions.Session session, String path, Pattern row) {
        String html = session.get(path).then().statusCode(200).extract().asString();
        return parse(html, row);
    }

    private static Page parse(String html, Pattern row) {
        List<String> rows = new ArrayList<>();
        Matcher m = row.matcher(html);
        while (m.find()) {
            rows.add(m.group(1));
        }
        Matcher next = NEXT.matcher(html);
        return new Page(rows, next.find() ? next.group(1).replace("&amp;", "&") : null);
    }

    /** Follows the next links from {@code path}; every page at most {@code limit} rows, pages before the last full. */
    private static List<String> walk(Sessions.Session session, String path, Pattern row, int limit) {
        List<String> values = new ArrayList<>();
        String next = path;
        for (int pages = 0; next != null; pages++) {
            assertTrue(pages < 1000, "the links end");
            Page page = page(session, next, row);
            assertTrue(page.rows().size() <= limit, next + " showed " + page.rows().size());
            if (page.next() != null) {
                assertEquals(limit, page.rows().size(), "a page before the last is full: " + next);
                assertTrue(page.next().contains("limit=" + limit), "the link keeps the limit: " + page.next());
            }
            values.addAll(page.rows());
            next = page.next();
        }
        assertEquals(values.size(), new HashSet<>(values).size(), "no row twice: " + values);
        return values;
    }

    @Test
    void theUsersPageWalksEveryUserByNameWithoutGapsOrRepeats() {
        User admin = fixtures.admin("htmluserpager");
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(fixtures.user("htmlpaged").username);
        }
        Sessions.Session session = Sessions.signIn(admin.username, Fixtures.PASSWORD);
        List<String> names = walk(session, "/admin/users?limit=3", USER_ROW, 3);
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        assertEquals(sorted, names, "by user name");
        assertTrue(names.containsAll(mine), "every user on some page");
        assertEquals(User.count(), names.size(), "no gaps: every user once");
    }

    @Test
    void theTeamsPageWalksEveryTeamByNameEvenWhenNamesRepeat() {
        User admin = fixtures.admin("htmlteampager");
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(fixtures.team("samename").slug); // every one is named "Team samename"
        }
        Sessions.Session session = Sessions.signIn(admin.username, Fixtures.PASSWORD);
        List<String> slugs = walk(session, "/admin/teams?limit=2", TEAM_ROW, 2);
        assertTrue(slugs.containsAll(mine), "every team of one name on some page: " + slugs);
        assertEquals(Team.count(), slugs.size(), "no gaps: every team once");
    }

    @Test
    void theFirstPageIsFiftyRowsAtMost() {
        User admin = fixtures.admin("htmldefault");
        Sessions.Session session = Sessions.signIn(admin.username, Fixtures.PASSWORD);
        Page users = page(session, "/admin/users", USER_ROW);
        assertEquals(Math.min(User.count(), Paging.DEFAULT_LIMIT), users.rows().size());
        assertEquals(User.count() > Paging.DEFAULT_LIMIT, users.next() != null, "a next link while more follow");
        Page teams = page(session, "/admin/teams", TEAM_ROW);
        assertEquals(Math.min(Team.count(), Paging.DEFAULT_LIMIT), teams.rows().size());
        // other tests share the database: whether all users fit in 500 depends on how many they made
        Page most = page(session, "/admin/users?limit=500", USER_ROW);
        assertEquals(Math.min(User.count(), Paging.MAX_LIMIT), most.rows().size());
        assertEquals(User.count() > Paging.MAX_LIMIT, most.next() != null, "a next link only while more follow");
    }

    @Test
    void aBadLimitOrCursorIsAn400ErrorPage() {
        User admin = fixtures.admin("htmlbadlimit");
        Sessions.Session session = Sessions.signIn(admin.username, Fixtures.PASSWORD);
        for (String page : List.of("/admin/users", "/admin/teams")) {
            for (String bad : List.of("limit=0", "limit=501", "limit=x", "cursor=abc", "cursor=-3")) {
                session.get(page + "?" + bad).then().statusCode(400).contentType(containsString("text/html"))
                        .body(containsString("Invalid input"))
                        .body(containsString(bad.startsWith("limit") ? "limit" : "cursor"));
            }
        }
    }

    @Test
    void aFormShownAgainWithItsErrorsShowsTheFirstPage() {
        User admin = fixtures.admin("htmlrerender");
        fixtures.team("rerender");
        Sessions.Session session = Sessions.signIn(admin.username, Fixtures.PASSWORD);
        Page firstUsers = page(session, "/admin/users", USER_ROW);
        String users = session.postForm("/admin/users", "username", "Bad Name!", "displayName", "x", "email", "nope",
                "password", "short").then().statusCode(400).extract().asString();
        Page shownUsers = parse(users, USER_ROW);
        assertEquals(firstUsers.rows(), shownUsers.rows());
        assertEquals(firstUsers.next(), shownUsers.next());

        Page firstTeams = page(session, "/admin/teams", TEAM_ROW);
        String teams = session.postForm("/admin/teams", "slug", "Bad Slug!", "name", "", "proUrl", "nope")
                .then().statusCode(400).extract().asString();
        Page shownTeams = parse(teams, TEAM_ROW);
        assertEquals(firstTeams.rows(), shownTeams.rows());
        assertEquals(firstTeams.next(), shownTeams.next());
    }

    @Test
    void nonAdminsStillGet403WithOrWithoutPaging() {
        User user = fixtures.user("htmlnotadmin");
        Sessions.Session session = Sessions.signIn(user.username, Fixtures.PASSWORD);
        for (String page : List.of("/admin/users?limit=2", "/admin/teams?limit=2&cursor=1", "/admin/users?limit=x")) {
            session.get(page).then().statusCode(403);
        }
    }

    @Test
    void aPageTakesOneStatementWhateverItsLength() {
        for (int i = 0; i < 6; i++) {
            fixtures.user("htmlcount");
            fixtures.team("htmlcount");
        }
        assertEquals(1, statements(() -> User.page(new Paging(1, null))), "users, 1 row");
        assertEquals(1, statements(() -> User.page(new Paging(6, null))), "users, 6 rows");
        assertEquals(1, statements(() -> Team.page(null, new Paging(1, null))), "teams, 1 row");
        assertEquals(1, statements(() -> Team.page(null, new Paging(6, null))), "teams, 6 rows");
    }

    /** Statements to read a page and everything its page template shows of the rows. */
    private static int statements(Supplier<Paging.Page<?>> page) {
        return StatementCounter.count(() -> QuarkusTransaction.requiringNew().call(() -> {
            Paging.Page<?> read = page.get();
            for (Object row : read.items()) {
                if (row instanceof User u) {
                    assertTrue(u.username != null && u.displayName != null && u.email != null);
                } else if (row instanceof Team t) {
                    assertTrue(t.slug != null && t.name != null && t.proUrl != null);
                }
            }
            return read;
        })).statements();
    }
}
