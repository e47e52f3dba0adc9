package org.jodide.browser;

import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A headless Debian Chromium driven by the system chromedriver, with a fresh profile, for the
 * browser tests and benchmarks. Paths come from the system properties {@code chromium.binary}
 * and {@code chromedriver.binary} (defaults: /usr/bin/chromium, /usr/bin/chromedriver), so
 * Selenium Manager never reaches for the network.
 */
public final class HeadlessChromium implements AutoCloseable {
    private final ChromeDriver driver;
    private final Path profile;
    private final int driverPort;

    private HeadlessChromium(ChromeDriver driver, Path profile, int driverPort) {
        this.driver = driver;
        this.profile = profile;
        this.driverPort = driverPort;
    }

    public static HeadlessChromium start() {
        return start(new String[0]);
    }

    /**
     * A Chromium with more command-line switches than the usual ones, e.g. the benchmarks'
     * {@code --js-flags=--expose-gc}.
     */
    public static HeadlessChromium start(String... extraArguments) {
        Path profile;
        try {
            profile = Files.createTempDirectory("jodide-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a Chromium profile folder", e);
        }
        return start(profile, extraArguments);
    }

    /**
     * A Chromium on an existing profile, e.g. the one {@link #crash()} left: what the browser kept
     * (storage, IndexedDB) is there. The profile is deleted when this browser closes.
     */
    public static HeadlessChromium startOnProfile(Path profile) {
        return start(profile);
    }

    private static HeadlessChromium start(Path profile, String... extraArguments) {
        String chromium = System.getProperty("chromium.binary", "/usr/bin/chromium");
        String chromedriver = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");
        requireExecutable(chromium, "chromium.binary");
        requireExecutable(chromedriver, "chromedriver.binary");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        options.addArguments(extraArguments);
        // -Dchromium.log=FILE: Chromium writes every console message there, of frames and workers too.
        String log = System.getProperty("chromium.log");
        if (log != null && !log.isEmpty()) {
            options.addArguments("--enable-logging", "--log-file=" + log, "--v=0");
        }
        // The pages' console messages (CSP violations among them), for SiteExtension to report.
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort()
                .build();
        return new HeadlessChromium(new ChromeDriver(service, options), profile, service.getUrl().getPort());
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Emulates the system's colour setting for every page: {@code "light"} or {@code "dark"} (prefers-color-scheme). */
    public void emulateColourScheme(String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** Saves what pages download into {@code folder}, without asking. */
    public void downloadInto(Path folder) {
        Map<String, Object> allow = Map.of("behavior", "allow", "downloadPath", folder.toString());
        try {
            driver.executeCdpCommand("Browser.setDownloadBehavior", allow);
        } catch (WebDriverException e) {
            // Older DevTools only have the page's own (deprecated) switch.
            driver.executeCdpCommand("Page.setDownloadBehavior", allow);
        }
    }

    /**
     * Quits the browser, then kills what is left of it. A renderer whose page is stuck in a loop
     * (a js chunk's {@code while (true) {}} in a frame that was removed while DevTools, i.e.
     * chromedriver, was attached to it) outlives the browser and would spin a core for the rest
     * of the test run.
     */
    @Override
    public void close() {
        List<ProcessHandle> processes = browserProcesses();
        try {
            driver.quit();
        } finally {
            processes.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            deleteQuietly(profile);
        }
    }

    /**
     * Kills the browser's processes at once (SIGKILL, as a crash or a power cut of the browser
     * would), chromedriver after them, and gives back the profile, kept for
     * {@link #startOnProfile}. This object is unusable afterwards.
     */
    public Path crash() {
        List<ProcessHandle> processes = browserProcesses();
        processes.forEach(ProcessHandle::destroyForcibly);
        // A killed Chromium stays a zombie until its parent (the killed chromedriver) is gone and
        // it is reaped: wait a little, but a zombie is dead enough.
        for (ProcessHandle process : processes) {
            try {
                process.onExit().get(2, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                // still listed, not running
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // The lock of the dead browser (a symlink naming its pid): a real restart finds the pid
        // gone; here the zombie may still hold it.
        for (String lock : List.of("SingletonLock", "SingletonSocket", "SingletonCookie")) {
            try {
                Files.deleteIfExists(profile.resolve(lock));
            } catch (IOException e) {
                throw new IllegalStateException("cannot remove " + lock + " of the crashed browser", e);
            }
        }
        return profile;
    }

    /** This browser's chromedriver and everything it started (found by the driver's port). */
    private List<ProcessHandle> browserProcesses() {
        String portSwitch = "--port=" + driverPort;
        return ProcessHandle.current().children()
                .filter(child -> child.info().arguments().map(arguments -> List.of(arguments).contains(portSwitch)).orElse(false))
                .flatMap(chromedriver -> Stream.concat(Stream.of(chromedriver), chromedriver.descendants()))
                .collect(Collectors.toList());
    }

    private static void requireExecutable(String path, String property) {
        if (!new File(path).canExecute()) {
            throw new IllegalStateException(path + " is not an executable (set -D" + property
                    + "=..., or install Debian's chromium and chromium-driver: .ci/run does)");
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temp folder is harmless.
        }
    }
}
