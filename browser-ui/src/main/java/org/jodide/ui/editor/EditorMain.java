package org.jodide.ui.editor;

import org.jodide.ui.dom.EngineJsonStrings;
import org.jodide.core.PageShortcut;
import org.jodide.core.Trust;
import org.jodide.core.kernel.RoutedKernel;
import org.jodide.core.protocol.EditorToFrame;
import org.jodide.ui.dom.ReportLibs;
import org.jodide.ui.dom.LocalTimes;
import org.jodide.ui.markdown.MarkdownEngine;
import org.jodide.ui.output.MarkdownToHtml;
import org.jodide.ui.output.RichOutput;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLTextAreaElement;

import java.util.Map;

/**
 * Entry point of the notebook page ({@code index.html}): builds the source editor, the
 * toolbar, the kernel status, and the report (the eval frame) with its console.
 */
public final class EditorMain {
    private EditorMain() {
    }

    public static void main(String[] args) {
        ReportLibs.capture();
        EngineJsonStrings.install();
        HTMLDocument document = HTMLDocument.current();
        EvalFrame frame = new EvalFrame(document, document.getElementById("report-pane"));
        // The notebook's kernel: the frame, whose Python the Kernel menu may move to a Jupyter server.
        RoutedKernel kernel = new RoutedKernel(frame, frame);
        CodeMirrorEditor editor = new CodeMirrorEditor((HTMLTextAreaElement) document.getElementById("notebook-text"),
                new KernelCompleter(kernel), new KernelHelp(kernel));
        MarkdownEngine markdown = MarkdownEngine.ofEditorPage();
        // text/markdown outputs, in the console, under chunks and in the report: code blocks highlighted as in markdown chunks.
        MarkdownToHtml outputMarkdown = CodeBlocks.highlighting(markdown::renderWhenSettled);
        RichOutput rich = RichOutput.ofRuns(document, outputMarkdown);
        frame.renderMarkdownWith(outputMarkdown);
        ConsoleView console = new ConsoleView(document, document.getElementById("console"), rich);
        markdown.onFailure(message -> console.fault(message + ": markdown shows as text."));
        NotebookSession session = new NotebookSession(editor, console, new ChunkOutputs(document, editor, rich,
                RichOutput.ofSavedOutputs(document, outputMarkdown)),
                kernel, frame, frame, frame, markdown);
        String linkedNotebook = NotebookLink.requestedData();
        NotebookSaver saver = new NotebookSaver(document, editor, session, console, NotebookLocation.requestedUrl(),
                linkedNotebook);
        NotebookLink.reloadOnOtherLink(linkedNotebook);
        HelpOverlay help = new HelpOverlay(document, KeyboardShortcuts.ALL);

        KernelStatusView status = new KernelStatusView(document.getElementById("kernel-status"),
                document.getElementById("kernel-progress"));
        kernel.onStateChange(status::stateChanged);
        OfflineCopy.registerOnceStarted(kernel);
        frame.onLoadProgress(status::downloaded);
        new KernelFaults(frame, console, document.getElementById("retry-kernel"), session::restartKernel);
        frame.onOutputOutsideRuns(console::outsideRun);
        editor.bindCommands(new SourceEditor.EditorCommands() {
            @Override
            public void runChunk() {
                session.runAtCursor(false);
            }

            @Override
            public void runAndAdvance() {
                session.runAtCursor(true);
            }

            @Override
            public void runAll() {
                session.runAll();
            }

            @Override
            public void save() {
                saver.save();
            }

            @Override
            public void showHelp() {
                help.toggle();
            }
        });
        WorkspaceView workspace = new WorkspaceView(document, document.getElementById("workspace"), kernel::workspaceOnScreen);
        kernel.onWorkspace(workspace::show);
        ReplInput repl = new ReplInput(document.getElementById("repl-input"), document.getElementById("repl-language"),
                session::runSnippet, new KernelCompleter(kernel), new KernelHelp(kernel));
        onClick(document, "run-chunk", () -> session.runAtCursor(false));
        onClick(document, "run-all", session::runAll);
        onClick(document, "run-above", session::runAbove);
        onClick(document, "run-below", session::runBelow);
        onClick(document, "restart-kernel", session::restartKernel);
        onClick(document, "restart-run-all", session::restartAndRunAll);
        onClick(document, "clear-outputs", session::clearAllOutputs);
        onClick(document, "clear-console", console::clear);
        onClick(document, "stop-run", session::stop);
        frame.onStopSupport(support -> StopButton.describe(document.getElementById("stop-run"), support));
        HTMLElement fileInput = document.getElementById("open-file");
        FilePicker.listen(fileInput, saver::openPicked);
        onClick(document, "open-notebook", () -> FilePicker.open(fileInput, saver::openPicked));
        onClick(document, "save-notebook", saver::save);
        onClick(document, "download-notebook", saver::download);
        onClick(document, "download-ipynb", saver::downloadIpynb);
        onClick(document, "download-py", saver::downloadScript);
        new ShareLink(document, editor::text);
        new NotebookListDialog(document, saver::notebookId, saver::renamed);
        new ExportHtml(document, frame, editor::text, saver::fileName, console::note);
        PrintReport print = new PrintReport(document, frame, editor::text, saver::fileName, console::note);
        onClick(document, "show-help", help::open);
        PageShortcuts shortcuts = new PageShortcuts(Map.of(
                PageShortcut.HELP, help::toggle,
                PageShortcut.SAVE, saver::save,
                PageShortcut.STOP, session::stop,
                PageShortcut.PRINT, print::print));
        shortcuts.bind(document);
        frame.onShortcutPressed(shortcuts.fromUserOnly());
        ReportLinks reportLinks = new ReportLinks(session::baseUrl, console::note);
        frame.onOpenLink(reportLinks::open);
        ReportLibs.openOutputLinksWith(reportLinks::open);
        frame.onDownloadFile(reportLinks::download);
        ViewSwitcher views = new ViewSwitcher(document);
        views.start();
        new ThemeSwitcher(document, theme -> {
            editor.setTheme(theme);
            repl.setTheme(theme);
            frame.setTheme(reportTheme(theme));
        }).start();
        PaneSplitter.installAll(document);
        DataFilesDialog dataFiles = new DataFilesDialog(document, frame::putDataFile, frame::removeDataFile,
                DataFilesDialog.PythonFolder.of(frame));
        dataFiles.sendAllTo(frame::putDataFile);
        frame.onDataFileRequests(dataFiles.notebookRequests());
        FileDrop.install(document, saver::openDropped, console::note, dataFiles::addDropped);
        new TrustBanner(document, session, () -> views.current() == ViewSwitcher.View.REPORT);
        KernelMenu kernelMenu = new KernelMenu(document, kernel, saver::notebookId, () -> session.trust() == Trust.TRUSTED,
                session::notebook, console, status, session::restartKernel);
        session.onOpened(kernelMenu::applyRemembered);
        ServerNotebookSave serverSave = new ServerNotebookSave(document,
                () -> NotebookFormats.ipynb(session.notebook(), session.keptOutputs()), saver::fileName, console);
        kernelMenu.onRemoteChanged(serverSave::kernelChanged);
        kernelMenu.onRemoteChanged(new ServerDataFilesCopy(document, console)::kernelChanged);
        kernelMenu.onRemoteChanged(new ServerNotebookOpen(document, saver::openFromServer)::kernelChanged);
        boolean openedAsReport = views.current() == ViewSwitcher.View.REPORT;
        saver.openRequestedNotebook(() -> {
            kernelMenu.applyRemembered();
            if (openedAsReport) {
                new ReportRunGate(document, session).open();
            }
            markNotebookShown(document);
        }, reason -> {
            kernelMenu.applyRemembered();
            if (openedAsReport) {
                new ReportRunGate(document, session).notOpened(reason);
            }
            markNotebookShown(document);
        });
        markdown.load();
        editor.focus();
        LocalTimes.prepareWhenIdle();
        // Everything is wired: tests and tools wait for this mark.
        document.getDocumentElement().setAttribute("data-app", "ready");
    }

    /**
     * The requested notebook is in the editor, or could not be opened (kept text is read from
     * IndexedDB after the page is ready): tests and tools that read the text wait for this mark.
     */
    private static void markNotebookShown(HTMLDocument document) {
        document.getDocumentElement().setAttribute("data-notebook", "shown");
    }

    private static EditorToFrame.Theme reportTheme(CodeMirrorEditor.Theme theme) {
        switch (theme) {
            case LIGHT:
                return EditorToFrame.Theme.LIGHT;
            case DARK:
                return EditorToFrame.Theme.DARK;
            default:
                return EditorToFrame.Theme.AUTO;
        }
    }

    private static void onClick(HTMLDocument document, String id, Runnable action) {
        HTMLElement button = document.getElementById(id);
        if (button != null) {
            button.addEventListener("click", event -> action.run());
        }
    }
}
