package io.progate.request.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.progate.fixtures.ExecutionFixtures;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Requests;
import io.progate.pro.model.AppUpdate;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestStatus;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** A request's page tells its story: a status stepper, the timeline as sentences with the raw event a click away, the outcome in words. */
@QuarkusTest
class RequestStoryPageTest {

    @Inject
    ExecutionFixtures x;

    @Test
    void theTimelineReadsAsSentencesAndTheStepperShowsTheApprovals() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Story");
        x.publishDirectly(name, "1.0");
        ReleaseRequest r = x.fileUpdate(t, name, "1.0", new AppUpdate("words", null, null, null, null, null));
        Requests.act(t.author(), r.id, "approve", "mine").then().statusCode(403);
        Requests.act(t.approver(), r.id, "approve", "looks fine").then().statusCode(200);

        Requests.as(t.author()).get("/requests/" + r.id).then().statusCode(200)
                .body(containsString("id=\"status-stepper\""))
                .body(containsString("<li class=\"step step-done\">Approvals 1/1</li>"))
                .body(containsString("<li class=\"step step-waiting\">Executing</li>"))
                .body(containsString("Approved: waiting for ProGate to carry it out."))
                .body(containsString(" filed the update of " + name + " 1.0 · needs 1 approval"))
                .body(containsString(t.approver().displayName + " approved · &#39;looks fine&#39;"))
                .body(containsString(t.author().displayName + " tried to approve; refused: "))
                .body(containsString("Approved: ProGate will carry it out"))
                .body(containsString("<details class=\"audit-raw\"><summary>details</summary>"))
                .body(containsString("<code>request.approve</code>"));
        Requests.as(t.author()).get("/audit?team=" + t.team().slug).then().statusCode(200)
                .body(containsString(t.approver().displayName + " approved · &#39;looks fine&#39;"));
    }

    @Test
    void theOutcomeReadsInWordsWithTheRawJsonOneClickAway() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Told");
        x.publishDirectly(name, "1.0");
        ReleaseRequest r = x.fileUpdate(t, name, "1.0", new AppUpdate("words", null, null, null, null, null));
        x.finishAs(r.id, RequestStatus.FAILED, "{\"status\":\"FAILED\",\"message\":\"PRO refused the change\",\"proStatus\":409,"
                + "\"attempts\":1,\"reconciled\":false}");

        Requests.as(t.author()).get("/requests/" + r.id).then().statusCode(200)
                .body(containsString("<p id=\"outcome-text\">Failed after 1 attempt, PRO answered 409: PRO refused the change.</p>"))
                .body(containsString("<details><summary>Raw outcome</summary>"))
                .body(containsString("<li class=\"step step-failed\">Failed</li>"))
                .body(not(containsString("id=\"blast-radius\"")));
    }

}
