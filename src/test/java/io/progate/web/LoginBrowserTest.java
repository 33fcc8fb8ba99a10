package io.progate.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.fixtures.Browser;
import io.progate.fixtures.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A person signs in with a real browser and lands on the dashboard. */
@QuarkusTest
class LoginBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    Fixtures fixtures;

    @Test
    void signInLandsOnTheDashboardWithTheUsersTeams() throws Exception {
        User user = fixtures.user("browser");
        var team = fixtures.team("browser");
        fixtures.member(team, user, io.progate.team.TeamRole.MEMBER);
        WebDriver driver = Browser.start();
        try {
            driver.get(root + "login");
            driver.findElement(By.id("username")).sendKeys(user.username);
            driver.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
            Browser.screenshot(driver, "login-filled");
            driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("my-teams")));
            String page = driver.getPageSource();
            assertTrue(page.contains("Welcome, " + user.displayName), page);
            assertTrue(page.contains(team.name), page);
            Browser.screenshot(driver, "dashboard");
        } finally {
            driver.quit();
        }
    }

    @Test
    void wrongPasswordShowsTheErrorInTheBrowser() throws Exception {
        User user = fixtures.user("browserbad");
        WebDriver driver = Browser.start();
        try {
            driver.get(root + "login");
            driver.findElement(By.id("username")).sendKeys(user.username);
            driver.findElement(By.id("password")).sendKeys("not-it");
            driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("login-error")));
            Browser.screenshot(driver, "login-failed");
        } finally {
            driver.quit();
        }
    }
}
