package io.progate.request;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Requests;
import io.progate.fixtures.SandboxTeams;
import io.progate.fixtures.SmallQuotaProfile;
import io.progate.fixtures.Zips;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A team whose pending packages fill its quota cannot upload more until some go. */
@QuarkusTest
@TestProfile(SmallQuotaProfile.class)
class SmallQuotaTest {

    @Inject
    Fixtures fixtures;

    @Inject
    SandboxTeams sandbox;

    @Inject
    RequestService requests;

    private static String announce(User user, Team team, long length) {
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(5000);
            String basic = java.util.Base64.getEncoder().encodeToString((user.username + ":" + Fixtures.PASSWORD)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().write(("POST /api/v1/teams/" + team.slug + "/requests HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Basic " + basic + "\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                    + "Content-Length: " + length + "\r\n\r\n--b\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void uploadsPastTheQuotaAreRefusedUntilPendingPackagesGo() {
        Team team = sandbox.team("fullquota");
        User owner = fixtures.user("quotaowner");
        fixtures.member(team, owner, TeamRole.MEMBER);
        byte[] big = Zips.bigProject(2_400_000);
        assertTrue(big.length > 1_650_000 && big.length < 2_050_000, "package of " + big.length);

        long first = Requests.publish(owner, team, Requests.publishJson("QuotaOne", "1.0", ""), big)
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long before = QuarkusTransaction.requiringNew().call(() -> ReleaseRequest.count("team.id", team.id));
        Requests.publish(owner, team, Requests.publishJson("QuotaTwo", "1.0", ""), big)
                .then().statusCode(400).body("details.message", org.hamcrest.Matchers.hasItem(containsString("quota")));
        // an upload announced too large for what is left is refused before it is read
        assertTrue(announce(owner, team, big.length).startsWith("HTTP/1.1 413"));
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> ReleaseRequest.count("team.id", team.id)),
                "nothing was filed");

        QuarkusTransaction.requiringNew().run(() -> ReleaseRequest.update("expiresAt = ?1 where id = ?2",
                Instant.now().minusSeconds(1), first));
        requests.expireDue(Instant.now());
        Requests.publish(owner, team, Requests.publishJson("QuotaTwo", "1.0", ""), big).then().statusCode(201);
    }
}
