package io.progate.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.progate.account.User;
import io.progate.fixtures.Fixtures;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.progate.trail.AuditService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Filters, keyset pages, who sees what, exports that parse back to the same events, the pages. */
@QuarkusTest
class AuditSearchTest {

    @Inject
    Fixtures fixtures;

    @Inject
    AuditTestSupport support;

    @Inject
    AuditLog log;

    @Inject
    AuditService service;

    final ObjectMapper json = new ObjectMapper();

    User admin;
    User member;
    User outsider;
    Team team;
    Team other;
    String target;
    List<Long> mine;

    @BeforeEach
    void events() {
        admin = fixtures.admin("aud-admin");
        member = fixtures.user("aud-member");
        outsider = fixtures.user("aud-outsider");
        team = fixtures.team("aud-a");
        other = fixtures.team("aud-b");
        fixtures.member(team, member, TeamRole.MEMBER);
        fixtures.member(other, outsider, TeamRole.APPROVER);
        target = Fixtures.unique("req");
        mine = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            AuditRecord r = AuditRecord.of("test.search", "request", target).team(team.id)
                    .actor(i % 2 == 0 ? "alice" : "carol")
                    .details(Map.of("step", i, "note", i == 4 ? "needle-" + target : "hay"));
            if (i == 5) {
                r.failure();
            }
            mine.add(QuarkusTransaction.requiringNew().call(() -> log.record(r)).id);
        }
        support.record("test.search", "request", target + "-b", other.id, Map.of("note", "other team"));
        support.record("test.search", "user", target + "-none", null, Map.of("note", "no team"));
    }

    @Test
    void filtersAndKeysetPagesStayStableWhileEventsArrive() {
        Response first = as(admin).queryParam("targetId", target).queryParam("limit", 3).get("/api/v1/audit");
        first.then().statusCode(200);
        assertEquals(List.of(mine.get(6), mine.get(5), mine.get(4)), ids(first));
        String cursor = first.path("nextCursor");
        assertNotNull(cursor);

        support.record("test.search", "request", target, team.id, Map.of("note", "arrived later"));

        Response second = as(admin).queryParam("targetId", target).queryParam("limit", 3)
                .queryParam("cursor", cursor).get("/api/v1/audit");
        assertEquals(List.of(mine.get(3), mine.get(2), mine.get(1)), ids(second));
        Response third = as(admin).queryParam("targetId", target).queryParam("limit", 3)
                .queryParam("cursor", (String) second.path("nextCursor")).get("/api/v1/audit");
        assertEquals(List.of(mine.get(0)), ids(third));
        assertNull(third.path("nextCursor"));

        Response fresh = as(admin).queryParam("targetId", target).queryParam("limit", 3).get("/api/v1/audit");
        assertTrue(ids(fresh).get(0) > mine.get(6), "the new event comes first on a fresh first page");
    }

    @Test
    void eachFilterNarrowsTheEvents() {
        assertEquals(List.of(mine.get(5), mine.get(3), mine.get(1)),
                ids(as(admin).queryParam("targetId", target).queryParam("actor", "carol").get("/api/v1/audit")));
        assertEquals(List.of(mine.get(5)),
                ids(as(admin).queryParam("targetId", target).queryParam("outcome", "failure").get("/api/v1/audit")));
        assertEquals(List.of(mine.get(4)), ids(as(admin).queryParam("q", "needle-" + target).get("/api/v1/audit")));
        assertEquals(7, ids(as(admin).queryParam("team", team.slug).queryParam("action", "test.search")
                .queryParam("targetType", "request").queryParam("targetId", target).get("/api/v1/audit")).size());
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        assertEquals(7, ids(as(admin).queryParam("targetId", target).queryParam("from", today).queryParam("to", today)
                .get("/api/v1/audit")).size());
        assertEquals(List.of(), ids(as(admin).queryParam("targetId", target).queryParam("from", tomorrow)
                .get("/api/v1/audit")));
        assertEquals(List.of(), ids(as(admin).queryParam("targetId", target)
                .queryParam("to", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString()).get("/api/v1/audit")));
        as(admin).queryParam("targetId", target).get("/api/v1/audit").then()
                .body("events[0].team", equalTo(team.slug))
                .body("events[0].details.step", equalTo(6))
                .body("events[0].hash.size()", equalTo(64));
    }

    @Test
    void membersSeeOnlyTheirTeamsEvents() {
        as(member).queryParam("targetId", target).get("/api/v1/audit").then().statusCode(200)
                .body("events.targetId", everyItem(equalTo(target)))
                .body("events.size()", equalTo(7));
        as(outsider).queryParam("targetId", target).get("/api/v1/audit").then().statusCode(200)
                .body("events", empty());
        as(outsider).queryParam("team", team.slug).get("/api/v1/audit").then().statusCode(404);
        as(outsider).queryParam("targetId", target).get("/api/v1/audit/export?format=jsonl").then().statusCode(200)
                .body(equalTo(""));
        as(member).queryParam("targetId", target + "-none").get("/api/v1/audit").then().body("events", empty());
        as(admin).queryParam("targetId", target + "-none").get("/api/v1/audit").then().body("events.size()", equalTo(1));
        as(member).get("/api/v1/audit").then().body("events.teamId", everyItem(equalTo(team.id.intValue())));
    }

    @Test
    void badParametersAre400() {
        for (Map.Entry<String, String> bad : Map.of("limit", "0", "cursor", "abc", "from", "yesterday",
                "outcome", "MAYBE", "to", "2026-13-45").entrySet()) {
            as(admin).queryParam(bad.getKey(), bad.getValue()).get("/api/v1/audit").then().statusCode(400)
                    .body("details.field", hasItem(bad.getKey()));
        }
        as(admin).get("/api/v1/audit/export?format=xml").then().statusCode(400);
        as(admin).get("/api/v1/audit/verify?from=x").then().statusCode(400);
        given().get("/api/v1/audit").then().statusCode(401);
    }

    @Test
    void exportsParseBackToTheSameEvents() throws Exception {
        JsonNode page = json.readTree(as(admin).queryParam("targetId", target).get("/api/v1/audit").asString());
        JsonNode events = page.get("events");
        assertEquals(7, events.size());

        Response csv = as(admin).queryParam("targetId", target).get("/api/v1/audit/export?format=csv");
        csv.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("audit.csv"));
        MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv.asString());
        List<Map<String, String>> parsed = rows.readAll();
        assertEquals(events.size(), parsed.size());
        for (int i = 0; i < parsed.size(); i++) {
            Map<String, String> row = parsed.get(i);
            JsonNode event = events.get(i);
            for (String field : List.of("id", "occurredAt", "actor", "teamId", "team", "action", "targetType",
                    "targetId", "outcome", "prevHash", "hash")) {
                assertEquals(event.get(field).asText(), row.get(field), field);
            }
            assertEquals(event.get("details"), json.readTree(row.get("details")));
        }

        Response jsonl = as(admin).queryParam("targetId", target).get("/api/v1/audit/export?format=jsonl");
        jsonl.then().statusCode(200).contentType(containsString("application/x-ndjson"));
        String[] lines = jsonl.asString().split("\n");
        assertEquals(events.size(), lines.length);
        for (int i = 0; i < lines.length; i++) {
            assertEquals(events.get(i), json.readTree(lines[i]));
        }
    }

    @Test
    void exportWalksPastOneBatch() throws Exception {
        String many = Fixtures.unique("many");
        int count = AuditSearch.EXPORT_BATCH + 5;
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < count; i++) {
                log.record(AuditRecord.of("test.bulk", "request", many).actor(AuditLog.SYSTEM).details(Map.of("i", i)));
            }
        });
        String[] lines = as(admin).queryParam("targetId", many).get("/api/v1/audit/export?format=jsonl").asString()
                .split("\n");
        assertEquals(count, lines.length);
        long previous = Long.MAX_VALUE;
        for (String line : lines) {
            long id = json.readTree(line).get("id").asLong();
            assertTrue(id < previous, "newest first, no repeats");
            previous = id;
        }
        assertEquals(0, json.readTree(lines[count - 1]).get("details").get("i").asInt());
    }

    @Test
    void trailOfTellsATargetsStoryOldestFirst() {
        List<AuditEntry> trail = service.trailOf("request", target);
        assertEquals(mine, trail.stream().map(AuditEntry::id).toList());
    }

    @Test
    void auditPageShowsTheTeamsEventsWithOlderLinkAndExports() {
        String html = as(member).queryParam("targetId", target).queryParam("limit", 5).get("/audit")
                .then().statusCode(200).extract().asString();
        assertTrue(html.contains("id=\"audit-" + mine.get(6) + "\""), "newest event shown");
        assertTrue(!html.contains("id=\"audit-" + mine.get(1) + "\""), "older events on the next page");
        assertTrue(html.contains("/audit?targetId=" + target + "&amp;limit=5&amp;cursor=" + mine.get(2)), "older link");
        assertTrue(html.contains("/api/v1/audit/export?format=csv&amp;targetId=" + target), "export link");
        as(outsider).queryParam("targetId", target).get("/audit").then().statusCode(200)
                .body(not(containsString("id=\"audit-" + mine.get(6) + "\"")));
        as(member).queryParam("team", other.slug).get("/audit").then().statusCode(404);
        given().redirects().follow(false).get("/audit").then().statusCode(302)
                .header("Location", containsString("/login"));
    }

    @Test
    void verifyPageRunsForAdmins() {
        as(admin).get("/admin/audit/verify").then().statusCode(200).body(containsString("Verify now"))
                .body(not(containsString("verify-result")));
        as(admin).get("/admin/audit/verify?run=1").then().statusCode(200).body(containsString("Chain OK"));
    }

    private static RequestSpecification as(User user) {
        return given().auth().preemptive().basic(user.username, Fixtures.PASSWORD);
    }

    private static List<Long> ids(Response response) {
        response.then().statusCode(200);
        List<Number> raw = response.path("events.id");
        return raw.stream().map(Number::longValue).toList();
    }

}
