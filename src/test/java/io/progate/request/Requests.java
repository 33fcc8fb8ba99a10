package io.progate.request;

import static io.restassured.RestAssured.given;

import io.progate.account.User;
import io.progate.support.Fixtures;
import io.progate.team.Team;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** Calls of the request API for tests, as a given user. */
public final class Requests {

    private Requests() {
    }

    public static RequestSpecification as(User user) {
        return given().auth().preemptive().basic(user.username, Fixtures.PASSWORD);
    }

    public static String publishJson(String name, String version, String extra) {
        return "{\"type\":\"PUBLISH\",\"reason\":\"first release\",\"metadata\":{\"name\":\"" + name
                + "\",\"projectVersion\":\"" + version + "\",\"aimmsVersionId\":\"24.6.2.9-linux64-x86-vc143\""
                + ",\"description\":\"Plans routes\",\"attributes\":{\"isWebUI\":\"true\"}" + extra + "}}";
    }

    public static Response publish(User user, Team team, String requestJson, byte[] file) {
        RequestSpecification spec = as(user).multiPart("request", requestJson, "application/json");
        if (file != null) {
            spec = spec.multiPart("file", "app.aimmspack", file, "application/octet-stream");
        }
        return spec.when().post("/api/v1/teams/" + team.slug + "/requests");
    }

    /** A valid publish request of a WebUI project; answers its id. */
    public static long published(User user, Team team, String name) {
        return publish(user, team, publishJson(name, "1.0", ""), Zips.project(true))
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static Response json(User user, Team team, String body) {
        return as(user).contentType("application/json").body(body).when().post("/api/v1/teams/" + team.slug + "/requests");
    }

    public static long deleteRequest(User user, Team team, String app, String version) {
        return json(user, team, "{\"type\":\"DELETE\",\"reason\":\"retired\",\"appName\":\"" + app
                + "\",\"appVersion\":\"" + version + "\"}").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static Response act(User user, long id, String action, String comment) {
        RequestSpecification spec = as(user).contentType("application/json");
        if (comment != null) {
            spec = spec.body(Map.of("comment", comment));
        }
        return spec.when().post("/api/v1/requests/" + id + "/" + action);
    }

    public static String status(User user, long id) {
        return as(user).get("/api/v1/requests/" + id).then().statusCode(200).extract().jsonPath().getString("status");
    }
}
