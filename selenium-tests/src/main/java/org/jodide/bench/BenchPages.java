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

    /**
     * JavaScript defining {@code afterPaint(fn)}: called from an animation-frame callback, it runs
     * {@code fn} in a task right after that frame's style, layout and paint. A clock that stops when
     * something is on screen stops there: an animation-frame callback runs before its frame lays out
     * and paints what it shows (a bare page's 100,000 printed lines took a second to lay out after
     * such a callback had stopped the clock).
     */
    static final String AFTER_PAINT = "const afterPaint = (fn) => { const channel = new MessageChannel();"
            + " channel.port1.onmessage = () => fn(); channel.port2.postMessage(null); };\n";

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
