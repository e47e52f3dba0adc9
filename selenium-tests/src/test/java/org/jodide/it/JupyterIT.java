package org.jodide.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A notebook's Python on a real Jupyter server ({@link JupyterServer}: {@code python3 -m
 * jupyter_server} with a token, allowing the site's origin), chosen in the Kernel menu: py chunks run
 * there, js chunks stay in the browser; output, HTML, tracebacks in notebook lines, Stop, input(),
 * faults, and the token kept out of everything the notebook shares and out of the eval frame.
 *
 * <p>The tests share one page connected to one server, in the order below; each one that needs the
 * connection makes it if it is not there (so any of them also passes alone).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JupyterIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    /** A remote kernel answers in well under a second; its start takes a few. */
    private static final Duration REMOTE = Duration.ofSeconds(60);

    private static JupyterServer server;

    @BeforeAll
    static void startTheJupyterServer() throws IOException, InterruptedException {
        server = JupyterServer.start(SITE.uri().toString().replaceAll("/$", ""));
    }

    @AfterAll
    static void stopTheJupyterServer() {
        if (server != null) {
            server.close();
        }
    }

    private static WebDriver driver() {
        return SITE.browser().driver();
    }

    /** The editor connected to the test's server (connects unless it already is). */
    private static NotebookPage connected() {
        NotebookPage page = new NotebookPage(driver(), SITE.uri());
        String status = driver().getCurrentUrl().startsWith(SITE.uri().toString())
                ? driver().findElement(By.id("kernel-status")).getText() : "";
        if (status.startsWith("Python on 127.0.0.1:")) {
            return page;
        }
        page = SITE.notebookPage().clearLocalStorage().open();
        connect(page, server.url() + "?token=" + server.token(), "");
        awaitStatus("connected");
        closeDialog();
        page.awaitKernelState("idle", REMOTE);
        return page;
    }

    private static void connect(NotebookPage page, String url, String token) {
        page.click("kernel-menu");
        WebElement field = driver().findElement(By.id("jupyter-url"));
        field.clear();
        field.sendKeys(url);
        WebElement tokenField = driver().findElement(By.id("jupyter-token"));
        tokenField.clear();
        tokenField.sendKeys(token);
        page.click("kernel-connect");
    }

    /** Waits until the Kernel dialog's status is {@code state} (or error, which fails unless wanted); returns its text. */
    private static String awaitStatus(String state) {
        WebElement status = driver().findElement(By.id("kernel-dialog-status"));
        String reached = new WebDriverWait(driver(), REMOTE).until(d -> {
            String now = status.getDomAttribute("data-state");
            return state.equals(now) || "error".equals(now) ? now : null;
        });
        String text = status.getDomProperty("textContent");
        assertEquals(state, reached, "the Kernel dialog says: " + text + "\nserver log:\n" + server.log());
        return text;
    }

    private static void closeDialog() {
        if (driver().findElement(By.id("kernel-dialog")).getDomProperty("open").equals("true")) {
            driver().findElement(By.id("kernel-close")).click();
        }
    }


    @Test
    @Order(1)
    void pythonChunksRunOnTheServerWhileJavaScriptStaysInTheBrowserAndVariablesSurvive() throws IOException {
        NotebookPage page = connected();
        assertTrue(driver().findElement(By.id("kernel-status")).getText().startsWith("Python on 127.0.0.1:"),
                "the status says where Python runs: " + driver().findElement(By.id("kernel-status")).getText());
        String notebook = "%% py\nimport sys, os\nprint('\\x1b[32m' + sys.platform + '\\x1b[0m', sys.version.split()[0])\nos.getpid()\n"
                + "%% py\nx = 41\n%% py\nx + 1\n%% js\ntypeof window.pyodide + ' ' + (6 * 7)\n";
        NotebookPage.ConsoleEntry where = page.runChunkWith(notebook, "import sys");
        assertEquals("done", where.state(), where.error());
        String version = new String(new ProcessBuilder("/usr/bin/python3", "-c", "import sys; print(sys.version.split()[0])")
                .start().getInputStream().readAllBytes()).strip();
        assertTrue(where.output().contains("linux " + version), "the server's Python, not Pyodide (emscripten): " + where.output());
        assertEquals("linux rgb(15, 122, 40)", page.script("const run = arguments[0].querySelector('.console-output span[style]');"
                + " return run.textContent + ' ' + getComputedStyle(run).color;", where.element()),
                "the server's stream output is coloured by its escape codes, as the browser's is");
        long pid = Long.parseLong(where.value().strip());
        String command = ProcessHandle.of(pid).flatMap(handle -> handle.info().commandLine()).orElse("");
        assertTrue(command.contains("ipykernel"), "os.getpid() is a kernel process of this machine: " + pid + " " + command);

        NotebookPage.ConsoleEntry assigned = page.runChunkWith(notebook, "x = 41");
        assertEquals("done", assigned.state());
        String took = assigned.element().findElement(By.cssSelector(".console-time")).getDomAttribute("title");
        assertTrue(took.startsWith("Ran ") && !took.contains("until the page heard"), "the server's kernel timed the run: " + took);
        assertEquals("42", page.runChunkWith(notebook, "x + 1").value(), "x survives between chunks on the server");
        NotebookPage.ConsoleEntry js = page.runChunkWith(notebook, "typeof window");
        assertEquals("done", js.state(), js.error());
        assertTrue(js.value().contains("object 42"), "the js chunk ran in the browser, beside Pyodide: " + js.value());
        NotebookPage.ConsoleEntry read = page.runChunkWith(notebook + "%% js\nawait jodide.python.get('x')\n", "await jodide");
        assertEquals("done", read.state(), read.error());
        assertEquals("41", read.value(), "the server's x, not the browser's Python, which has none");
    }

    @Test
    @Order(1)
    void aJsChunkReadsCopiesOfTheServersVariablesInRunAllOrderAndHearsWhyWhenThereIsNone() {
        NotebookPage page = connected();
        String notebook = "%% py\nimport array, os\nsamples = array.array('d', [0.5, 1.5])\n"
                + "meta = {'pid': os.getpid(), 'tags': ('a', 'b'), 'none': None, 'huge': 2 ** 64}\n"
                + "%% js\nconst samples = await jodide.python.get('samples');\nconst meta = await jodide.python.get('meta');\n"
                + "[samples.constructor.name, samples.join('+'), typeof meta.pid, meta.tags.join(''), 'none' in meta, String(meta.none), typeof meta.huge, String(meta.huge)].join(' ')\n"
                + "%% js\nawait jodide.python.get('missing')\n"
                + "%% py\nclass Point: pass\npoint = Point()\n"
                + "%% js\nawait jodide.python.get('point')\n";
        page.replaceText(notebook);
        int before = page.consoleEntries().size();
        page.click("run-all");
        NotebookPage.ConsoleEntry defined = page.awaitEntry(before);
        assertEquals("done", defined.state(), defined.error());
        NotebookPage.ConsoleEntry copies = page.awaitEntry(before + 1);
        assertEquals("done", copies.state(), copies.error());
        assertTrue(copies.value().contains("Float64Array 0.5+1.5 number ab true undefined bigint 18446744073709551616"), copies.value()
                + ": a typed array, a dict as an object with its None, a tuple as an array, a big int as a BigInt");
        NotebookPage.ConsoleEntry missing = page.awaitEntry(before + 2);
        assertEquals("error", missing.state());
        assertTrue(missing.error().contains("Python has no global named \"missing\""), missing.error());

        NotebookPage.ConsoleEntry point = page.runChunkWith(notebook, "await jodide.python.get('point')");
        assertEquals("error", point.state(), "Run All stopped at the missing name, before the class chunk");
        assertTrue(point.error().contains("Python has no global named \"point\""), "not run yet: " + point.error());
        page.runChunkWith(notebook, "class Point");
        NotebookPage.ConsoleEntry noCopy = page.runChunkWith(notebook, "await jodide.python.get('point')");
        assertEquals("error", noCopy.state());
        assertTrue(noCopy.error().contains("Python's \"point\" has no JavaScript copy: it holds a Point"), noCopy.error());
    }

    @Test
    @Order(2)
    void anHtmlDisplayRendersAndATracebackNamesTheChunksNotebookLinesWithoutEscapeCodes() {
        NotebookPage page = connected();
        String notebook = "%% md\n# Remote\n%% py\nfrom IPython.display import HTML, display\n"
                + "display(HTML('<b class=\"remote-bold\">bold</b><script>window.remoteRan = 1</script>'"
                + " '<iframe sandbox=\"allow-same-origin allow-scripts\" srcdoc=\"&lt;p&gt;from the server&lt;/p&gt;\"></iframe>'))\n"
                + "%% py\ndef f():\n    return 1 / 0\nf()\n";
        NotebookPage.ConsoleEntry shown = page.runChunkWith(notebook, "from IPython");
        assertEquals("done", shown.state(), shown.error());
        WebElement display = shown.element().findElement(By.cssSelector("[data-mime-type=\"text/html\"]"));
        WebElement content = page.isolatedContent(display);
        assertEquals("bold", content.findElement(By.cssSelector("b.remote-bold")).getText());
        assertTrue(content.findElements(By.tagName("script")).isEmpty(), "the HTML is sanitized as local rich output is");
        assertEquals("allow-scripts", content.findElement(By.tagName("iframe")).getDomAttribute("sandbox"),
                "a frame of a run's output is kept, sandboxed to scripts only");

        NotebookPage.ConsoleEntry failed = page.runChunkWith(notebook, "def f");
        assertEquals("error", failed.state());
        String traceback = failed.error();
        assertTrue(traceback.contains("ZeroDivisionError: division by zero"), traceback);
        // def f() is on the notebook's line 7 (the py delimiter on line 6): f() on line 9, 1 / 0 on line 8.
        assertTrue(traceback.contains("File \"py chunk at line 6\", line 9"), "the call, in notebook lines: " + traceback);
        assertTrue(traceback.contains("File \"py chunk at line 6\", line 8, in f()"), "the frame of f: " + traceback);
        assertFalse(traceback.contains("\u001b["), "no ANSI escape codes: " + traceback);

        // The report shows the server's output at each chunk's place, as it shows the browser's (the
        // outputs of the earlier test's chunks may stay there: replacing the whole text makes new chunks).
        List<String> report = page.inReport(d -> {
            java.util.function.Function<WebDriver, List<String>> parts = x -> x.findElements(
                    By.cssSelector("#report > .report-chunk, #report > .report-output")).stream()
                    .map(part -> part.getText().strip()
                            + (part.findElements(By.cssSelector("[data-mime-type='text/html']")).isEmpty() ? "" : "[html]"))
                    .filter(text -> !text.isEmpty()).toList();
            try {
                return new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> {
                    List<String> now = parts.apply(x);
                    return now.stream().anyMatch(part -> part.contains("ZeroDivisionError")) ? now : null;
                });
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("the report shows " + parts.apply(d), e);
            }
        });
        int heading = report.indexOf("Remote");
        int html = report.indexOf("[html]");
        int error = java.util.stream.IntStream.range(0, report.size()).filter(i -> report.get(i).contains("ZeroDivisionError"))
                .findFirst().orElse(-1);
        assertTrue(heading >= 0 && html > heading && error > html,
                "the markdown, then the HTML display (isolated), then the traceback: " + report);
        assertTrue(report.get(error).contains("File \"py chunk at line 6\", line 9"), "the traceback, in the report: " + report);
        assertEquals(List.of("allow-scripts"), page.inReport(d -> ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return [...document.querySelectorAll('.report-output .isolated-output')]"
                        + ".flatMap(host => [...window.jodideReportLibs.isolatedRoot(host).querySelectorAll('iframe')])"
                        + ".map(frame => frame.getAttribute('sandbox'));")),
                "the server's run keeps its frame in the report too (not a saved output)");
        NotebookPage.ConsoleEntry browserOnly = page.runChunkWith(notebook + "%% py\nfrom js import document\n", "from js");
        assertEquals("error", browserOnly.state());
        assertTrue(browserOnly.error().contains("No module named 'js'\nPython runs on a Jupyter server: `js` is the page's JavaScript"),
                "a browser notebook's import says why it fails on the server: " + browserOnly.error());
    }

    @Test
    @Order(3)
    void stopInterruptsAnEndlessLoopOnTheServerAndTheVariablesStay() {
        NotebookPage page = connected();
        String notebook = "%% py\nkept = 'still here'\n%% py\nwhile True: pass\n%% py\nkept\n";
        assertEquals("done", page.runChunkWith(notebook, "kept =").state());
        int index = page.consoleEntries().size();
        page.putCursorAt(notebook.indexOf("while"));
        page.pressShiftEnter();
        page.awaitKernelState("busy", Duration.ofSeconds(10));
        page.click("stop-run");
        NotebookPage.ConsoleEntry stopped = page.awaitEntry(index);
        assertEquals("error", stopped.state());
        assertTrue(stopped.error().contains("KeyboardInterrupt"), stopped.error());
        assertEquals("'still here'", page.runChunkWith(notebook, "kept\n").value());
    }

    /** A thread a chunk started prints after the chunk ended: the console shows it, as the browser's Python's. */
    @Test
    @Order(4)
    void whatAThreadPrintsAfterItsChunkShowsInTheConsole() {
        NotebookPage page = connected();
        String notebook = "%% py\nimport threading\nthreading.Timer(0.3, lambda: print('from a server thread')).start()\n'started'\n";
        NotebookPage.ConsoleEntry started = page.runChunkWith(notebook, "import threading");
        assertEquals("'started'", started.value(), started.error());
        WebElement late = new WebDriverWait(driver(), REMOTE).withMessage(() -> "the console says "
                + driver().findElement(By.id("console")).getText()).until(d -> d.findElements(By.cssSelector("#console .console-outside"))
                .stream().filter(entry -> entry.getText().contains("from a server thread")).findFirst().orElse(null));
        assertEquals("Python on the Jupyter server, between runs", late.findElement(By.cssSelector(".console-label")).getText());
        assertFalse(started.output().contains("from a server thread"), started.output());
    }

    @Test
    @Order(4)
    void inputIsAnsweredInThePage() {
        NotebookPage page = connected();
        String notebook = "%% py\nname = input('Your name? ')\nprint('Hello,', name)\n";
        page.replaceText(notebook);
        int index = page.consoleEntries().size();
        page.putCursorAt(notebook.indexOf("name ="));
        page.pressShiftEnter();
        WebElement field = new WebDriverWait(driver(), REMOTE).until(d -> d.findElements(By.cssSelector(".chunk-output-question input"))
                .stream().findFirst().orElse(null));
        field.sendKeys("Ada Lovelace", Keys.ENTER);
        NotebookPage.ConsoleEntry answered = page.awaitEntry(index);
        assertEquals("done", answered.state(), answered.error());
        assertTrue(answered.output().contains("Your name? Ada Lovelace\nHello, Ada Lovelace"), answered.output());
    }

    @Test
    @Order(5)
    void completionHelpAndTheWorkspaceAskTheServersKernel() {
        NotebookPage page = connected();
        String notebook = "%% py\nimport os\nremote_rows = [1, 2, 3]\n";
        assertEquals("done", page.runChunkWith(notebook, "import os").state());
        assertEquals("remote_rows list [1, 2, 3]", page.workspaceRow("PYTHON", "remote_rows", Duration.ofSeconds(20)),
                "the workspace lists the server's variables");

        // Nothing is listed while the pane is off screen; what changed is listed once it shows.
        page.setWorkspaceShown(false);
        try {
            assertEquals("done", page.runChunkWith(NotebookPage.WORKSPACE_PROBE, "class Probe").state());
            assertEquals("0", page.runChunkWith(NotebookPage.WORKSPACE_PROBE + "%% py\nProbe.previews * 1\n", "Probe.previews * 1").value(),
                    "no listing previewed the server's variable while the pane was off screen");
            page.setWorkspaceShown(true);
            page.workspaceRow("PYTHON", "probe", Duration.ofSeconds(20));
            assertNotEquals("0", page.runChunkWith(NotebookPage.WORKSPACE_PROBE + "%% py\nProbe.previews * 1\n", "Probe.previews * 1").value());
        } finally {
            page.setWorkspaceShown(true);
        }

        assertTrue(offeredAfterTyping(page, "%% py\n", "remote_ro").contains("remote_rows"), "names of the server's namespace");
        List<String> attributes = offeredAfterTyping(page, "%% py\n", "os.pa");
        assertTrue(attributes.contains("os.path"), "attributes, as whole names: " + attributes);

        // Shift+Tab: IPython's own help, from the server's kernel, without its colour codes.
        String call = "%% py\nos.path.join(";
        page.replaceText(call);
        page.putCursorAt(call.length());
        page.editor().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        String help = new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> (String) page.script(
                "const help = document.querySelector('.cm-tooltip.cm-context-help'); return help ? help.textContent : null;"));
        assertTrue(help.contains("Signature:") && help.contains("join(a, *p)") && !help.contains("\u001b"), help);
    }

    @SuppressWarnings("unchecked")
    private static List<String> offeredAfterTyping(NotebookPage page, String chunk, String typed) {
        page.replaceText(chunk);
        page.putCursorAt(chunk.length());
        page.editor().sendKeys(typed);
        page.editor().sendKeys(Keys.chord(Keys.CONTROL, Keys.SPACE));
        return new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> {
            List<String> labels = (List<String>) page.script(
                    "return [...document.querySelectorAll('.cm-tooltip-autocomplete .cm-completionLabel')].map(e => e.textContent);");
            return labels.isEmpty() ? null : labels;
        });
    }

    @Test
    @Order(6)
    void clearOutputRedrawsInPlaceAndRestartGivesAFreshKernelOnTheServer() {
        NotebookPage page = connected();
        String notebook = "%% py\nfrom IPython.display import clear_output, display\nfor step in range(3):\n"
                + "    clear_output(wait=True)\n    print('step', step)\n"
                + "progress = display('0%', display_id=True)\nprogress.update('100%')\nbefore_restart = 1\n"
                + "%% py\nbefore_restart\n";
        NotebookPage.ConsoleEntry steps = page.runChunkWith(notebook, "from IPython");
        assertEquals("done", steps.state(), steps.error());
        assertEquals("step 2", steps.element().findElement(By.cssSelector(".console-stdout")).getDomProperty("textContent").strip(),
                "only the last redraw stays: " + steps.output());
        List<WebElement> displays = steps.element().findElements(By.cssSelector(".console-display"));
        assertEquals(1, displays.size(), "an update adds no display");
        assertEquals("'100%'", page.shownText(displays.get(0)).strip(), "the display handle's update shows in its place");

        page.click("restart-kernel");
        page.awaitKernelState("idle", REMOTE);
        NotebookPage.ConsoleEntry after = page.runChunkWith(notebook, "before_restart\n");
        assertEquals("error", after.state(), "the server's kernel restarted: its variables are gone");
        assertTrue(after.error().contains("NameError"), after.error());
        assertTrue(driver().findElement(By.id("kernel-status")).getText().startsWith("Python on 127.0.0.1:"),
                "Python stays on the server");
    }

    @Test
    @Order(7)
    void aKernelThatDiesSaysSoAndTheServerGivesAFreshOne() {
        NotebookPage page = connected();
        String notebook = "%% py\nimport os\nos._exit(1)\n%% py\n6 * 7\n";
        NotebookPage.ConsoleEntry died = page.runChunkWith(notebook, "import os");
        assertEquals("error", died.state());
        assertTrue(died.error().contains("died"), "the run says the kernel died: " + died.error());
        page.awaitKernelState("idle", REMOTE);
        assertEquals("42", page.runChunkWith(notebook, "6 * 7").value(), "the server restarted the kernel, and it runs");
    }

    @Test
    @Order(8)
    void theTokenIsNowhereInTheNotebookItsLinkOrTheEvalFrame() {
        NotebookPage page = connected();
        page.replaceText("%% py\n1 + 1\n");
        List<String> downloaded = page.offeredDownload(() -> page.click("download-notebook"));
        assertTrue(downloaded.get(1).contains("1 + 1"), "the downloaded .iomd: " + downloaded);
        assertFalse(downloaded.get(1).contains(server.token()), "the downloaded .iomd holds no token");
        page.click("copy-link");
        String link = new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> {
            String value = d.findElement(By.id("share-link")).getDomProperty("value");
            return value == null || value.isEmpty() ? null : value;
        });
        driver().findElement(By.id("share-close")).click();
        String carried = LinkedNotebooks.carried(link);
        assertTrue(carried.contains("1 + 1"), "the link carries the notebook: " + carried);
        assertFalse(link.contains(server.token()) || carried.contains(server.token()), "the copied link, or the notebook it carries");
        assertFalse(page.script("return Object.keys(localStorage).filter(key => !key.startsWith('jodide.kernel.'))"
                + ".map(key => localStorage.getItem(key)).join(' ');").toString().contains(server.token()),
                "the editor's storage holds the token only under the notebook's kernel choice");
        Object inFrame = page.inReport(d -> ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "const token = arguments[0];"
                        + "const seen = new Set();"
                        + "const holds = (value, depth) => {"
                        + "  if (typeof value === 'string') return value.includes(token);"
                        + "  if (!value || typeof value !== 'object' || depth > 3 || seen.has(value)) return false;"
                        + "  seen.add(value);"
                        + "  let names = []; try { names = Object.getOwnPropertyNames(value); } catch (e) { return false; }"
                        + "  return names.some(name => { try { return holds(value[name], depth + 1); } catch (e) { return false; } });"
                        + "};"
                        + "return Object.getOwnPropertyNames(window).filter(name => { try { return holds(window[name], 0); } catch (e) { return false; } })"
                        + "  .concat(document.documentElement.outerHTML.includes(token) ? ['document'] : [])"
                        + "  .concat(location.href.includes(token) ? ['location'] : []);", server.token()));
        assertEquals(List.of(), inFrame, "the eval frame holds the token nowhere (its globals, document, address)");
    }

    /**
     * The choice is the notebook's in this browser: coming back to it reconnects; a notebook opened
     * from a link (another notebook) stays in the browser, whatever the last one used.
     */
    @Test
    @Order(9)
    void reopeningTheNotebookReconnectsButANotebookFromALinkNeverConnectsByItself() throws Exception {
        NotebookPage page = connected();
        page.replaceText("%% py\nimport os\nos.getpid()\n");
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> "kept".equals(
                d.findElement(By.id("save-status")).getDomAttribute("data-state")));
        page.reopen();
        WebElement status = driver().findElement(By.id("kernel-status"));
        new WebDriverWait(driver(), REMOTE).until(d -> status.getText().startsWith("Python on 127.0.0.1:") && "idle".equals(page.kernelState()));
        page.putCursorAt(page.editorText().indexOf("os.getpid"));
        NotebookPage.ConsoleEntry where = page.runWithShiftEnter();
        long pid = Long.parseLong(where.value().strip());
        assertTrue(ProcessHandle.of(pid).flatMap(handle -> handle.info().commandLine()).orElse("").contains("ipykernel"),
                "the reopened notebook runs on the server again: pid " + pid + ", " + where.output());

        page.reopenWith("#iomd=" + ShareLinkIT.linkData("%% py\nimport sys\nsys.platform\n"));
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        assertEquals("Python: ready", driver().findElement(By.id("kernel-status")).getText(),
                "a notebook from a link runs in the browser until its reader chooses otherwise");
    }

    @Test
    @Order(10)
    void aWrongTokenSaysTheServerRefusedItAndPythonStaysWhereItWas() {
        NotebookPage page = SITE.notebookPage().clearLocalStorage().open();
        connect(page, server.url(), "not-the-token");
        String refused = awaitStatusError();
        assertTrue(refused.toLowerCase().contains("token"), "the message says the token was refused: " + refused);
        assertFalse(refused.contains("not-the-token"), "and does not repeat it: " + refused);
        closeDialog();
        String note = page.awaitNote("Could not connect");
        assertTrue(note.contains("still runs in the browser"), note);
        assertTrue(driver().findElement(By.id("kernel-status")).getText().startsWith("Python:"), "Python stays in the browser");

        connect(page, "http://127.0.0.1:9/", "");
        String unreachable = awaitStatusError();
        assertTrue(unreachable.contains("http://127.0.0.1:9/") && unreachable.contains("allow_origin"),
                "a server that does not answer: where, and the setting that looks the same from a browser: " + unreachable);
        closeDialog();
    }

    @Test
    @Order(11)
    void aServerThatDiesMidRunEndsTheRunWithAClearMessageAndTheBrowserKernelTakesOver() throws IOException, InterruptedException {
        try (JupyterServer doomed = JupyterServer.start(SITE.uri().toString().replaceAll("/$", ""))) {
            NotebookPage page = SITE.notebookPage().clearLocalStorage().open();
            connect(page, doomed.url(), doomed.token());
            awaitStatus("connected");
            closeDialog();
            page.awaitKernelState("idle", REMOTE);
            String notebook = "%% py\nimport time\ntime.sleep(120)\n%% py\n'back in the browser'\n";
            page.replaceText(notebook);
            int index = page.consoleEntries().size();
            page.putCursorAt(notebook.indexOf("import time"));
            page.pressShiftEnter();
            page.awaitKernelState("busy", Duration.ofSeconds(10));
            doomed.close();
            NotebookPage.ConsoleEntry lost = page.awaitEntry(index);
            assertEquals("error", lost.state());
            assertTrue(lost.error().contains("Jupyter"), "the run says the server went away: " + lost.error());
            assertTrue(List.of("loading", "failed").contains(page.kernelState()),
                    "the status says Python is reconnecting or lost: " + page.kernelState());

            page.click("kernel-menu");
            page.click("kernel-use-browser");
            closeDialog();
            page.awaitKernelState("idle", NotebookPage.PYTHON);
            assertEquals("'back in the browser'", page.runChunkWith(notebook, "'back").value());
        }
    }

    private static String awaitStatusError() {
        WebElement status = driver().findElement(By.id("kernel-dialog-status"));
        new WebDriverWait(driver(), REMOTE).until(d -> "error".equals(status.getDomAttribute("data-state")));
        return status.getDomProperty("textContent");
    }

    /** Save on the server: the notebook as an .ipynb with the server's outputs, at a path of the server, replaced only when asked. */
    @Test
    @Order(12)
    void theNotebookIsSavedOnTheServerAsAnIpynbWithItsOutputs() throws Exception {
        NotebookPage page = connected();
        String notebook = "%% md\n# On the server\n\n%% py\nimport sys\nprint('from', sys.platform)\n6 * 7\n";
        assertEquals("42", page.runChunkWith(notebook, "import sys").value());
        page.click("kernel-menu");
        WebElement path = driver().findElement(By.id("jupyter-save-path"));
        assertTrue(path.isDisplayed(), "the save section shows while Python runs on the server");
        assertEquals("notebook.ipynb", path.getDomProperty("value"), "the notebook's name is suggested");
        path.clear();
        path.sendKeys("saved-from-jodide.ipynb");
        WebElement status = driver().findElement(By.id("jupyter-save-status"));
        page.click("jupyter-save-button");
        new WebDriverWait(driver(), REMOTE).until(d -> "saved".equals(status.getDomAttribute("data-state")));
        assertEquals(server.url() + "lab/tree/saved-from-jodide.ipynb",
                status.findElement(By.tagName("a")).getDomAttribute("href"), "a link to it in JupyterLab");
        Path file = server.root().resolve("saved-from-jodide.ipynb");
        String outputs = new String(new ProcessBuilder("/usr/bin/python3", "-c",
                "import nbformat, sys\nnb = nbformat.read(sys.argv[1], as_version=4)\nnbformat.validate(nb)\n"
                        + "print([o.get('text') or o.get('data') for o in nb.cells[1].outputs])", file.toString())
                .redirectErrorStream(true).start().getInputStream().readAllBytes()).strip();
        assertEquals("['from linux\\n', {'text/plain': '42'}]", outputs, "the server's file, read by nbformat");

        Files.writeString(file, "mine");
        page.click("jupyter-save-button");
        new WebDriverWait(driver(), REMOTE).until(d -> "exists".equals(status.getDomAttribute("data-state")));
        assertEquals("mine", Files.readString(file), "a file there is kept until the user asks to replace it");
        assertEquals("Replace saved-from-jodide.ipynb", driver().findElement(By.id("jupyter-save-button")).getText());
        page.click("jupyter-save-button");
        new WebDriverWait(driver(), REMOTE).until(d -> "saved".equals(status.getDomAttribute("data-state")));
        assertTrue(Files.readString(file).contains("\"# On the server\""), "replaced: " + Files.readString(file));
        closeDialog();
    }

    /** Open from the server: its folders and notebooks are listed, and an .ipynb there opens as .iomd with its saved outputs. */
    @Test
    @Order(13)
    void aNotebookOfTheServerOpensInPlaceOfTheOneShown() throws Exception {
        Files.createDirectories(server.root().resolve("work"));
        Files.writeString(server.root().resolve("work/notes.txt"), "not a notebook");
        Files.writeString(server.root().resolve("work/plot.ipynb"), "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {},"
                + " \"cells\": [{\"cell_type\": \"code\", \"id\": \"a\", \"metadata\": {}, \"execution_count\": 3, \"source\": \"6 * 7\","
                + " \"outputs\": [{\"output_type\": \"execute_result\", \"execution_count\": 3, \"metadata\": {},"
                + " \"data\": {\"text/plain\": \"42\"}}]}]}");
        NotebookPage page = connected();
        page.click("kernel-menu");
        WebElement folder = new WebDriverWait(driver(), REMOTE).until(d -> d.findElements(
                By.cssSelector("#jupyter-open-list button[data-path='work']")).stream().findFirst().orElse(null));
        assertEquals("work/", folder.getText());
        folder.click();
        WebElement notebook = new WebDriverWait(driver(), REMOTE).until(d -> d.findElements(
                By.cssSelector("#jupyter-open-list button[data-path='work/plot.ipynb']")).stream().findFirst().orElse(null));
        assertEquals(List.of("plot.ipynb"), driver().findElements(By.cssSelector("#jupyter-open-list button")).stream()
                .map(WebElement::getText).toList(), "only notebooks are offered");
        notebook.click();
        new WebDriverWait(driver(), REMOTE).until(d -> "%% py\n6 * 7\n".equals(page.editorText()));
        assertEquals("false", driver().findElement(By.id("kernel-dialog")).getDomProperty("open"), "the dialog closes");
        WebElement saved = new WebDriverWait(driver(), REMOTE).until(d -> d.findElement(By.cssSelector(".chunk-output[data-state='done']")));
        assertTrue(saved.getText().contains("42"), "the saved output shows: " + saved.getText());
    }

    /**
     * Data files kept in this browser reach the server's kernel when the user copies them (Kernel…,
     * "Data files on the server"): into the server's folder, where its kernel starts, never over a
     * file the server has.
     */
    @Test
    @Order(14)
    void theBrowsersDataFilesCopyToTheServerWhereItsKernelOpensThem() throws Exception {
        Files.writeString(server.root().resolve("kept.txt"), "the server's");
        NotebookPage page = connected();
        page.dropFileOn("#report-pane", "from-browser.csv", "x,y\n3,4\n");
        page.dropFileOn("#report-pane", "kept.txt", "the browser's");
        new WebDriverWait(driver(), REMOTE).until(d -> (Boolean) page.script(
                "return document.querySelectorAll('#files-list tr.data-file').length >= 2;"));
        page.script("document.getElementById('files-dialog').close();");
        page.click("kernel-menu");
        page.click("jupyter-copy-files");
        WebElement status = driver().findElement(By.id("jupyter-files-status"));
        new WebDriverWait(driver(), REMOTE).until(d -> "copied".equals(status.getDomAttribute("data-state"))
                || "error".equals(status.getDomAttribute("data-state")));
        assertEquals("Copied from-browser.csv to the Jupyter server's folder; it had kept.txt already, left as it is.",
                status.getText());
        closeDialog();
        assertEquals("x,y\n3,4\n", Files.readString(server.root().resolve("from-browser.csv")));
        assertEquals("the server's", Files.readString(server.root().resolve("kept.txt")));
        NotebookPage.ConsoleEntry read = page.runChunkWith("%% py\nopen('from-browser.csv').read()\n", "open(");
        assertEquals("'x,y\\n3,4\\n'", read.value(), "the server's kernel opens the copy: " + read.error());
    }

    /**
     * {@code @jupyterlab/services}' kernel manager shuts down every connection whose kernel its first
     * list of the server's kernels lacks: a list asked for beside the new kernel's start but answered
     * after it killed the new kernel's connection as it started (a CI run failed so). DevTools holds
     * every answer to {@code GET /api/kernels} until the start ({@code POST /api/kernels}) has been
     * answered, or {@link KernelListsHeldBack#HOLD} has passed: a page that starts its kernel before
     * the manager's first list has come gets its connection killed; one that waits for the list gets
     * it late, and connects.
     */
    @Test
    @Order(15)
    void aKernelListAnsweredAfterTheKernelStartedDoesNotKillTheNewKernel() {
        NotebookPage page = SITE.notebookPage().clearLocalStorage().open();
        try (KernelListsHeldBack lists = new KernelListsHeldBack(SITE.browser().driver())) {
            connect(page, server.url() + "?token=" + server.token(), "");
            awaitStatus("connected");
            closeDialog();
            page.awaitKernelState("idle", REMOTE);
            assertTrue(lists.held() > 0, "a kernel list was asked for, and held back, while the page connected");
            assertEquals(List.of(), lists.failures(), "every held answer went on to the page");
        }
        assertEquals("42", page.runChunkWith("%% py\n6 * 7\n", "6 * 7").value(), "the new kernel runs");
        assertTrue(driver().findElement(By.id("kernel-status")).getText().startsWith("Python on 127.0.0.1:"),
                "the kernel is still the server's: " + driver().findElement(By.id("kernel-status")).getText());
    }
}
