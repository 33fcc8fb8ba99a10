package io.progate.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.demo.DemoApps;
import io.progate.demo.DemoPackages;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A member files the next version of a demo app in a browser, with a package that changes one section of the
 * model and one WebUI file; the approver's page shows exactly those two files, side by side with the changed
 * lines. Keeps target/screenshots/request-model-diff.png.
 */
@QuarkusTest
class ModelDiffBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    Fixtures fixtures;

    @Inject
    SandboxTeams sandbox;

    @Inject
    DemoApps demoApps;

    @Test
    void theApproverSeesExactlyTheChangedModelSectionAndWebUiFileWithTheirLines() throws Exception {
        Team team = sandbox.team("diffui");
        User owner = fixtures.user("dbowner");
        User approver = fixtures.user("dbapprover");
        fixtures.member(team, owner, TeamRole.MEMBER);
        fixtures.member(team, approver, TeamRole.APPROVER);
        DemoPackages.App app = new DemoPackages.App(Fixtures.unique("Planner"), "Planner", "Planning",
                List.of("1.0", "1.1", "1.2"));
        demoApps.publish(team.id, owner.username, approver.username, List.of(app));
        Path pack = Zips.file(DemoPackages.next(app), ".aimmspack");
        WebDriver driver = Browser.start();
        try {
            Browser.signIn(driver, root, owner);
            driver.get(root + "teams/" + team.slug + "/requests/new?type=PUBLISH");
            driver.findElement(By.id("metadata.name")).sendKeys(app.name());
            driver.findElement(By.id("metadata.projectVersion")).sendKeys(app.nextVersion());
            driver.findElement(By.id("reason")).sendKeys("Tighter capacity and a review page");
            if (!driver.findElement(By.id("isWebUI")).isSelected()) {
                driver.findElement(By.id("isWebUI")).click();
            }
            new Select(driver.findElement(By.id("metadata.publishBehavior"))).selectByValue("2");
            WebElement old = driver.findElement(By.id("metadata.oldProjectVersion"));
            if (old.getTagName().equals("select")) {
                new Select(old).selectByValue(app.lastVersion());
            } else {
                old.sendKeys(app.lastVersion());
            }
            driver.findElement(By.id("file")).sendKeys(pack.toAbsolutePath().toString());
            driver.findElement(By.id("submit-request")).click();
            Browser.waiting(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("request-detail")));
            assertEquals("PENDING", driver.findElement(By.id("request-status")).getText());
            String detail = driver.getCurrentUrl();

            Browser.signIn(driver, root, approver);
            driver.get(detail);
            WebElement diff = Browser.waiting(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("model-diff")));
            assertTrue(driver.findElement(By.id("diff-note")).getText().contains("version 1.2"),
                    driver.findElement(By.id("diff-note")).getText());
            assertTrue(driver.findElement(By.id("diff-counts")).getText().startsWith("2 changed, 0 added, 0 removed"),
                    driver.findElement(By.id("diff-counts")).getText());
            List<WebElement> files = diff.findElements(By.cssSelector("details.diff-file"));
            assertEquals(List.of("MainProject/Planner.ams", "MainProject/WebUI/webui.json"),
                    files.stream().map(f -> f.getAttribute("data-path")).toList(), "exactly the two files, .ams first");

            WebElement model = files.get(0);
            assertTrue(model.findElement(By.cssSelector(".diff-lines")).getText().contains("+2"));
            List<WebElement> changed = model.findElements(By.cssSelector("tr.diff-changed"));
            assertEquals(2, changed.size(), "two lines of the formulation changed");
            assertEquals("Range: [0, 0.90 * Capacity(s,t)];", changed.get(0).findElement(By.cssSelector("td.diff-old")).getText().trim());
            assertEquals("Range: [0, 0.95 * Capacity(s,t)];", changed.get(0).findElement(By.cssSelector("td.diff-new")).getText().trim());
            assertTrue(changed.get(1).findElement(By.cssSelector("td.diff-new")).getText().contains("<= 55 [%]"));
            String modelText = model.getText();
            assertFalse(modelText.contains("Section Procedures"), "unchanged sections are not shown");
            assertFalse(modelText.contains("Set Sites"), "nor the unchanged declarations");

            WebElement webUi = files.get(1);
            List<WebElement> webUiRows = webUi.findElements(By.cssSelector("tr.diff-changed, tr.diff-added"));
            assertTrue(webUiRows.stream().anyMatch(r -> r.getText().contains("\"title\": \"Planner 1.3\"")),
                    webUi.getText());
            assertTrue(webUiRows.stream().anyMatch(r -> r.getText().contains("Review 3")), webUi.getText());
            new org.openqa.selenium.interactions.Actions(driver).scrollToElement(diff).perform();
            Path shot = Browser.screenshot(driver, "request-model-diff");
            assertTrue(Files.size(shot) > 0);
        } finally {
            driver.quit();
        }
    }
}
