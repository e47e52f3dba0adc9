package org.jodide.it;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** The notebook page as a user sees it: the editor, the toolbar, the console and the report frame. */
final class NotebookPage {
    /** Pyodide cold-loads in 3-6 s here; a first Python result may take that long and more on a busy machine. */
    static final Duration PYTHON = Duration.ofSeconds(90);

    private final WebDriver driver;
    private final URI site;

    NotebookPage(WebDriver driver, URI site) {
        this.driver = driver;
        this.site = site;
    }

    NotebookPage open() {
        driver.switchTo().defaultContent();
        driver.get(site.toString());
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> editor().isDisplayed());
        return this;
    }

    WebElement editor() {
        return driver.findElement(By.id("notebook-text"));
    }

    String editorText() {
        return editor().getDomProperty("value");
    }

    /** Replaces the notebook by typing it, key by key, as a user would. */
    void type(String text) {
        WebElement editor = editor();
        editor.click();
        editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        editor.sendKeys(text);
    }

    /** Replaces the notebook at once (for long notebooks), firing the input event typing would. */
    void replaceText(String text) {
        ((JavascriptExecutor) driver).executeScript(
                "const e = arguments[0]; e.value = arguments[1]; e.focus();"
                        + "e.setSelectionRange(e.value.length, e.value.length);"
                        + "e.dispatchEvent(new Event('input', {bubbles: true}));", editor(), text);
    }

    void putCursorAt(int offset) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].focus(); arguments[0].setSelectionRange(arguments[1], arguments[1]);", editor(), offset);
    }

    int cursor() {
        return ((Number) ((JavascriptExecutor) driver).executeScript("return arguments[0].selectionStart;", editor()))
                .intValue();
    }

    void pressShiftEnter() {
        editor().sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
    }

    void click(String buttonId) {
        driver.findElement(By.id(buttonId)).click();
    }

    List<WebElement> consoleEntries() {
        return driver.findElements(By.cssSelector("#console .console-entry"));
    }

    /** Presses Shift+Enter and waits for the run it starts to finish; returns its console entry. */
    ConsoleEntry runWithShiftEnter() {
        int before = consoleEntries().size();
        pressShiftEnter();
        return awaitEntry(before);
    }

    /** Waits for the console entry number {@code index} (0-based) to finish. */
    ConsoleEntry awaitEntry(int index) {
        WebElement entry = new WebDriverWait(driver, PYTHON).until(d -> {
            List<WebElement> entries = consoleEntries();
            if (entries.size() <= index) {
                return null;
            }
            WebElement candidate = entries.get(index);
            return "running".equals(candidate.getDomAttribute("data-state")) ? null : candidate;
        });
        return new ConsoleEntry(entry);
    }

    String kernelState() {
        return driver.findElement(By.id("kernel-status")).getDomAttribute("data-state");
    }

    void awaitKernelState(String state, Duration timeout) {
        new WebDriverWait(driver, timeout).until(d -> state.equals(kernelState()));
    }

    /** Runs {@code check} inside the report frame, then returns to the page. */
    <T> T inReport(java.util.function.Function<WebDriver, T> check) {
        driver.switchTo().frame(driver.findElement(By.id("eval-frame")));
        try {
            return check.apply(driver);
        } finally {
            driver.switchTo().defaultContent();
        }
    }

    /** One run shown in the console. */
    record ConsoleEntry(WebElement element) {
        String state() {
            return element.getDomAttribute("data-state");
        }

        String value() {
            List<WebElement> values = element.findElements(By.cssSelector(".console-value"));
            return values.isEmpty() ? null : values.get(0).getText();
        }

        String error() {
            List<WebElement> errors = element.findElements(By.cssSelector(".console-error"));
            return errors.isEmpty() ? null : errors.get(0).getText();
        }

        String output() {
            return element.findElement(By.cssSelector(".console-output")).getDomProperty("textContent");
        }
    }
}
