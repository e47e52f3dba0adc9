package org.jodide.it;

import org.jodide.browser.BuiltSite;
import org.jodide.site.SiteServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MicroPython as the notebook's Python (?python=micropython, or the Kernel menu): it prints, returns
 * values, changes the report's DOM, is stopped by a restart during an endless loop, says that numpy
 * needs Pyodide, and the same notebook switched to Pyodide runs there.
 */
class MicroPythonIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    /** MicroPython starts in well under a second; a busy machine may stretch it. */
    private static final Duration MICROPYTHON = Duration.ofSeconds(30);

    private static WebDriver driver() {
        return SITE.browser().driver();
    }

    private static String status() {
        return driver().findElement(By.id("kernel-status")).getText();
    }


    @Test
    void aNotebookOnMicroPythonPrintsReturnsValuesChangesTheReportAndPointsToPyodideForNumpy() {
        NotebookPage page = SITE.notebookPage().openWith("?python=micropython");
        page.awaitKernelState("idle", MICROPYTHON);
        assertEquals("MicroPython: ready", status());
        // Once the service worker has stored Pyodide's files (at its install), a page that loads Pyodide
        // checks its copies with HEADs as it makes the frame (LoadingIT); one on MicroPython does not.
        page.awaitActivatedServiceWorker(Duration.ofSeconds(30));
        int before = SITE.server().answeredRequests().size();
        page.reopenWith("?python=micropython");
        page.awaitKernelState("idle", MICROPYTHON);
        List<String> answered = SITE.server().answeredRequests();
        List<String> pyodideChecks = answered.subList(before, answered.size()).stream()
                .filter(request -> request.startsWith("HEAD /pyodide/")).toList();
        assertEquals(List.of(), pyodideChecks, "a MicroPython page checks no stored copy of Pyodide's files");
        String notebook = "%% py\nimport sys\nprint('hello from', sys.implementation.name)\nanswer = 6 * 7\nanswer\n"
                + "%% py\nfrom js import document\nmade = document.createElement('p')\nmade.id = 'made-by-micropython'\n"
                + "made.textContent = 'MicroPython was here'\ndocument.body.appendChild(made)\n"
                + "%% py\nimport numpy as np\n"
                + "%% py\ndef f():\n    return 1 / 0\nf()\n";
        NotebookPage.ConsoleEntry hello = page.runChunkWith(notebook, "import sys");
        assertEquals("done", hello.state(), hello.error());
        assertTrue(hello.output().contains("hello from micropython"), hello.output());
        assertEquals("42", hello.value());

        assertEquals("done", page.runChunkWith(notebook, "from js import").state());
        assertEquals("MicroPython was here", page.inReport(d -> new WebDriverWait(d, Duration.ofSeconds(5))
                .until(x -> x.findElements(By.id("made-by-micropython")).stream().map(WebElement::getText).findFirst().orElse(null))));

        NotebookPage.ConsoleEntry numpy = page.runChunkWith(notebook, "import numpy");
        assertEquals("error", numpy.state());
        assertTrue(numpy.error().contains("no module named 'numpy'") && numpy.error().contains("Python (Pyodide)"),
                "the error suggests Pyodide: " + numpy.error());

        NotebookPage.ConsoleEntry failed = page.runChunkWith(notebook, "def f");
        // def f() is on the notebook's line 15 (its delimiter on line 14): 1 / 0 on line 16, f() on line 17.
        assertTrue(failed.error().contains("File \"py chunk at line 14\", line 17"), failed.error());
        assertTrue(failed.error().contains("File \"py chunk at line 14\", line 16, in f"), failed.error());
        assertTrue(!failed.error().contains("<stdin>"), "no frame of Jodide's own: " + failed.error());
        assertTrue(failed.error().contains("ZeroDivisionError"), failed.error());

        // The workspace lists MicroPython's variables.
        new WebDriverWait(driver(), Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("#workspace tr[data-language='PYTHON'][data-name='answer']")).stream()
                        .anyMatch(row -> row.getText().contains("42")));
    }

    /**
     * A first visit on MicroPython downloads none of Pyodide's big files, not even for the service
     * worker's install, which stores the app shell only (the editor page has the worker store
     * Pyodide's files when its frame runs Pyodide): a site of its own, another origin, so that
     * nothing of this browser's earlier visits counts.
     */
    @Test
    void aFirstVisitOnMicroPythonDownloadsNoneOfPyodidesBigFiles() throws IOException {
        try (SiteServer site = SiteServer.start(BuiltSite.root(), 0)) {
            NotebookPage page = new NotebookPage(driver(), site.uri()).openWith("?python=micropython");
            page.awaitKernelState("idle", MICROPYTHON);
            assertEquals("42", page.runChunkWith("%% py\n6 * 7\n", "6 * 7").value());
            page.awaitActivatedServiceWorker(Duration.ofSeconds(60));
            List<String> pyodide = site.downloadedPaths().stream().filter(PyodideCore.SERVER_PATHS::contains).toList();
            assertEquals(List.of(), pyodide, "downloaded: " + site.downloadedPaths());
            assertTrue(site.downloadedPaths().contains("/micropython/micropython.wasm"), "downloaded: " + site.downloadedPaths());
        }
    }

    /**
     * A revisit downloads none of MicroPython's files again: the editor page hands them to the frame
     * (page/frame-scripts.js, frame/micropython-loader.js) from the service worker's stored copies,
     * where the frame, whose opaque origin gets no HTTP cache across visits, downloaded its ~550 KB on
     * every visit. A site of its own (another origin), so that its first visit is one.
     */
    @Test
    void aRevisitOnMicroPythonDownloadsNoneOfItsFilesAgain() throws IOException {
        List<String> files = MicroPythonFiles.SITE_PATHS;
        try (SiteServer site = SiteServer.start(BuiltSite.root(), 0)) {
            NotebookPage page = new NotebookPage(driver(), site.uri()).openWith("?python=micropython");
            page.awaitKernelState("idle", MICROPYTHON);
            assertEquals("42", page.runChunkWith("%% py\n6 * 7\n", "6 * 7").value());
            page.awaitStoredCopies(files, Duration.ofSeconds(60));
            int firstVisit = site.downloadedPaths().size();

            page.reopenWith("?python=micropython");
            page.awaitKernelState("idle", MICROPYTHON);
            assertEquals("42", page.runChunkWith("%% py\n6 * 7\n", "6 * 7").value());
            List<String> downloaded = site.downloadedPaths();
            List<String> again = downloaded.subList(firstVisit, downloaded.size()).stream()
                    .filter(path -> files.contains(path.substring(1))).toList();
            assertEquals(List.of(), again, "downloaded again: " + downloaded.subList(firstVisit, downloaded.size()));
        }
    }

    /**
     * A large value shows its start, and the workspace lists it, without MicroPython writing its whole
     * repr (kernel.py's _bounded_repr): its elements' __repr__ count how many were written. MicroPython's
     * own repr of 300,000 elements wrote them all (14-16 s for numbers), and the workspace's listing
     * after every run as many again, where the start is all that shows.
     */
    /**
     * Rich output on MicroPython as on Pyodide: a value with {@code _repr_html_} shows as HTML (it
     * showed its repr), and {@code IPython.display}'s classes display (the import failed: no module).
     */
    @Test
    void richValuesAndIPythonDisplayShowRenderedOnMicroPython() {
        NotebookPage page = SITE.notebookPage().openWith("?python=micropython");
        page.awaitKernelState("idle", MICROPYTHON);
        String notebook = "%% py\nclass Money:\n    def __init__(self, v): self.v = v\n"
                + "    def _repr_html_(self): return '<b class=\"money\">$%d</b>' % self.v\nMoney(3)\n"
                + "%% py\nfrom IPython.display import display, Markdown\nprint('first')\ndisplay(Markdown('# Title'))\n";
        NotebookPage.ConsoleEntry money = page.runChunkWith(notebook, "class Money");
        assertEquals("done", money.state(), money.error());
        WebElement html = money.element().findElement(By.cssSelector(".console-display[data-mime-type=\"text/html\"]"));
        assertEquals("$3", page.isolatedContent(html).findElement(By.cssSelector("b.money")).getText());
        NotebookPage.ConsoleEntry shown = page.runChunkWith(notebook, "from IPython");
        assertEquals("done", shown.state(), shown.error());
        assertTrue(shown.output().contains("first"), shown.output());
        WebElement markdown = shown.element().findElement(By.cssSelector(".console-display[data-mime-type=\"text/markdown\"]"));
        assertEquals("Title", page.isolatedContent(markdown).findElement(By.tagName("h1")).getText());
    }

    /** A chunk awaits at its top level on MicroPython (the port's runPythonAsync), and Run All's next chunk waits for it. */
    @Test
    void aChunkAwaitsAtItsTopLevelAndTheNextWaitsForIt() {
        NotebookPage page = SITE.notebookPage().openWith("?python=micropython");
        page.awaitKernelState("idle", MICROPYTHON);
        String notebook = "%% py\nimport asyncio\nprint('start')\nawait asyncio.sleep(0.3)\nready = 'after the sleep'\nready\n"
                + "%% py\nready.upper()\n";
        page.replaceText(notebook);
        int before = page.consoleEntries().size();
        page.click("run-all");
        NotebookPage.ConsoleEntry awaited = page.awaitEntry(before);
        assertEquals("done", awaited.state(), awaited.error());
        assertEquals("'after the sleep'", awaited.value());
        assertTrue(awaited.output().contains("start"), awaited.output());
        NotebookPage.ConsoleEntry next = page.awaitEntry(before + 1);
        assertEquals("'AFTER THE SLEEP'", next.value(), next.error());
    }

    /** A js chunk reads MicroPython's globals with await jodide.python.get, as it reads Pyodide's (it said "still loading"). */
    @Test
    void aJavascriptChunkReadsMicroPythonsGlobalsWithJodidePythonGet() {
        NotebookPage page = SITE.notebookPage().openWith("?python=micropython");
        page.awaitKernelState("idle", MICROPYTHON);
        String notebook = "%% py\nimport array\nnames = ['ada', 'grace']\nsamples = array.array('d', [0.5, 1.5])\n"
                + "tags = {'red'}\nratio = float('nan')\nclass Point: pass\npoint = Point()\n"
                + "%% js\nconst [names, samples] = [await jodide.python.get('names'), await jodide.python.get('samples')];\n"
                + "const [tags, ratio] = [await jodide.python.get('tags'), await jodide.python.get('ratio')];\n"
                + "`${names.join('+')} ${samples.constructor.name} ${samples[1]} ${tags instanceof Set} ${Number.isNaN(ratio)}`\n"
                + "%% js\nawait jodide.python.get('point').catch((error) => error.message)\n";
        assertEquals("done", page.runChunkWith(notebook, "import array").state());
        NotebookPage.ConsoleEntry read = page.runChunkWith(notebook, "const [names");
        assertEquals("\"ada+grace Float64Array 1.5 true true\"", read.value(), read.error());
        NotebookPage.ConsoleEntry refused = page.runChunkWith(notebook, "await jodide.python.get('point')");
        assertTrue(refused.value().startsWith("\"Python's \\\"point\\\" has no JavaScript copy: it holds a Point, which is none"),
                refused.value());
    }

    @Test
    void aLargeListShowsItsStartAndIsListedInTheWorkspaceWithoutWritingItWhole() {
        NotebookPage page = SITE.notebookPage().openWith("?python=micropython");
        page.awaitKernelState("idle", MICROPYTHON);
        String notebook = "%% py\nclass Counted:\n    written = 0\n    def __repr__(self):\n        Counted.written += 1\n"
                + "        return 'c'\nbig = [Counted()] * 300000\nbig\n"
                + "%% py\nhow_many = Counted.written\nhow_many\n";
        NotebookPage.ConsoleEntry shown = page.runChunkWith(notebook, "class Counted");
        assertEquals("done", shown.state(), shown.error());
        assertTrue(shown.value().startsWith("[c, c, c, c"), shown.value().substring(0, Math.min(80, shown.value().length())));
        String row = page.workspaceRow("PYTHON", "big", Duration.ofSeconds(10));
        assertTrue(row.contains("[c, c, c"), row);

        NotebookPage.ConsoleEntry written = page.runChunkWith(notebook, "how_many =");
        assertEquals("done", written.state(), written.error());
        int count = Integer.parseInt(written.value().strip());
        assertTrue(count > 0 && count < 20_000, "only the elements that show were written, not 300,000: " + count);
    }

    /**
     * Stop during an endless loop restarts MicroPython (it cannot be interrupted), and says so. Stop is
     * clicked while the loop runs ({@link NotebookPage#clickWhileTheFrameIsBusy}); the loop ends by
     * itself after 6 s all the same, because under chromedriver the new frame starts only once the
     * removed one's loop has ended (docs/architecture.md, "A worker ends with its frame").
     */
    @Test
    void stopDuringAnEndlessLoopRestartsMicroPythonAndSaysSo() {
        NotebookPage page = SITE.notebookPage().openWith("?python=micropython");
        page.awaitKernelState("idle", MICROPYTHON);
        String notebook = "%% py\nimport time\nx = 7\nend = time.time() + 6\nwhile time.time() < end: pass\n%% py\nx\n";
        page.replaceText(notebook);
        WebElement stop = driver().findElement(By.id("stop-run"));
        assertEquals("restarts", stop.getDomAttribute("data-stop"));
        assertTrue(stop.getDomAttribute("title").contains("MicroPython"), stop.getDomAttribute("title"));
        int loop = page.consoleEntries().size();
        page.putCursorAt(notebook.indexOf("x = 7"));
        page.pressShiftEnter();
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> page.consoleEntries().size() > loop);
        page.awaitKernelState("busy", Duration.ofSeconds(10));
        page.clickWhileTheFrameIsBusy("stop-run");
        // Without Stop the loop would end in 6 s without an error.
        NotebookPage.ConsoleEntry stopped = page.awaitEntry(loop);
        assertTrue(stopped.error().contains("restarted"), stopped.error());
        page.awaitKernelState("idle", MICROPYTHON);
        NotebookPage.ConsoleEntry after = page.runChunkWith(notebook, "x\n");
        assertTrue(after.error().contains("NameError"), "a restarted MicroPython has no x: " + after.error());
    }

    @Test
    void theKernelMenuSwitchesTheSameNotebookBetweenMicroPythonAndPyodide() {
        NotebookPage page = SITE.notebookPage().open();
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        String notebook = "%% py\nimport sys\nsys.implementation.name\n";
        page.replaceText(notebook);
        page.click("kernel-menu");
        page.click("kernel-use-micropython");
        driver().findElement(By.id("kernel-close")).click();
        new WebDriverWait(driver(), MICROPYTHON).until(d -> "MicroPython: ready".equals(status()));
        assertTrue(driver().getCurrentUrl().contains("python=micropython"), "the page's address keeps the choice");
        assertEquals("'micropython'", page.runChunkWith(notebook, "import sys").value());

        page.click("kernel-menu");
        page.click("kernel-use-browser");
        driver().findElement(By.id("kernel-close")).click();
        new WebDriverWait(driver(), NotebookPage.PYTHON).until(d -> "Python: ready".equals(status()));
        assertEquals("'cpython'", page.runChunkWith(notebook, "import sys").value(), "the same notebook runs in Pyodide");
        List<String> notes = driver().findElements(By.cssSelector("#console .console-note")).stream().map(WebElement::getText).toList();
        assertTrue(notes.stream().anyMatch(note -> note.contains("MicroPython runs in this browser now")), notes.toString());
    }

    /**
     * After the Kernel menu switches a page from MicroPython to Pyodide, the editor page hands the new
     * frame its Python worker's scripts too, from the service worker's stored copies
     * (page/frame-scripts.js: one read per choice of Python). It used to read a page's frame files once,
     * for the first frame's Python, and the Pyodide frame's worker fetched its scripts from the frame's
     * opaque origin, past every cache: downloaded again, and offline not at all. A site of its own, so
     * that its first visit is one.
     */
    @Test
    void aSwitchToPyodideHandsTheFrameItsWorkersScriptsFromTheStoredCopies() throws IOException {
        List<String> workerScripts = List.of("python-worker.js", "python-worker-remote.js", "pyodide/pyodide.mjs");
        try (SiteServer site = SiteServer.start(BuiltSite.root(), 0)) {
            NotebookPage page = new NotebookPage(driver(), site.uri()).openWith("?python=micropython");
            page.awaitKernelState("idle", MICROPYTHON);
            // The service worker stores the app shell, the worker's scripts among it, as it installs.
            page.awaitStoredCopies(workerScripts, Duration.ofSeconds(60));
            page.click("kernel-menu");
            page.click("kernel-use-browser");
            driver().findElement(By.id("kernel-close")).click();
            new WebDriverWait(driver(), NotebookPage.PYTHON).until(d -> "Python: ready".equals(status()));
            String notebook = "%% py\nimport sys\nsys.implementation.name\n";
            assertEquals("'cpython'", page.runChunkWith(notebook, "import sys").value());
            List<String> downloaded = site.downloadedPaths();
            for (String script : workerScripts) {
                assertEquals(1, downloaded.stream().filter(("/" + script)::equals).count(),
                        script + " downloaded only as the service worker installed: " + downloaded);
            }
        }
    }

    /** A notebook whose first line says {@code python: micropython} runs with MicroPython for whoever opens it. */
    @Test
    void aNotebookThatAsksForMicroPythonInItsPreambleGetsIt() {
        String notebook = "python: micropython\n%% py\nimport sys\nsys.implementation.name\n";
        NotebookPage page = SITE.notebookPage().openWith("#iomd=" + ShareLinkIT.linkData(notebook));
        new WebDriverWait(driver(), MICROPYTHON).until(d -> "MicroPython: ready".equals(status()));
        assertEquals(notebook, page.editorText());
        assertEquals("'micropython'", page.runChunkWith(notebook, "import sys").value());
        List<String> notes = driver().findElements(By.cssSelector("#console .console-note")).stream().map(WebElement::getText).toList();
        assertTrue(notes.stream().anyMatch(note -> note.contains("This notebook asks for MicroPython")), notes.toString());
    }

    /**
     * input() asks with the browser's prompt (the report's frame may show dialogs), not a stdin that
     * never answers; what the run printed before shows while it asks.
     */
    @Test
    void inputAsksWithTheBrowsersPrompt() throws InterruptedException {
        NotebookPage page = SITE.notebookPage().openWith("?python=micropython");
        page.awaitKernelState("idle", MICROPYTHON);
        String notebook = "%% py\nprint('Welcome')\nname = input('Your name? ')\nprint('Hello,', name)\n";
        page.replaceText(notebook);
        int index = page.consoleEntries().size();
        page.putCursorAt(0);
        assertTrue(page.printedBeforeThePromptIsAnswered("Welcome", page::pressShiftEnter, "Your name?", "Ada"),
                "the printed text showed while the dialog asked");
        NotebookPage.ConsoleEntry answered = page.awaitEntry(index);
        assertEquals("done", answered.state(), answered.error());
        assertEquals("Welcome\nYour name? Ada\nHello, Ada\n", answered.output());
    }
}
