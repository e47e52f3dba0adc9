package org.jodide.it;

import org.jodide.browser.DirectDevTools;
import org.jodide.core.kernel.WorkspaceRefresh;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** The notebook page as a user sees it: the editor, the toolbar, the console and the report frame. */
final class NotebookPage {
    /** Pyodide cold-loads in 3-6 s here; a first Python result may take that long and more on a busy machine. */
    static final Duration PYTHON = Duration.ofSeconds(90);

    /** JavaScript for the page's NotebookEditor (the API of codemirror.js, see static/src/main/js/editor). */
    static final String EDITOR = "window.jodideCodeMirror.findNotebookEditor(document.getElementById('notebook-editor'))";

    private final WebDriver driver;
    private final URI site;

    NotebookPage(WebDriver driver, URI site) {
        this.driver = driver;
        this.site = site;
    }

    /**
     * Opens the page afresh: the notebooks the site kept in this browser (IndexedDB, see
     * {@link #reopen()}) are forgotten first, so that no earlier test's text comes back.
     */
    NotebookPage open() {
        forgetKeptNotebooks();
        return reopen();
    }

    /** Opens the page as a user coming back would: with the notebooks kept in this browser (autosave). */
    NotebookPage reopen() {
        driver.switchTo().defaultContent();
        driver.get(site.toString());
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> editor().isDisplayed());
        return awaitAppReady();
    }

    /**
     * Leaves the page (so that it stores nothing more) and forgets the notebooks the site keeps
     * in this browser's IndexedDB.
     */
    NotebookPage forgetKeptNotebooks() {
        driver.switchTo().defaultContent();
        driver.get("about:blank");
        clearStorage("indexeddb");
        return this;
    }

    /**
     * Waits until the application has taken over the page ({@code <html data-app="ready">}) and
     * shows the notebook asked for ({@code data-notebook="shown"}): the editor is typable before
     * that, but the toolbar and the run commands are wired only then, and the text kept in this
     * browser arrives from IndexedDB a moment later.
     */
    NotebookPage awaitAppReady() {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            WebElement html = d.findElement(By.tagName("html"));
            return "ready".equals(html.getDomAttribute("data-app")) && "shown".equals(html.getDomAttribute("data-notebook"));
        });
        return this;
    }

    /**
     * Opens the page with a query ({@code "?view=report"}, {@code "?notebook=examples/a.iomd"}) and
     * waits until the editor page has started; unlike {@link #open()}, the editor may be hidden.
     */
    NotebookPage openWith(String query) {
        forgetKeptNotebooks();
        return reopenWith(query);
    }

    /** {@link #openWith} keeping the notebooks kept in this browser. */
    NotebookPage reopenWith(String query) {
        driver.switchTo().defaultContent();
        driver.get(site + query);
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.id("notebook-editor")).isEmpty());
        return awaitAppReady();
    }

    /**
     * Forgets what the site keeps in localStorage (trusted notebooks, theme, pane sizes) and
     * IndexedDB (the notebooks kept) without loading a page.
     */
    NotebookPage clearLocalStorage() {
        clearStorage("local_storage,indexeddb");
        return this;
    }

    private void clearStorage(String types) {
        String origin = site.getScheme() + "://" + site.getRawAuthority();
        ((org.openqa.selenium.chrome.ChromeDriver) driver).executeCdpCommand("Storage.clearDataForOrigin",
                java.util.Map.of("origin", origin, "storageTypes", types));
    }

    /**
     * Runs {@code action}, which makes the page offer a download, and returns the file name and
     * the text it offered (a byte order mark kept), read in the page: the download is intercepted, nothing
     * lands in a download folder.
     */
    List<String> offeredDownload(Runnable action) {
        // The hooks go in once per page: a second download in the same page reuses them.
        script("window.offered = [];"
                + "if (!window.offeredHooked) {"
                + "  window.offeredHooked = true;"
                + "  const createObjectURL = URL.createObjectURL;"
                + "  URL.createObjectURL = (blob) => { window.offered.push({blob}); return createObjectURL.call(URL, blob); };"
                + "  HTMLAnchorElement.prototype.click = function () { window.offered[window.offered.length - 1].name = this.download; };"
                + "}");
        action.run();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> ((Number) script("return window.offered.length;")).intValue() == 1);
        String json = (String) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "const offered = window.offered[0];"
                        + "offered.blob.arrayBuffer().then(bytes => done(JSON.stringify([offered.name,"
                        + "  new TextDecoder('utf-8', {ignoreBOM: true}).decode(bytes)])));");
        return new Json().toType(json, List.class);
    }

    /** The page's view, {@code explore} or {@code report} (the root element's data-view). */
    String view() {
        return (String) script("return document.documentElement.dataset.view;");
    }

    /**
     * The editable text of the CodeMirror editor (its {@code .cm-content}): send keys to it as a
     * user types. Sending keys focuses it; when it already has focus, the cursor stays put.
     */
    WebElement editor() {
        return driver.findElement(By.cssSelector("#notebook-editor .cm-content"));
    }

    /** The notebook's text, exactly (no line break normalisation). */
    String editorText() {
        return string(EDITOR + ".getText()");
    }

    /**
     * The string a JavaScript expression gives, exactly: passed as JSON, since WebDriver turns
     * the "\r\n" of strings returned as they are into "\n".
     */
    String string(String expression) {
        return new Json().toType((String) script("return JSON.stringify(" + expression + ");"), String.class);
    }

    /**
     * Replaces the notebook by typing it, key by key, as a user would, and waits until the editor
     * holds exactly {@code text}. CodeMirror indents new lines and closes brackets as it goes, so
     * use text whose typing gives itself: no indented line after a line ending in {@code :}.
     */
    void type(String text) {
        WebElement editor = editor();
        editor.click();
        editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        editor.sendKeys(text);
        try {
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> text.equals(editorText()));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("typing " + quoted(text) + " gave " + quoted(editorText()), e);
        }
    }

    /** Replaces the notebook at once (for long notebooks), as one edit like typing makes; the cursor goes to the end. */
    /** Adds {@code text} at the end of the notebook, as typing there would: the chunks before keep their ids and outputs. */
    void appendText(String text) {
        script("const editor = " + EDITOR + "; const view = editor.view; const end = view.state.doc.length;"
                + "view.dispatch({changes: {from: end, insert: arguments[0]}, selection: {anchor: end + arguments[0].length},"
                + " userEvent: 'input.paste'});"
                + "editor.focus();", text);
    }

    void replaceText(String text) {
        script("const editor = " + EDITOR + "; const view = editor.view;"
                + "view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: arguments[0]},"
                + " selection: {anchor: arguments[0].length}, userEvent: 'input.paste'});"
                + "editor.focus();", text);
    }

    /** Focuses the editor and puts the cursor at {@code offset} (0-based UTF-16). */
    void putCursorAt(int offset) {
        script("const editor = " + EDITOR + "; editor.focus(); editor.setCursor(arguments[0]);", offset);
    }

    int cursor() {
        return ((Number) script("return " + EDITOR + ".getCursor();")).intValue();
    }

    /** The console input's text (its CodeMirror lines, without the placeholder shown when it is empty). */
    String replText() {
        return (String) script("const content = document.getElementById('repl-input');"
                + "if (content.localName === 'textarea') return content.value;"
                + "return [...content.querySelectorAll('.cm-line')].map(line => [...line.childNodes]"
                + "  .filter(node => !(node.classList && node.classList.contains('cm-placeholder')))"
                + "  .map(node => node.textContent).join('')).join('\\n');");
    }

    void pressShiftEnter() {
        editor().sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
    }

    /**
     * The content of a rich output ({@code display}: an element with a {@code data-mime-type}),
     * which renders in a closed shadow root (see rich-output.js): the element holding it there.
     */
    WebElement isolatedContent(WebElement display) {
        return (WebElement) script("return window.jodideReportLibs.isolatedRoot(arguments[0].querySelector('.isolated-output'));",
                display);
    }

    /** The text a user sees in an output piece, rich outputs included (their shadow roots are closed to getText). */
    String shownText(WebElement piece) {
        return (String) script("const host = arguments[0].querySelector('.isolated-output');"
                + "return (host ? window.jodideReportLibs.isolatedRoot(host) : arguments[0]).innerText;", piece);
    }

    /**
     * Makes the editor's end of its MessageChannel to the frame {@code window.frameChannel} the
     * next time the editor sends (run a chunk after this), so a test can talk to the frame as the
     * editor does. No hook in the product: {@code MessagePort.prototype.postMessage} is wrapped once.
     */
    void captureFrameChannel() {
        script("const send = MessagePort.prototype.postMessage;"
                + "MessagePort.prototype.postMessage = function(...message) {"
                + "  window.frameChannel = this; MessagePort.prototype.postMessage = send; return send.apply(this, message); };"
                // The texts of one message on that channel: one, or a batch of those sent in one task.
                + "window.frameTexts = (data) => typeof data === 'string' ? [data]"
                + "  : (data && Array.isArray(data.jodideBatch) ? data.jodideBatch : []);");
    }

    /** Runs {@code script} in the page (with {@code arguments}); returns its result. */
    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Drops a file named {@code name} holding {@code text} onto the editor, as dragging it from the desktop does. */
    void dropFile(String name, String text) {
        dropFileOn("#notebook-editor .cm-content", name, text);
    }

    /** Drops a file holding {@code text} onto the element {@code selector} finds, as a user drags one there. */
    void dropFileOn(String selector, String name, String text) {
        script("const data = new DataTransfer();"
                + "data.items.add(new File([arguments[0]], arguments[1], {type: ''}));"
                + "const target = document.querySelector(arguments[2]);"
                + "for (const type of ['dragenter', 'dragover', 'drop']) {"
                + "  target.dispatchEvent(new DragEvent(type, {dataTransfer: data, bubbles: true, cancelable: true})); }",
                text, name, selector);
    }

    /**
     * Hides or shows the workspace pane (as Report view or a closed pane does), then waits two
     * frames, so that the page has seen whether its table is on screen and told the kernel.
     */
    void setWorkspaceShown(boolean shown) {
        ((JavascriptExecutor) driver).executeAsyncScript("const [shown, done] = arguments;"
                + "document.getElementById('workspace-pane').style.display = shown ? '' : 'none';"
                + "requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done)));", shown);
    }

    /**
     * Waits until the site's service worker holds a stored copy of each of {@code paths} (site paths
     * such as {@code pyodide/pyodide.asm.wasm}) in one of its caches, at most {@code limit}.
     */
    void awaitStoredCopies(List<String> paths, Duration limit) {
        new WebDriverWait(driver, limit).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeAsyncScript(
                "const [paths, done] = [arguments[0], arguments[arguments.length - 1]];"
                        + "caches.keys().then((names) => Promise.all(paths.map((path) => Promise.all(names"
                        + ".filter((name) => name.startsWith('jodide-'))"
                        + ".map((name) => caches.open(name).then((cache) => cache.match(new URL(path, document.baseURI)))))"
                        + ".then((found) => found.some(Boolean)))))"
                        + ".then((held) => done(held.every(Boolean)), () => done(false));", paths)));
    }

    /**
     * The page's service worker once it is activated: its state and scope ("activated http://…/"),
     * waiting at most {@code limit}. {@code navigator.serviceWorker.ready} resolves while the worker
     * may still be "activating", so the state is read until it is "activated"; the wait fails with
     * the last state seen. An activated worker has stored the app shell (its install stores it);
     * Pyodide's core it stores when the page asks ({@link #awaitStoredCopies}).
     */
    String awaitActivatedServiceWorker(Duration limit) {
        String[] last = {"never ready"};
        try {
            return new WebDriverWait(driver, limit).until(d -> {
                last[0] = String.valueOf(((JavascriptExecutor) d).executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "navigator.serviceWorker.ready.then((r) => done(r.active.state + ' ' + r.scope), (e) => done(String(e)));"));
                return last[0].startsWith("activated ") ? last[0] : null;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the service worker was not activated within " + limit + ": " + last[0], e);
        }
    }

    /**
     * The text of the workspace's row of {@code language}'s variable {@code name} (its cells joined by
     * spaces), once it is there, waiting at most {@code limit}; a row found may go stale (its variable
     * deleted, another notebook opened): it is looked for again.
     */
    String workspaceRow(String language, String name, Duration limit) {
        return new WebDriverWait(driver, limit).ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector(
                    "#workspace tr[data-language='" + language + "'][data-name='" + name + "']"));
            return rows.isEmpty() ? null : rows.get(0).getText().replace('\n', ' ').replace('\t', ' ');
        });
    }

    /**
     * A py chunk whose variable {@code probe} counts how often a workspace listing previewed it
     * ({@code Probe.previews}: its {@code __repr__} counts its calls).
     */
    static final String WORKSPACE_PROBE = "%% py\nclass Probe:\n    previews = 0\n    def __repr__(self):\n"
            + "        Probe.previews += 1\n        return 'probe'\nprobe = Probe()\n";

    /**
     * Waits while nothing may be listed: ten times the quiet time a workspace listing waits for after
     * runs ({@link WorkspaceRefresh#QUIET_MS}), so that a listing that should not happen has happened.
     */
    static void waitLongerThanAListingWould() throws InterruptedException {
        Thread.sleep(WorkspaceRefresh.QUIET_MS * 10);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\n", "\\n") + "\"";
    }

    void click(String buttonId) {
        driver.findElement(By.id(buttonId)).click();
    }

    /**
     * Clicks the button {@code buttonId} with the mouse while the report's frame is stuck in a loop
     * (Python on the frame's thread, a js chunk): through DevTools directly, as a user's click reaches
     * the page. Chromedriver waits for every frame of the page, so {@link #click} there, or a script's
     * click, landed only once the loop had ended by itself.
     */
    void clickWhileTheFrameIsBusy(String buttonId) {
        try (DirectDevTools devTools = new DirectDevTools((org.openqa.selenium.chrome.ChromeDriver) driver)) {
            devTools.click("document.getElementById('" + buttonId + "')");
        }
    }

    List<WebElement> consoleEntries() {
        return driver.findElements(By.cssSelector("#console .console-entry"));
    }

    /**
     * Puts {@code notebook} in the editor (unless it is there already), runs the chunk holding
     * {@code marker} with Shift+Enter and waits for it; returns its console entry.
     */
    ConsoleEntry runChunkWith(String notebook, String marker) {
        if (!notebook.equals(editorText())) {
            replaceText(notebook);
        }
        putCursorAt(notebook.indexOf(marker));
        return runWithShiftEnter();
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

    /** Waits (10 s) for a console note (a grey line outside any run) containing {@code part}; returns its text. */
    String awaitNote(String part) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> noteContaining(part).map(WebElement::getText).orElse(null));
    }

    /** Waits (10 s) for a console note containing {@code part}; returns it (to click its buttons: Discard changes, …). */
    WebElement awaitNoteElement(String part) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> noteContaining(part).orElse(null));
    }

    private java.util.Optional<WebElement> noteContaining(String part) {
        return driver.findElements(By.cssSelector("#console .console-note")).stream()
                .filter(note -> note.getText().contains(part)).findFirst();
    }

    /** Waits for a red console line (a fault outside any run's result) containing {@code part}; returns its text. */
    String awaitConsoleFault(String part) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector("#console .console-fault"))
                .stream().map(WebElement::getText).filter(text -> text.contains(part)).findFirst().orElse(null));
    }

    String kernelState() {
        return driver.findElement(By.id("kernel-status")).getDomAttribute("data-state");
    }

    void awaitKernelState(String state, Duration timeout) {
        new WebDriverWait(driver, timeout).until(d -> state.equals(kernelState()));
    }

    /**
     * Answers the browser's dialog that Python's {@code input()} opens on the report's thread, after
     * it has been open for a second, and says whether {@code printed} was in the console before the
     * answer. WebDriver cannot look at the page while a dialog is open, so the page notes when the
     * text appeared; call this before the run starts (it starts watching), then {@code ask} starts it.
     */
    boolean printedBeforeThePromptIsAnswered(String printed, Runnable ask, String question, String answer) throws InterruptedException {
        // In what runs printed, not in the code the console shows with it.
        script("window.jodideTestShownAt = null; const console = document.getElementById('console');"
                + "new MutationObserver(() => { if (window.jodideTestShownAt === null && [...console.querySelectorAll('.console-output')]"
                + ".some(output => output.textContent.includes(arguments[0]))) window.jodideTestShownAt = Date.now(); })"
                + ".observe(console, {subtree: true, childList: true, characterData: true});", printed);
        ask.run();
        org.openqa.selenium.Alert dialog = new WebDriverWait(driver, PYTHON).until(
                org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
        if (!question.equals(dialog.getText().strip())) {
            throw new AssertionError("the dialog asks " + dialog.getText());
        }
        Thread.sleep(1000);
        long answeredAt = System.currentTimeMillis();
        dialog.sendKeys(answer);
        dialog.accept();
        Number shownAt = (Number) script("return window.jodideTestShownAt;");
        return shownAt != null && shownAt.longValue() < answeredAt;
    }

    /**
     * The labels of the report's first drawn Mermaid diagram (static/src/main/js/report/diagrams.js:
     * an isolated output in a {@code .report-diagram}), once there is one, waiting at most {@code limit}.
     */
    @SuppressWarnings("unchecked")
    List<String> awaitDiagramLabels(Duration limit) {
        return inReport(frame -> new WebDriverWait(frame, limit).until(d -> (List<String>) ((JavascriptExecutor) d).executeScript(
                DIAGRAM_LABELS + "const host = document.querySelector('#report .report-diagram .isolated-output');"
                        + "return host ? labelsOf(host) : null;")));
    }

    /**
     * JavaScript for the report frame that defines {@code labelsOf(host)}: the labels of the Mermaid
     * diagram shown in the isolated output {@code host}, read from its closed shadow root.
     */
    static final String DIAGRAM_LABELS = "const labelsOf = (host) => [...window.jodideReportLibs.isolatedRoot(host)"
            + ".querySelectorAll('svg text')].map(text => text.textContent.trim()).filter(Boolean);";

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
