package org.jodide.it;

import org.jodide.core.Language;
import org.jodide.core.protocol.EditorToFrame;
import org.jodide.core.protocol.ProtocolCodec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Python and JavaScript share data both ways, as docs/interop.md says; proxies do not leak. */
class InteropIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    private static NotebookPage page;

    @BeforeAll
    static void openNotebook() {
        page = SITE.notebookPage().open();
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
    void javascriptReadsPythonThroughPyodideGlobals() {
        assertNull(run("%% py\ntotal = 41\nnames = ['ada', 'grace']\n").error());
        NotebookPage.ConsoleEntry entry = run("%% js\nconst names = pyodide.globals.get('names');\n"
                + "const copy = names.toJs(); names.destroy();\n"
                + "[pyodide.globals.get('total') + 1, copy.join('+')]\n");
        assertEquals("[42,\"ada+grace\"]", entry.value(), entry.error());
    }

    @Test
    void theGetBufferExampleOfTheDocsReadsPythonMemoryInPlace() {
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
                        + "  const message = typeof event.data === 'string' ? JSON.parse(event.data) : {};"
                        + "  if (message.type !== 'RunFinished' || message.runId !== 1000000) { editorHandler(event); return; }"
                        + "  if (message.error) { port.onmessage = editorHandler; done('error: ' + message.error); return; }"
                        + "  if (++seen === count) { port.onmessage = editorHandler; done(seen); return; }"
                        + "  port.postMessage(wire);"
                        + "};"
                        + "port.postMessage(wire);", wire, 10_000);
        assertEquals(10_000L, finished);

        long after = Long.parseLong(run(heap).value());
        long grownBytes = after - before;
        assertTrue(grownBytes <= 10L * 1024 * 1024, "the Wasm heap grew by " + grownBytes + " bytes");
    }
}
