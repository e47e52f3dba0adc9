package org.jodide.bench;

import org.jodide.browser.BuiltSite;
import org.jodide.browser.HeadlessChromium;
import org.jodide.site.SiteServer;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Takes the documentation's screenshots of the real site: {@code examples/city-report.iomd}
 * after Run all, in the Explore and Report views, with the system's colour scheme emulated light
 * and dark (Chromium's {@code Emulation.setEmulatedMedia}; the page's theme stays on Auto).
 * Writes {@code explore-light.png}, {@code explore-dark.png}, {@code report-light.png} and
 * {@code report-dark.png} (1400 × 900 CSS pixels) into the folder given, by default
 * {@code docs/screenshots}. Not part of {@code mvn verify}; run from the repository's root after
 * building the site:
 *
 * <pre>{@code
 * mvn -B -q -pl selenium-tests compile exec:java -Dexec.mainClass=org.jodide.bench.Screenshots
 * }</pre>
 */
public final class Screenshots {
    private static final Duration PYTHON = Duration.ofSeconds(120);
    private static final String NOTEBOOK = "examples/city-report.iomd";

    private Screenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots").toAbsolutePath();
        Files.createDirectories(out);
        try (SiteServer site = SiteServer.start(BuiltSite.root().toAbsolutePath().normalize(), 0);
             HeadlessChromium browser = HeadlessChromium.start()) {
            ChromeDriver driver = browser.driver();
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 1400, "height", 900, "deviceScaleFactor", 1, "mobile", false));
            for (String scheme : List.of("light", "dark")) {
                driver.executeCdpCommand("Emulation.setEmulatedMedia",
                        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
                driver.get(site.uri() + "?notebook=" + NOTEBOOK);
                runAll(driver);
                save(driver, out.resolve("explore-" + scheme + ".png"));
                // Clicked by script, so no button is shown hovered.
                driver.executeScript("document.getElementById('view-report').click();");
                new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> "report".equals(
                        driver.executeScript("return document.documentElement.dataset.view;")));
                save(driver, out.resolve("report-" + scheme + ".png"));
            }
        }
        System.out.println("Screenshots written to " + out);
    }

    /** Waits for the notebook, runs it all, and waits until the chart is drawn and every run is done. */
    private static void runAll(ChromeDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, PYTHON);
        wait.until(d -> Boolean.TRUE.equals(driver.executeScript("const editor = "
                + "window.jodideCodeMirror.findNotebookEditor(document.getElementById('notebook-editor'));"
                + "return editor !== null && editor.getText().includes('Big cities');")));
        wait.until(d -> "idle".equals(d.findElement(By.id("kernel-status")).getDomAttribute("data-state")));
        driver.executeScript("document.getElementById('run-all').click();");
        wait.until(d -> Boolean.TRUE.equals(driver.executeScript("const entries = document.querySelectorAll('#console .console-entry');"
                + "return entries.length === 3 && [...entries].every(entry => entry.dataset.state === 'done');")));
        wait.until(d -> inReport(d, () -> !d.findElements(By.cssSelector("#chart .bar")).isEmpty()));
        // No focus ring or cursor in the pictures.
        driver.executeScript("document.activeElement && document.activeElement.blur();");
    }

    private static boolean inReport(WebDriver driver, java.util.function.BooleanSupplier check) {
        driver.switchTo().frame(driver.findElement(By.id("eval-frame")));
        try {
            return check.getAsBoolean();
        } finally {
            driver.switchTo().defaultContent();
        }
    }

    private static void save(ChromeDriver driver, Path file) throws IOException {
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        System.out.println("  " + file.getFileName());
    }
}
