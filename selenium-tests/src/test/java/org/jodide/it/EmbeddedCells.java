package org.jodide.it;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The cells embed.js makes of a documentation page's {@code <pre data-iomd="…">} blocks, as a
 * reader sees them: each block becomes a host element {@code div.jodide-cell} (its
 * {@code data-jodide-language} the block's, its {@code data-state} the cell's last run state) with an
 * open shadow root holding the code ({@code .jodide-code}), the buttons ({@code button.jodide-run},
 * {@code .jodide-stop}, {@code .jodide-run-above}, {@code .jodide-restart}), the
 * {@code a.jodide-open} link and the output ({@code .jodide-output}: {@code .out-stdout},
 * {@code .out-stderr}, {@code .out-value}, {@code .out-error}).
 */
final class EmbeddedCells {
    /**
     * The page's cells in page order: the page's own {@code .jodide-cell} hosts and, in place of each
     * embedded notebook ({@code .jodide-notebook}), the cells in its shadow root.
     */
    private static final String CELLS = "Array.from(document.querySelectorAll('.jodide-cell, .jodide-notebook'))"
            + ".flatMap(box => box.classList.contains('jodide-notebook') ? Array.from(box.shadowRoot.querySelectorAll('.jodide-cell')) : [box])";

    private final WebDriver driver;

    EmbeddedCells(WebDriver driver) {
        this.driver = driver;
    }

    /** Opens {@code url} and waits until the embed has made {@code count} cells of its blocks. */
    static EmbeddedCells open(WebDriver driver, String url, int count) {
        driver.switchTo().defaultContent();
        driver.get(url);
        return new EmbeddedCells(driver).awaitCells(count);
    }

    /** Waits until the page holds {@code count} cells (each with its shadow root). */
    EmbeddedCells awaitCells(int count) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> ((Number) script(
                    "return " + CELLS + ".filter(cell => cell.shadowRoot).length;")).intValue() == count);
        } catch (TimeoutException e) {
            throw new AssertionError("expected " + count + " cells made of the page's blocks, found "
                    + count() + " (is embed.js served by the site?)", e);
        }
        return this;
    }

    int count() {
        return hosts().size();
    }

    @SuppressWarnings("unchecked")
    private List<WebElement> hosts() {
        return (List<WebElement>) script("return " + CELLS + ";");
    }

    /** The cell number {@code index} (0-based, in document order). */
    Cell cell(int index) {
        List<WebElement> hosts = hosts();
        if (index >= hosts.size()) {
            throw new AssertionError("no cell number " + index + ": the page has " + hosts.size() + " cells");
        }
        return new Cell(index, hosts.get(index));
    }

    /** Runs {@code script} in the host page (with {@code arguments}); returns its result. */
    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** One embedded cell. */
    final class Cell {
        private final int index;
        private final WebElement host;

        private Cell(int index, WebElement host) {
            this.index = index;
            this.host = host;
        }

        WebElement host() {
            return host;
        }

        /** {@code py}, {@code js} or {@code pycon}: the language of the block it was made of. */
        String language() {
            return host.getDomAttribute("data-jodide-language");
        }

        /** {@code idle}, {@code queued}, {@code running}, {@code done} or {@code error}. */
        String state() {
            return host.getDomAttribute("data-state");
        }

        private SearchContext root() {
            return host.getShadowRoot();
        }

        /** The element of {@code cssSelector} in the cell's shadow root. */
        WebElement find(String cssSelector) {
            List<WebElement> found = root().findElements(By.cssSelector(cssSelector));
            if (found.isEmpty()) {
                throw new AssertionError("cell " + index + " has no " + cssSelector + " in its shadow root");
            }
            return found.get(0);
        }

        WebElement runButton() {
            return find("button.jodide-run");
        }

        WebElement stopButton() {
            return find("button.jodide-stop");
        }

        WebElement runAboveButton() {
            return find("button.jodide-run-above");
        }

        WebElement restartButton() {
            return find("button.jodide-restart");
        }

        WebElement openLink() {
            return find("a.jodide-open");
        }

        /** The buttons and the link a reader uses, in the order above (the cell shows Stop only while it runs). */
        List<WebElement> controls() {
            return List.of(runButton(), stopButton(), runAboveButton(), restartButton(), openLink());
        }

        void run() {
            runButton().click();
        }

        void stop() {
            stopButton().click();
        }

        void runAbove() {
            runAboveButton().click();
        }

        /** Clicks Run and waits until the run ends ({@code done} or {@code error}); the cell must not have run before. */
        Cell runAndAwait() {
            run();
            awaitState(NotebookPage.PYTHON, "done", "error");
            return this;
        }

        /**
         * The code in the cell's editor, as the reader has it: the text of {@code .jodide-code} (a
         * textarea's value while the cell has one; CodeMirror's lines joined with line breaks once it has
         * replaced it, where the text alone would run them together).
         */
        String code() {
            return (String) script("const code = arguments[0].shadowRoot.querySelector('.jodide-code');"
                    + "if (!code) return null;"
                    + "const textarea = code.querySelector('textarea');"
                    + "if (textarea) return textarea.value;"
                    + "const lines = code.querySelectorAll('.cm-line');"
                    + "return lines.length ? Array.from(lines, line => line.textContent).join('\\n') : code.textContent;", host);
        }

        /** The whole output's text. */
        String output() {
            return texts(".jodide-output");
        }

        /** What the cell printed to stdout, its pieces joined. */
        String stdout() {
            return texts(".jodide-output .out-stdout");
        }

        /** The value of the cell's last expression, or "" when it shows none. */
        String value() {
            return texts(".jodide-output .out-value");
        }

        /** The traceback the cell shows, or "" when it shows none. */
        String error() {
            return texts(".jodide-output .out-error");
        }

        private String texts(String cssSelector) {
            return (String) script("return Array.from(arguments[0].shadowRoot.querySelectorAll(arguments[1]))"
                    + ".map(piece => piece.textContent).join('');", host, cssSelector);
        }

        /**
         * Waits until the cell's state is one of {@code states}; returns it. On a timeout, says which
         * state the cell was in and what it showed.
         */
        String awaitState(Duration timeout, String... states) {
            List<String> wanted = Arrays.asList(states);
            try {
                return new WebDriverWait(driver, timeout).until(d -> wanted.contains(state()) ? state() : null);
            } catch (TimeoutException e) {
                throw new AssertionError("cell " + index + " did not reach " + wanted + " within " + timeout.toSeconds()
                        + " s: " + describe(), e);
            }
        }

        /** The cell's state, code and output, for assertion messages. */
        String describe() {
            return "cell " + index + " [" + language() + ", data-state=" + state() + "] code " + quoted(code())
                    + ", output " + quoted(output());
        }

        private String quoted(String text) {
            return text == null ? "null" : "\"" + text.replace("\n", "\\n") + "\"";
        }
    }
}
