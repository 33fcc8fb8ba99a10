package io.progate.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.fixtures.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
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

    /** Debian's Chromium and ChromeDriver, headless, with the flags this machine needs. */
    public static final class Browser {
        private Browser() {
        }

        public static WebDriver start() throws Exception {
            System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
            var options = new org.openqa.selenium.chrome.ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,900",
                    "--user-data-dir=" + Files.createTempDirectory("progate-chromium"));
            return new ChromeDriver(options);
        }

        public static Path screenshot(WebDriver driver, String name) throws Exception {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Path shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
    }
}
