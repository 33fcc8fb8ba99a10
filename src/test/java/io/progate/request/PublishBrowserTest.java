package io.progate.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.fixtures.Browser;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.SandboxTeams;
import io.progate.fixtures.Zips;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** An owner files a publish request with a real upload in a browser; another user approves it. */
@QuarkusTest
class PublishBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    Fixtures fixtures;

    @Inject
    SandboxTeams sandbox;

    private void signIn(WebDriver driver, User user) {
        Browser.signIn(driver, root, user.username, Fixtures.PASSWORD);
    }

    private static WebDriverWait wait(WebDriver driver) {
        return Browser.waitFor(driver);
    }

    @Test
    void ownerFilesAPublishWithAnUploadAndAnotherUserApprovesIt() throws Exception {
        Team team = sandbox.team("browser");
        User owner = fixtures.user("bowner");
        User approver = fixtures.user("bapprover");
        fixtures.member(team, owner, TeamRole.MEMBER);
        fixtures.member(team, approver, TeamRole.APPROVER);
        Path pack = Zips.file(Zips.project(true), ".aimmspack");
        WebDriver driver = Browser.start();
        try {
            signIn(driver, owner);
            driver.get(root + "teams/" + team.slug + "/requests/new?type=PUBLISH");
            driver.findElement(By.id("metadata.name")).sendKeys("Browser App");
            driver.findElement(By.id("metadata.projectVersion")).sendKeys("1.0");
            driver.findElement(By.id("description")).sendKeys("Filed from a real browser");
            driver.findElement(By.id("reason")).sendKeys("First release of the browser app");
            driver.findElement(By.id("file")).sendKeys(pack.toAbsolutePath().toString());
            Browser.screenshot(driver, "request-publish-form");
            driver.findElement(By.id("submit-request")).click();
            wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("request-detail")));
            assertEquals("PENDING", driver.findElement(By.id("request-status")).getText());
            assertTrue(driver.findElement(By.id("package")).getText().contains("with a WebUI folder"));
            assertTrue(driver.getPageSource().contains("Request filed"), "the flash survived the scripted upload");
            String detail = driver.getCurrentUrl();
            Browser.screenshot(driver, "request-filed");

            signIn(driver, approver);
            assertTrue(driver.findElement(By.id("nav-approvals")).getText().matches("Approvals \\([1-9]\\d*\\)"));
            driver.findElement(By.id("nav-approvals")).click();
            wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("approval-queue")));
            Browser.screenshot(driver, "request-approval-queue");
            driver.get(detail);
            driver.findElement(By.id("approve-comment")).sendKeys("Looks right");
            Browser.screenshot(driver, "request-before-approval");
            driver.findElement(By.id("approve-button")).click();
            wait(driver).until(ExpectedConditions.textToBe(By.id("request-status"), "APPROVED"));
            assertTrue(driver.findElement(By.id("approvals")).getText().contains("Looks right"));
            Browser.screenshot(driver, "request-approved");
        } finally {
            driver.quit();
        }
    }
}
