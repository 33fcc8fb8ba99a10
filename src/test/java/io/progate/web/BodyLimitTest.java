package io.progate.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Requests;
import io.progate.fixtures.SandboxTeams;
import io.progate.fixtures.Zips;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Large bodies only where packages are published; elsewhere a body announced too large is refused before
 * it is read, and a publish by someone who may not file for the team is refused before it is spooled.
 * The raw-socket tests send the headers and a first slice only: an answer that comes anyway shows the
 * server did not wait for (or store) the rest.
 */
@QuarkusTest
class BodyLimitTest {

    @Inject
    Fixtures fixtures;

    @Inject
    SandboxTeams sandbox;

    @Test
    void aLargeBodyOutsideThePublishRoutesIsRefusedBeforeItIsRead() throws IOException {
        User user = fixtures.user("bigbody");
        String answer = sendHeadersOnly("POST /api/v1/me/tokens", basic(user), "application/json", 50L * 1024 * 1024);
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
    }

    @Test
    void aBodyOfUnannouncedLengthOutsideThePublishRoutesIsRefused() throws IOException {
        User user = fixtures.user("chunked");
        try (Socket socket = socket()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/me/tokens HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic(user)
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"na\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertTrue(status.startsWith("HTTP/1.1 411"), status);
        }
    }

    @Test
    void aMegabyteAndAHalfIsTooMuchForAnOrdinaryCallButFineForAPublish() {
        Team team = sandbox.team("bigpublish");
        User owner = fixtures.user("bigowner");
        fixtures.member(team, owner, TeamRole.MEMBER);
        String padding = "x".repeat(1_500_000);
        Requests.as(owner).contentType("application/json").body("{\"name\":\"" + padding + "\"}")
                .post("/api/v1/me/tokens").then().statusCode(413);
        byte[] big = Zips.bigProject(1_600_000);
        assertTrue(big.length > 1_100_000, "package of " + big.length);
        Requests.publish(owner, team, Requests.publishJson("BigOne", "1.0", ""), big).then().statusCode(201);
    }

    @Test
    void aPublishByANonMemberIsRefusedBeforeTheUploadIsRead() throws IOException {
        Team team = sandbox.team("spool");
        User stranger = fixtures.user("stranger");
        User owner = fixtures.user("spoolowner");
        fixtures.member(team, owner, TeamRole.MEMBER);
        String path = "POST /api/v1/teams/" + team.slug + "/requests";
        String answer = sendHeadersOnly(path, basic(stranger), "multipart/form-data; boundary=b0undary", 200L * 1024 * 1024);
        assertTrue(answer.startsWith("HTTP/1.1 404"), answer);
        // a member's upload of the same size is read: no answer comes while the body is still missing
        assertThrows(SocketTimeoutException.class,
                () -> sendHeadersOnly(path, basic(owner), "multipart/form-data; boundary=b0undary", 200L * 1024 * 1024));
    }

    @Test
    void theSandboxStillAnswersThePortalsProClient() {
        given().header("apikey", SandboxTeams.DEMO_KEY).get("/sandbox/pro-api/v2/aimms-versions").then().statusCode(200);
        Requests.as(fixtures.user("plainsize")).contentType("application/json").body("{\"name\":\"small\"}")
                .post("/api/v1/me/tokens").then().statusCode(201);
    }

    private static String basic(User user) {
        return "Basic " + Base64.getEncoder().encodeToString((user.username + ":" + Fixtures.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static Socket socket() throws IOException {
        Socket socket = new Socket("localhost", RestAssured.port);
        socket.setSoTimeout(4000);
        return socket;
    }

    /** Announces {@code length} bytes, sends 1 KiB of them, and reads the status line of the answer. */
    private static String sendHeadersOnly(String requestLine, String authorization, String type, long length)
            throws IOException {
        try (Socket socket = socket()) {
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + authorization
                    + "\r\nContent-Type: " + type + "\r\nContent-Length: " + length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(("--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.aimmspack\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[1024]);
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    @Test
    void publishRoutesAreTheOnlyOnesWithTheLargeLimit() {
        assertEquals(5, RequestGuard.PUBLISH_ROUTES.size());
        assertTrue(RequestGuard.PUBLISH_ROUTES.stream().anyMatch(p -> p.matcher("/teams/acme/tasks/new").matches()));
        assertTrue(RequestGuard.PUBLISH_ROUTES.stream().anyMatch(p -> p.matcher("/sandbox/pro-api/v2/tasks/App/1.0/solve").matches()));
        assertTrue(RequestGuard.PUBLISH_ROUTES.stream().noneMatch(p -> p.matcher("/sandbox/pro-api/v2/tasks/abc").matches()));
        assertTrue(RequestGuard.PUBLISH_ROUTES.stream().anyMatch(p -> p.matcher("/teams/acme/requests/publish").matches()));
        assertTrue(RequestGuard.PUBLISH_ROUTES.stream().noneMatch(p -> p.matcher("/teams/acme/requests/update").matches()));
        assertTrue(Zips.project(true).length > 0);
    }
}
