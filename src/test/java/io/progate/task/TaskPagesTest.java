package io.progate.task;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.fixtures.Sessions;
import io.progate.fixtures.ExecutionFixtures;
import io.progate.execution.ExecutionWorker;
import io.progate.pro.PackageSource;
import io.progate.pro.ProApps;
import io.progate.pro.model.PublishMetadata;
import io.progate.fixtures.SandboxAccounts;
import io.progate.request.RequestStatus;
import io.progate.fixtures.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The task form, the task panel of a request page and the team's tasks page, driven as a browser would. */
@QuarkusTest
class TaskPagesTest {

    @Inject
    ExecutionFixtures x;

    @Inject
    ExecutionWorker worker;

    @Inject
    ProApps apps;

    @Inject
    SandboxAccounts sandbox;

    @Test
    void theTaskFormFilesARequestAndTheTeamsTasksPageLinksItsTask() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team("PublishApp", "Tasks");
        String app = Fixtures.unique("PageTask");
        apps.publish(sandbox.demo(), PublishMetadata.of(app, "1.0", SandboxAccounts.OFFICIAL_VERSION),
                PackageSource.of(SandboxAccounts.pack(app)));
        Sessions.Session author = Sessions.signIn(t.author().username, Fixtures.PASSWORD);
        String formUrl = "/teams/" + t.team().slug + "/tasks/new";
        author.get(formUrl).then().statusCode(200).body(containsString("task-form"));

        author.request().multiPart("reason", "nightly").multiPart("appName", app).multiPart("appVersion", "1.0")
                .multiPart("serviceName", "solve").multiPart("input", "{\"a\": 1}")
                .when().post(formUrl).then().statusCode(400);
        Response filed = author.request().multiPart("progate-csrf", author.csrfTokenFrom(formUrl))
                .multiPart("reason", "nightly").multiPart("appName", app).multiPart("appVersion", "1.0")
                .multiPart("serviceName", "solve").multiPart("input", "{\"a\": 1}")
                .multiPart("file", "", new byte[0], "application/octet-stream")
                .when().post(formUrl);
        assertEquals(303, filed.statusCode(), filed.asString());
        String location = filed.getHeader("Location");
        assertTrue(location.matches(".*/requests/\\d+$"), location);
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        Response refused = author.request().multiPart("progate-csrf", author.csrfTokenFrom(formUrl))
                .multiPart("reason", "nightly").multiPart("appName", app).multiPart("appVersion", "1.0")
                .multiPart("serviceName", "").multiPart("input", "{oops")
                .multiPart("file", "", new byte[0], "application/octet-stream").when().post(formUrl);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().contains("must be JSON") && refused.asString().contains("{oops"));

        author.get("/requests/" + id).then().statusCode(200).body(containsString("data-task=\"/requests/" + id + "/task\""));
        author.get("/requests/" + id + "/task").then().statusCode(200).body(containsString("No task yet"));
        x.approve(t, id);
        worker.runOne(id);
        x.await(id, RequestStatus.SUCCEEDED, RequestStatus.FAILED);
        author.get("/requests/" + id + "/task").then().statusCode(200).body(containsString("task-interrupt-solve"));

        author.get("/teams/" + t.team().slug + "/tasks?app=" + app).then().statusCode(200)
                .body(containsString("href=\"/requests/" + id + "\""));
        author.get("/teams/" + t.team().slug + "/tasks?app=" + app + "&state=failed").then().statusCode(200)
                .body(containsString("No tasks."));
    }
}
