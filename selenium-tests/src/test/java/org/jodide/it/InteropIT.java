package org.jodide.it;

import org.jodide.core.Language;
import org.jodide.core.protocol.EditorToFrame;
import org.jodide.core.protocol.ProtocolCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Python and JavaScript share data both ways, as docs/interop.md says, with Python on the frame's
 * main thread and in its worker (where Python reaches the DOM through worker-dom and js chunks read
 * copies with {@code jodide.python.get}); proxies do not leak.
 */
@ParameterizedClass
@EnumSource(PythonMode.class)
class InteropIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    private static NotebookPage page;

    @Parameter
    PythonMode mode;

    @BeforeParameterizedClassInvocation
    static void openNotebook(PythonMode mode) {
        page = mode.open(SITE);
    }

    private static NotebookPage.ConsoleEntry run(String notebook) {
        page.replaceText(notebook);
        page.putCursorAt(0);
        return page.runWithShiftEnter();
    }

    @Test
    void pythonImportsJavascriptGlobals() {
        assertNull(run("%% js\nvar fromJs = {numbers: [1, 2, 3], label: 'js'};\n").error());
        NotebookPage.ConsoleEntry entry = run("%% py\nfrom js import fromJs\n(fromJs.numbers[2], fromJs.label, fromJs.to_py()['numbers'])\n");
        assertEquals("(3, 'js', [1, 2, 3])", entry.value(), entry.error());
    }

    @Test
    void pythonChangesTheReportDom() {
        NotebookPage.ConsoleEntry entry = run("%% py\nfrom js import document\n"
                + "p = document.createElement('p')\np.id = 'from-python'\np.textContent = 'written by Python'\n"
                + "document.getElementById('report').appendChild(p)\nNone\n");
        assertNull(entry.error());
        String text = page.inReport(driver -> new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(d -> d.findElement(By.id("from-python")).getText()));
        assertEquals("written by Python", text);
    }

    @Test
    void pythonReadsBackWhatItWroteIntoTheReport() {
        NotebookPage.ConsoleEntry entry = run("%% py\nfrom js import document\n"
                + "div = document.createElement('div')\ndiv.id = 'read-back'\n"
                + "div.appendChild(document.createTextNode('round '))\nspan = document.createElement('span')\n"
                + "span.textContent = 'trip'\ndiv.appendChild(span)\ndocument.getElementById('report').appendChild(div)\n"
                + "document.title = 'title from Python'\n"
                + "(document.getElementById('read-back').textContent, document.title, div.childNodes.length)\n");
        assertEquals("('round trip', 'title from Python', 2)", entry.value(), entry.error());
        assertEquals("title from Python", page.inReport(driver -> page.script("return document.title;")));
    }

    @Test
    void aClickHandlerDefinedInPythonRuns() {
        NotebookPage.ConsoleEntry entry = run("%% py\nfrom js import document\nfrom pyodide.ffi import create_proxy\n"
                + "clicks = []\nbutton = document.createElement('button')\nbutton.id = 'python-button'\n"
                + "button.textContent = 'not clicked'\n"
                + "def on_click(event):\n    clicks.append(event.type)\n"
                + "    event.target.textContent = f'clicked {len(clicks)} by {event.type}'\n"
                + "button.addEventListener('click', create_proxy(on_click))\n"
                + "document.getElementById('report').appendChild(button)\nNone\n");
        assertNull(entry.error());
        String text = page.inReport(driver -> {
            driver.findElement(By.id("python-button")).click();
            return new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
                String shown = d.findElement(By.id("python-button")).getText();
                return shown.startsWith("clicked") ? shown : null;
            });
        });
        assertEquals("clicked 1 by click", text);
        assertEquals("['click']", run("%% py\nclicks\n").value(), "the handler changed Python's state");
    }

    @Test
    void anErrorInAPythonClickHandlerIsShownInTheConsole() {
        NotebookPage.ConsoleEntry entry = run("%% py\nfrom js import document\nfrom pyodide.ffi import create_proxy\n"
                + "failing = document.createElement('button')\nfailing.id = 'failing-button'\n"
                + "def on_click(event):\n    raise ValueError('handler failed on purpose')\n"
                + "failing.addEventListener('click', create_proxy(on_click))\n"
                + "document.getElementById('report').appendChild(failing)\nNone\n");
        assertNull(entry.error());
        page.inReport(driver -> {
            driver.findElement(By.id("failing-button")).click();
            return null;
        });
        String fault = page.awaitConsoleFault("handler failed on purpose");
        assertTrue(fault.contains("ValueError"), fault);
    }

    @Test
    void pythonImportsAGlobalAJavascriptChunkSetOnWindow() {
        assertNull(run("%% js\nwindow.setByJs = 'from a js chunk';\nwindow.countByJs = 3;\n").error());
        NotebookPage.ConsoleEntry entry = run("%% py\nfrom js import setByJs, countByJs\n(setByJs, countByJs + 1)\n");
        assertEquals("('from a js chunk', 4)", entry.value(), entry.error());
        assertNull(run("%% js\nwindow.setByJs = 'changed';\n").error());
        assertEquals("'changed'", run("%% py\nfrom js import setByJs\nsetByJs\n").value(), "read anew, not cached");
    }

    @Test
    void javascriptReadsCopiesOfPythonValuesWithJodidePythonGet() {
        assertNull(run("%% py\nimport array\ntotal = 41\nnames = ['ada', 'grace']\nconfig = {'a': 1}\n"
                // 80,000 bytes: past the size at which the worker hands a buffer over by transfer.
                + "samples = array.array('d', range(10000))\n").error());
        NotebookPage.ConsoleEntry entry = run("%% js\n(async () => {\n"
                + "  const [total, names, config, samples] = await Promise.all(\n"
                + "    ['total', 'names', 'config', 'samples'].map((name) => jodide.python.get(name)));\n"
                + "  let sum = 0; for (let i = 0; i < samples.length; i++) sum += samples[i];\n"
                + "  return [total + 1, names.join('+'), config.a, samples.constructor.name, sum];\n"
                + "})()\n");
        assertEquals("[42,\"ada+grace\",1,\"Float64Array\",49995000]", entry.value(), entry.error());
        NotebookPage.ConsoleEntry missing = run("%% js\njodide.python.get('no_such_name')\n");
        assertTrue(missing.error() != null && missing.error().contains("no_such_name"), String.valueOf(missing.error()));
        assertNull(run("%% py\nclass Point: pass\npoint = Point()\nkeyed = {(1, 2): 'pair'}\n").error());
        NotebookPage.ConsoleEntry point = run("%% js\nawait jodide.python.get('point')\n");
        assertTrue(String.valueOf(point.error()).contains("Python's \"point\" has no JavaScript copy: it holds a Point, which is none of"),
                "Pyodide's \"No conversion known for x.\" said in the notebook's terms, as on a Jupyter server: " + point.error());
        NotebookPage.ConsoleEntry keyed = run("%% js\nawait jodide.python.get('keyed')\n");
        assertTrue(String.valueOf(keyed.error()).contains("Python's \"keyed\" has no JavaScript copy: Cannot use (1, 2) as a key"),
                String.valueOf(keyed.error()));
    }

    /**
     * A js chunk awaits at its top level (docs/interop.md, "Top-level await"): Run All waits for it
     * before the next chunk, its {@code var} and function become globals Python imports, its
     * {@code const} stays its own, its last expression is its value, and an error after an await is
     * at its notebook line.
     */
    @Test
    void aJavascriptChunkAwaitsAtItsTopLevelAndRunAllWaitsForIt() {
        String notebook = "%% py\nnames = ['ada', 'grace']\n"
                + "%% js\nconst names = await jodide.python.get('names');\n"
                + "await new Promise((resolve) => setTimeout(resolve, 300));\n"
                + "var joined = names.join(' and ');\nfunction shout(text) { return text.toUpperCase(); }\njoined.length\n"
                + "%% py\nfrom js import joined, shout\nshout(joined)\n"
                + "%% js\n[typeof names, typeof joined]\n"
                + "%% js\nawait 0;\n\nnull.property\n";
        page.replaceText(notebook);
        int before = page.consoleEntries().size();
        page.click("run-all");
        NotebookPage.ConsoleEntry awaited = page.awaitEntry(before + 1);
        assertEquals("13", awaited.value(), awaited.error());
        NotebookPage.ConsoleEntry python = page.awaitEntry(before + 2);
        assertEquals("'ADA AND GRACE'", python.value(), python.error());
        assertEquals("[\"undefined\",\"string\"]", page.awaitEntry(before + 3).value());
        String error = page.awaitEntry(before + 4).error();
        assertTrue(error != null && error.startsWith("TypeError") && error.contains("notebook line 17"), String.valueOf(error));
    }

    /** A js chunk imports an ES module by a URL relative to the page, and its bindings are globals later chunks see. */
    @Test
    void aJavascriptChunkImportsAModuleRelativeToThePage() {
        NotebookPage.ConsoleEntry imported = run("%% js\nimport {countLineFeeds} from './page-support.js';\n"
                + "countLineFeeds('a\\nb\\n')\n");
        assertEquals("2", imported.value(), imported.error());
        assertEquals("\"function\"", run("%% js\ntypeof countLineFeeds\n").value());
    }

    @Test
    void inAWorkerPyodideGlobalsGetNamesItsReplacement() {
        assumeTrue(mode == PythonMode.WORKER, "pyodide.globals.get works on the main thread");
        NotebookPage.ConsoleEntry entry = run("%% js\npyodide.globals.get('total')\n");
        assertTrue(entry.error() != null && entry.error().contains("await jodide.python.get(\"name\")"),
                String.valueOf(entry.error()));
    }

    @Test
    void javascriptReadsPythonThroughPyodideGlobals() {
        assumeTrue(mode == PythonMode.MAIN_THREAD, "synchronous in the frame only: see inAWorkerPyodideGlobalsGetNamesItsReplacement");
        assertNull(run("%% py\ntotal = 41\nnames = ['ada', 'grace']\n").error());
        NotebookPage.ConsoleEntry entry = run("%% js\nconst names = pyodide.globals.get('names');\n"
                + "const copy = names.toJs(); names.destroy();\n"
                + "[pyodide.globals.get('total') + 1, copy.join('+')]\n");
        assertEquals("[42,\"ada+grace\"]", entry.value(), entry.error());
        assertNull(run("%% py\nclass Point:\n    def __repr__(self): return 'Point(1, 2)'\npoint = Point()\n").error());
        assertEquals("Point(1, 2)", run("%% js\npyodide.globals.get('point')\n").value(),
                "a Python object the chunk returns reads as Python's str of it, not {}");
    }

    @Test
    void theGetBufferExampleOfTheDocsReadsPythonMemoryInPlace() {
        assumeTrue(mode == PythonMode.MAIN_THREAD, "a worker's memory is not the frame's: jodide.python.get copies");
        assertNull(run("%% py\nimport array\nsamples = array.array('d', range(1000))\n").error());
        NotebookPage.ConsoleEntry entry = run("%% js\nconst proxy = pyodide.globals.get('samples');\n"
                + "const buffer = proxy.getBuffer('f64');\n"
                + "let sum = 0; for (let i = 0; i < buffer.data.length; i++) sum += buffer.data[i];\n"
                + "buffer.data[0] = 7;\n"
                + "buffer.release(); proxy.destroy();\nsum\n");
        assertEquals("499500", entry.value(), entry.error());
        assertEquals("7.0", run("%% py\nsamples[0]\n").value(), "the view wrote into Python's own memory: no copy");
    }

    @Test
    void runningAChunkThatReturnsADict10000TimesDoesNotGrowTheWasmHeapBy10Megabytes() {
        assumeTrue(mode == PythonMode.MAIN_THREAD, "reads the heap through the frame's pyodide global");
        String heap = "%% js\n(pyodide._module.HEAPU8 || pyodide._module.HEAP8).buffer.byteLength\n";
        JavascriptExecutor js = (JavascriptExecutor) SITE.browser().driver();
        // The editor talks to the frame over a MessageChannel: note its port when it next sends.
        page.captureFrameChannel();
        assertNull(run("%% py\n{i: str(i) for i in range(100)}\n").error(), "warm-up");
        long before = Long.parseLong(run(heap).value());

        String wire = ProtocolCodec.encode(new EditorToFrame.RunCode(1_000_000, Language.PYTHON, "leak-check",
                "{i: str(i) for i in range(100)}", 0));
        SITE.browser().driver().manage().timeouts().scriptTimeout(Duration.ofMinutes(5)); // 10,000 round trips: ~150 s on a 2-core machine under load 25
        // Straight to the frame, as the editor sends them (the next once the previous finished):
        // 10,000 runs of the same chunk.
        Object finished = js.executeAsyncScript(
                "const [wire, count, done] = arguments;"
                        + "const port = window.frameChannel;"
                        + "const editorHandler = port.onmessage;"
                        + "let seen = 0;"
                        + "port.onmessage = function(event) {"
                        + "  const others = [];"
                        + "  for (const text of window.frameTexts(event.data)) {"
                        + "    const message = JSON.parse(text);"
                        + "    if (message.type !== 'RunFinished' || message.runId !== 1000000) { others.push(text); continue; }"
                        + "    if (message.error) { port.onmessage = editorHandler; done('error: ' + message.error); return; }"
                        + "    if (++seen === count) { port.onmessage = editorHandler; done(seen); return; }"
                        + "    port.postMessage(wire);"
                        + "  }"
                        + "  if (others.length) editorHandler({data: {jodideBatch: others}});"
                        + "};"
                        + "port.postMessage(wire);", wire, 10_000);
        assertEquals(10_000L, finished);

        long after = Long.parseLong(run(heap).value());
        long grownBytes = after - before;
        assertTrue(grownBytes <= 10L * 1024 * 1024, "the Wasm heap grew by " + grownBytes + " bytes");
    }
}
