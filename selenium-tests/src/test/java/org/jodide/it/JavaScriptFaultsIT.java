package org.jodide.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults of the report's JavaScript end with a clear message, the text untouched, and later runs
 * working: errors nobody caught (timers, promises) reach the console named after their chunk,
 * failing plugins say why, and a chunk that empties the report's body does not empty the report.
 */
class JavaScriptFaultsIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    @Test
    void errorsInTimersAndUnhandledRejectionsAreShownInTheConsoleNamedAfterTheirChunk() {
        NotebookPage page = SITE.notebookPage().open();
        String text = "%% js\nsetTimeout(() => {\n  throw new Error('late failure');\n}, 0);\n'scheduled'\n"
                + "%% js\nPromise.reject(new Error('nobody caught me'));\n'rejected'\n"
                + "%% js\nPromise.reject('a plain string');\n'not awaited'\n%% js\n6*7\n%% py\n1+1\n";
        page.replaceText(text);
        page.putCursorAt(0);
        assertEquals("\"scheduled\"", page.runWithShiftEnter().value());
        String late = page.awaitConsoleFault("late failure");
        assertTrue(late.contains("js chunk at line 1"), late);
        assertTrue(late.contains("notebook line 3"), "the stack line is a notebook line: " + late);

        assertEquals("\"rejected\"", page.runWithShiftEnter().value());
        String rejected = page.awaitConsoleFault("nobody caught me");
        assertTrue(rejected.contains("Unhandled promise rejection") && rejected.contains("js chunk at line 6"), rejected);

        page.runWithShiftEnter();
        String plain = page.awaitConsoleFault("a plain string");
        assertTrue(plain.contains("Unhandled promise rejection"), plain);

        assertEquals("42", page.runWithShiftEnter().value());
        assertEquals("2", page.runWithShiftEnter().value());
        assertEquals(text, page.editorText());
    }

    /** An error thrown in a function an earlier chunk defined names that chunk's line as well as the caller's. */
    @Test
    void anErrorInAFunctionOfAnEarlierChunkNamesBothChunksLines() {
        NotebookPage page = SITE.notebookPage().open();
        page.replaceText("%% js\nfunction total(rows) {\n  return rows.reduce((a, b) => a + b);\n}\n%% js\ntotal(null)\n");
        page.click("run-all");
        String error = page.awaitEntry(1).error();
        assertTrue(error.startsWith("TypeError") && error.contains("at js chunk at line 1, notebook line 3, column ")
                && error.contains("at js chunk at line 5, notebook line 6, column 1"), error);
    }

    /**
     * A js chunk with a syntax error says where it is, as a Python SyntaxError does: eval's own error
     * has no place (its stack is the caller's); the chunk is parsed again to find it. The chunk
     * after it did not run, and the text is untouched.
     */
    @Test
    void aSyntaxErrorSaysItsNotebookLineAndColumn() {
        NotebookPage page = SITE.notebookPage().open();
        String text = "%% md\n# Totals\n%% js\nconst rows = [1, 2, 3];\nconst doubled = rows.map((row) => row * 2;\ndoubled\n"
                + "%% js\n'next'\n";
        page.replaceText(text);
        page.click("run-all");
        NotebookPage.ConsoleEntry entry = page.awaitEntry(0);
        assertEquals("SyntaxError: missing ) after argument list\n    at js chunk at line 3, notebook line 5, column 42",
                entry.error());
        page.awaitNote("the js chunk at line 3 failed");
        assertEquals(1, page.consoleEntries().size(), "the chunk after it did not run");
        assertEquals(text, page.editorText());
    }

    /**
     * A thrown value that is not an error reads the same whether its run caught it or nobody did
     * (value-text.js's thrownText): its JSON, not "[object Object]". (Without a stack, the one that
     * nobody caught is not named after its chunk: the console says "In the report's JavaScript".)
     */
    @Test
    void aThrownObjectReadsTheSameCaughtByItsRunOrByNobody() {
        NotebookPage page = SITE.notebookPage().open();
        String text = "%% js\nthrow {code: 5, why: 'caught'}\n"
                + "%% js\nsetTimeout(() => { throw {code: 6, why: 'nobody'}; }, 0);\n'armed'\n";
        page.replaceText(text);
        page.putCursorAt(0);
        NotebookPage.ConsoleEntry caught = page.runWithShiftEnter();
        assertEquals("error", caught.state());
        assertTrue(caught.error().startsWith("Uncaught {\"code\":5,\"why\":\"caught\"}"), caught.error());
        assertEquals("\"armed\"", page.runWithShiftEnter().value());
        String late = page.awaitConsoleFault("nobody");
        assertTrue(late.contains("Uncaught {\"code\":6,\"why\":\"nobody\"}"), late);
        assertEquals(text, page.editorText());
    }

    /**
     * Values and exceptions that refuse every way of reading them (no prototype and a cycle, a proxy
     * whose traps throw) still end their run with a message, the workspace lists them beside the
     * others, and the next chunk runs (js-evaluator.js, value-text.js, workspace.js).
     */
    @Test
    void aValueOrExceptionThatRefusesToBeReadStillEndsItsRunAndIsListed() {
        NotebookPage page = SITE.notebookPage().open();
        String text = "%% js\nvar bare = Object.create(null);\nbare.self = bare;\nbare\n"
                + "%% js\nthrow Object.create(null)\n"
                + "%% js\nvar refusing = new Proxy({}, { get() { throw new Error('no'); },"
                + " getPrototypeOf() { throw new Error('no'); }, ownKeys() { throw new Error('no'); } });\nrefusing\n"
                + "%% js\nPromise.reject(refusing)\n"
                + "%% js\nvar fine = 6 * 7\n";
        page.replaceText(text);
        page.putCursorAt(0);
        assertEquals("{\"self\":[Circular]}", page.runWithShiftEnter().value(), "as the workspace lists it");
        NotebookPage.ConsoleEntry thrown = page.runWithShiftEnter();
        assertEquals("error", thrown.state());
        assertTrue(thrown.error().startsWith("Uncaught {}"), "no String, so its JSON: " + thrown.error());
        assertEquals("[object]", page.runWithShiftEnter().value());
        NotebookPage.ConsoleEntry rejected = page.runWithShiftEnter();
        assertEquals("error", rejected.state());
        assertTrue(rejected.error().startsWith("Uncaught [object]"), rejected.error());
        page.runWithShiftEnter();
        Duration limit = Duration.ofSeconds(10);
        assertEquals("fine number 42", page.workspaceRow("JAVASCRIPT", "fine", limit));
        assertEquals("refusing object [object]", page.workspaceRow("JAVASCRIPT", "refusing", limit));
        assertEquals("bare object {\"self\":[Circular]}", page.workspaceRow("JAVASCRIPT", "bare", limit));
        assertEquals(text, page.editorText());
    }

    @Test
    void throwingAndRejectingPluginsAndAMissingPluginScriptSayWhy() {
        NotebookPage page = SITE.notebookPage().open();
        String text = "%% js\nglobalThis.faulty = {\n"
                + "  evaluate(code) { throw new Error('evaluator broke on ' + code); },\n"
                + "  evaluateAsync(code) { return Promise.reject(new Error('async evaluator broke')); }\n};\n"
                + plugin("broken", "examples/plugins/rpn.js", "")
                + "%% broken\nsome code\n"
                + plugin("rejecting", "examples/plugins/rpn.js", ", \"asyncEvaluator\": \"evaluateAsync\"")
                + "%% rejecting\nmore code\n"
                + plugin("absent", "examples/plugins/missing.js", "")
                + "%% py\n1+1\n%% js\n6*7\n";
        page.replaceText(text);
        page.putCursorAt(0);
        page.runWithShiftEnter();
        assertEquals(null, page.runWithShiftEnter().error(), "the plugin registers");
        NotebookPage.ConsoleEntry broken = page.runWithShiftEnter();
        assertEquals("error", broken.state());
        assertTrue(broken.error().contains("evaluator broke on some code"), broken.error());
        assertEquals(null, page.runWithShiftEnter().error(), "the async plugin registers");
        NotebookPage.ConsoleEntry rejecting = page.runWithShiftEnter();
        assertEquals("error", rejecting.state());
        assertTrue(rejecting.error().contains("async evaluator broke"), rejecting.error());
        NotebookPage.ConsoleEntry absent = page.runWithShiftEnter();
        assertEquals("error", absent.state());
        assertTrue(absent.error().contains("could not be loaded"), absent.error());
        assertEquals("2", page.runWithShiftEnter().value());
        assertEquals("42", page.runWithShiftEnter().value());
        assertEquals(text, page.editorText());
    }

    /** A plugin chunk for language {@code id} whose evaluators are those of the global {@code faulty}. */
    private static String plugin(String id, String url, String extraFields) {
        return "%% plugin\n{\"languageId\": \"" + id + "\", \"displayName\": \"" + id + "\", \"url\": \"" + url + "\","
                + " \"module\": \"faulty\", \"evaluator\": \"evaluate\"" + extraFields + ", \"pluginType\": \"language\"}\n";
    }

    @Test
    void aChunkThatEmptiesTheBodyLeavesTheReportWorking() {
        NotebookPage page = SITE.notebookPage().open();
        String text = "%% md\n# Title kept\n%% js\ndocument.body.innerHTML = ''\n%% md\n## After clearing\n"
                + "%% css\nh2 { color: rgb(1, 2, 3); }\n%% py\nprint('python still shows')\n"
                + "%% js\niodide.output.text('js still shows'); 6*7\n";
        page.replaceText(text);
        page.click("run-all");
        assertEquals(null, page.awaitEntry(0).error(), "the js chunk emptying the body");
        assertEquals(null, page.awaitEntry(1).error(), "the py chunk after it");
        assertEquals("42", page.awaitEntry(2).value());
        page.appendText("%% md\n### Added later\n");
        String shown = page.inReport(driver -> new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            String report = d.findElement(By.id("report")).getText();
            return report.contains("Added later") ? report : null;
        }));
        for (String expected : new String[] {"Title kept", "After clearing", "python still shows", "js still shows"}) {
            assertTrue(shown.contains(expected), expected + " is in the report: " + shown);
        }
        String color = page.inReport(driver -> driver.findElement(By.cssSelector("#report h2")).getCssValue("color"));
        assertTrue(color.contains("1, 2, 3"), color);
        assertTrue(page.editor().isDisplayed(), "the editor is unaffected");
        assertEquals(text + "%% md\n### Added later\n", page.editorText());
    }
}
