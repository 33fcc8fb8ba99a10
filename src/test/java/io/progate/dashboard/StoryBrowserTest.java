package io.progate.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.fixtures.Browser;
import io.progate.fixtures.ExecutionFixtures;
import io.progate.fixtures.Fixtures;
import io.progate.request.ReleaseRequest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * In a browser: an approver's dashboard lists a delete of an app's last version waiting for them; its
 * page says the app disappears, and after the approval the stepper and the timeline tell the story.
 * Screenshots: target/screenshots/dashboard.png, request-delete-blast-radius.png, request-story.png.
 */
@QuarkusTest
class StoryBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    ExecutionFixtures x;

    @Test
    void anApproverSeesTheDeletesBlastRadiusAndTheStoryOfTheirApproval() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Sunset");
        x.publishDirectly(name, "1.0");
        ReleaseRequest r = x.fileDelete(t, name, "1.0");
        WebDriver driver = Browser.start();
        try {
            Browser.signIn(driver, root, t.approver());
            WebElement waiting = driver.findElement(By.id("waiting-for-me"));
            assertTrue(waiting.getText().contains(name), waiting.getText());
            assertTrue(driver.findElement(By.id("chart-" + t.team().slug)).getText().contains("Requests per week"));
            Browser.screenshot(driver, "dashboard");

            waiting.findElement(By.cssSelector("a[href='/requests/" + r.id + "']")).click();
            Browser.waiting(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("blast-radius")));
            assertEquals("yes: " + name + " disappears from PRO", driver.findElement(By.id("blast-last-version")).getText());
            assertEquals("none", driver.findElement(By.id("blast-latest-after")).getText());
            assertTrue(driver.findElement(By.id("blast-approvals")).getText()
                    .contains("because it deletes the last version of " + name));
            assertTrue(driver.findElement(By.id("status-stepper")).getText().contains("Approvals 0/1"));
            Browser.screenshot(driver, "request-delete-blast-radius");

            driver.findElement(By.id("approve-comment")).sendKeys("looks fine");
            driver.findElement(By.id("approve-button")).click();
            Browser.waiting(driver).until(ExpectedConditions.textToBe(By.id("request-status"), "APPROVED"));
            String timeline = driver.findElement(By.id("timeline")).getText();
            assertTrue(timeline.contains(t.approver().displayName + " approved · 'looks fine'"), timeline);
            assertTrue(driver.findElement(By.id("status-caption")).getText().startsWith("Approved"));
            WebElement raw = driver.findElement(By.cssSelector("#timeline details.audit-raw"));
            WebElement json = raw.findElement(By.cssSelector("code.audit-details"));
            assertFalse(json.isDisplayed(), "the raw event is folded away");
            raw.findElement(By.tagName("summary")).click();
            assertTrue(json.isDisplayed(), "one click shows it");
            assertTrue(json.getText().contains("\"appName\""), json.getText());
            Browser.screenshot(driver, "request-story");
        } finally {
            driver.quit();
        }
    }

}
