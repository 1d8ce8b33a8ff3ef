package io.oiefilter.it;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium through its chromedriver, with explicit paths (so Selenium Manager
 * never runs) and flags that keep it on loopback: no background networking, and every host name
 * but localhost and 127.0.0.1 unresolvable.
 */
final class Chromium implements AutoCloseable {
    static final String BINARY = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";

    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path screenshots;
    private final String screenshotPrefix;
    private int shot;

    Chromium(String screenshotPrefix) throws IOException {
        this(screenshotPrefix, null);
    }

    /** A browser whose person reads these languages ({@code "de,en;q=0.5"}): its UI language and Accept-Language. */
    Chromium(String screenshotPrefix, String languages) throws IOException {
        if (!new File(BINARY).canExecute() || !new File(DRIVER).canExecute()) {
            throw new IllegalStateException("Chromium is not installed (" + BINARY + ", " + DRIVER
                    + "): run the README's test command, which installs Debian's chromium and chromium-driver");
        }
        profile = Files.createTempDirectory("oie-chromium-");
        screenshots = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
        Files.createDirectories(screenshots);
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1000,800",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
                "--user-data-dir=" + profile);
        if (languages != null) {
            options.addArguments("--lang=" + languages.split("[,;]")[0]);
            options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", languages));
        }
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        this.screenshotPrefix = screenshotPrefix;
    }

    ChromeDriver driver() {
        return driver;
    }

    /**
     * Clicks a submit button and waits until the next page shows what {@code loaded} expects: a
     * click returns before the navigation it starts has finished. The old page going stale
     * proves the form was really submitted, so a page that looks alike cannot pass for the next.
     */
    void submit(By button, ExpectedCondition<?> loaded) {
        WebElement html = driver.findElement(By.tagName("html"));
        driver.findElement(button).click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> isGone(html));
        wait.until(loaded);
    }

    /**
     * The old page is gone. Chromium reports that as a stale element, or while it swaps documents
     * as "node does not belong to the document": either way the element belongs to no page now.
     */
    private static boolean isGone(WebElement old) {
        try {
            old.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException gone) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Saves what the page looks like now, numbered in the order the journey passes the pages. */
    Path screenshot(String name) throws IOException {
        File png = driver.getScreenshotAs(OutputType.FILE);
        Path target = screenshots.resolve(String.format("%s-%02d-%s.png", screenshotPrefix, ++shot, name));
        Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
