package io.progate.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.access.EntityLabel;
import io.progate.account.ApiToken;
import io.progate.account.User;
import io.progate.common.Paging;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.StatementCounter;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every JSON list pages like the request list: {@code limit} (50, at most 500), a keyset {@code cursor},
 * {@code Link: <...>; rel="next"} and {@code X-Next-Cursor} while more follow; one statement a page; an
 * index in the list's order behind each.
 */
@QuarkusTest
class ListPagingTest {

    @Inject
    Fixtures fixtures;

    @Inject
    EntityManager em;

    /** Follows the next links from {@code path}; every page at most {@code limit} long; the values of {@code field}. */
    private static <T> List<T> walk(Supplier<RequestSpecification> as, String path, String field, int limit) {
        List<T> values = new ArrayList<>();
        String next = path;
        for (int pages = 0; next != null; pages++) {
            assertTrue(pages < 1000, "the links end");
            Response page = as.get().get(next).then().statusCode(200).extract().response();
            List<T> items = page.jsonPath().getList(field);
            assertTrue(items.size() <= limit, next + " answered " + items.size());
            values.addAll(items);
            String link = page.header("Link");
            if (link != null) {
                assertTrue(link.endsWith(">; rel=\"next\""), link);
                assertEquals(link.substring(link.indexOf("cursor=") + 7, link.indexOf('>')), page.header("X-Next-Cursor"));
                assertEquals(limit, items.size(), "a page before the last is full");
            }
            next = link == null ? null : link.substring(1, link.indexOf('>'));
        }
        assertEquals(values.size(), new HashSet<>(values).size(), "no row twice: " + values);
        return values;
    }

    private static Supplier<RequestSpecification> basic(User user) {
        return () -> given().auth().preemptive().basic(user.username, Fixtures.PASSWORD);
    }

    @Test
    void usersPageByUserNameAndRefuseABadLimitOrCursor() {
        User admin = fixtures.admin("userpager");
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(fixtures.user("paged-user").username);
        }
        List<String> names = walk(basic(admin), "/api/v1/users?limit=3", "username", 3);
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        assertEquals(sorted, names, "by user name");
        assertTrue(names.containsAll(mine));
        List<Object> fifty = basic(admin).get().get("/api/v1/users").then().statusCode(200).extract().jsonPath()
                .getList("$");
        assertTrue(fifty.size() <= Paging.DEFAULT_LIMIT);
        for (String bad : List.of("limit=0", "limit=501", "limit=x", "cursor=abc", "cursor=-3")) {
            basic(admin).get().get("/api/v1/users?" + bad).then().statusCode(400);
        }
    }

    @Test
    void tokensPageNewestFirst() {
        User user = fixtures.user("tokenpager");
        for (int i = 0; i < 5; i++) {
            basic(user).get().contentType("application/json").body(Map.of("name", "t" + i, "scopes", List.of("read")))
                    .post("/api/v1/me/tokens").then().statusCode(201);
        }
        List<String> names = walk(basic(user), "/api/v1/me/tokens?limit=2", "name", 2);
        assertEquals(List.of("t4", "t3", "t2", "t1", "t0"), names);
    }

    @Test
    void teamsPageByNameForAdminsAndMembers() {
        User admin = fixtures.admin("teampager");
        User member = fixtures.user("teampagemember");
        List<String> own = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Team team = fixtures.team("pagedteam");
            fixtures.member(team, member, TeamRole.MEMBER);
            own.add(team.slug);
        }
        fixtures.team("notmine");
        List<String> seen = walk(basic(member), "/api/v1/teams?limit=2", "slug", 2);
        assertEquals(new HashSet<>(own), new HashSet<>(seen), "exactly the member's teams");
        List<Map<String, Object>> teams = walk(basic(admin), "/api/v1/teams?limit=4", "$", 4);
        List<String> all = teams.stream().map(t -> (String) t.get("name")).toList();
        List<String> sorted = new ArrayList<>(all);
        sorted.sort(null);
        assertEquals(sorted, all, "by name");
        assertEquals(Team.count(), all.size(), "every team, for an admin");
    }

    @Test
    void labelsPageByEntityId() {
        User admin = fixtures.admin("labelpager");
        Team team = fixtures.team("labelpaged");
        for (long id : new long[] {42, 7, 19, 3, 100}) {
            basic(admin).get().contentType("application/json").body(Map.of("label", "entity " + id))
                    .put("/api/v1/teams/" + team.slug + "/entity-labels/" + id).then().statusCode(200);
        }
        List<Integer> ids = walk(basic(admin), "/api/v1/teams/" + team.slug + "/entity-labels?limit=2", "entityId", 2);
        assertEquals(List.of(3, 7, 19, 42, 100), ids);
    }

    @Test
    void aPageIsOneStatementAtAnyDepth() {
        User member = fixtures.user("onestatement");
        Team team = fixtures.team("onestatement");
        fixtures.member(team, member, TeamRole.MEMBER);
        Paging deep = new Paging(50, member.id);
        Paging deepTeam = new Paging(50, team.id);
        assertEquals(1, statements(() -> User.page(deep)), "users");
        assertEquals(1, statements(() -> ApiToken.pageOf(member, deep)), "tokens");
        assertEquals(1, statements(() -> Team.page(null, deepTeam)), "teams, admin");
        assertEquals(1, statements(() -> Team.page(member, deepTeam)), "teams, member");
        assertEquals(1, statements(() -> EntityLabel.pageOf(team.id, new Paging(50, 10L))), "labels");
    }

    private static int statements(Supplier<Paging.Page<?>> page) {
        return StatementCounter.count(() -> QuarkusTransaction.requiringNew().call(page::get)).statements();
    }

    @Test
    void everyListWalksAnIndexInItsOrder() {
        User member = fixtures.user("explained");
        Team team = fixtures.team("explained");
        List<String> plans = QuarkusTransaction.requiringNew().call(() -> {
            for (String table : List.of("app_user", "api_token", "team", "team_member", "entity_label")) {
                em.createNativeQuery("analyze " + table).executeUpdate();
            }
            // tables this small would be read whole; forbid what a large one would not get
            for (String setting : List.of("enable_seqscan", "enable_bitmapscan", "enable_sort")) {
                em.createNativeQuery("set local " + setting + " = off").executeUpdate();
            }
            List<String> out = new ArrayList<>();
            for (String query : List.of(
                    "select id from app_user where username > 'm' order by username limit 51",
                    "select id from api_token where user_id = " + member.id + " and id < 1000 order by id desc limit 51",
                    "select id from team where name > 'm' or (name = 'm' and id > 5) order by name, id limit 51",
                    "select id from entity_label where team_id = " + team.id + " and entity_id > 10 order by entity_id limit 51")) {
                @SuppressWarnings("unchecked")
                List<String> plan = em.createNativeQuery("explain " + query).getResultList();
                out.add(query + " => " + String.join(" | ", plan));
            }
            return out;
        });
        for (String plan : plans) {
            assertTrue(plan.contains("Index") && !plan.contains("Seq Scan") && !plan.contains("Sort"),
                    "walks an index in the list's order: " + plan);
        }
    }
}
