package org.jodide.bench;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.ScriptTimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

/**
 * What the run benchmarks do with a page: open it afresh, wait until it is ready and the browser
 * quiet, and wait for {@code window.benchDone} without polling the page while it measures.
 */
final class BenchPages {
    /** The Jodide page is ready to run: the editor has started and Python is idle. */
    static final String JODIDE_READY = "return document.documentElement.dataset.app === 'ready'"
            + " && document.getElementById('kernel-status').dataset.state === 'idle';";

    private BenchPages() {
    }

    /**
     * Waits up to {@code limit}, polling; a poll that finds the page too busy to answer within the
     * driver's script timeout (Pyodide compiling on a loaded machine) is just polled again.
     */
    static WebDriverWait patiently(WebDriver driver, Duration limit) {
        WebDriverWait wait = new WebDriverWait(driver, limit);
        wait.pollingEvery(Duration.ofMillis(50)).ignoring(ScriptTimeoutException.class);
        return wait;
    }

    /**
     * Loads {@code url} after about:blank (a fresh page each sample), waits until {@code readyScript}
     * returns true, then until the browser has gone quiet (V8 optimizes Pyodide's Wasm in the
     * background for seconds after a load).
     */
    static void openReady(WebDriver driver, String url, String readyScript, Duration limit) throws InterruptedException {
        driver.get("about:blank");
        driver.get(url);
        JavascriptExecutor js = (JavascriptExecutor) driver;
        patiently(driver, limit).until(d -> Boolean.TRUE.equals(js.executeScript(readyScript)));
        BrowserCpu.awaitQuiet(500, 30_000);
    }

    /**
     * The page's {@code window.benchDone}, once set: one asynchronous script that the page answers
     * the moment it sets it (the script turns {@code benchDone} into a property whose setter
     * answers), since polling would put work on the very thread being measured. The driver's
     * script timeout bounds the wait.
     */
    static Object awaitBenchDone(WebDriver driver) {
        return ((JavascriptExecutor) driver).executeAsyncScript("""
                const answer = arguments[arguments.length - 1];
                if (window.benchDone !== undefined) {
                  answer(window.benchDone);
                  return;
                }
                let value;
                Object.defineProperty(window, 'benchDone', {
                  configurable: true,
                  enumerable: true,
                  get: () => value,
                  set: (next) => {
                    value = next;
                    if (next === undefined) return;
                    Object.defineProperty(window, 'benchDone', {value: next, writable: true, configurable: true, enumerable: true});
                    answer(next);
                  },
                });
                """);
    }
}
