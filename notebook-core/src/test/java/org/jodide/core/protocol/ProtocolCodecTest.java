package org.jodide.core.protocol;

import org.jodide.core.Language;
import org.jodide.core.PageShortcut;
import org.jodide.core.kernel.KernelState;
import org.jodide.core.kernel.OutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProtocolCodecTest {
    private static final String AWKWARD = "quote \" backslash \\ newline \n tab \t nul \u0000 line-sep \u2028 emoji \uD83D\uDE00";

    @Test
    void everyEditorToFrameMessageSurvivesTheWire() throws ProtocolException {
        List<EditorToFrame> messages = List.of(
                new EditorToFrame.RunCode(7, Language.PYTHON, "c1", "print('" + AWKWARD + "')", 12),
                new EditorToFrame.RunCode(-1, Language.JAVASCRIPT, "", "", 0),
                new EditorToFrame.RunCode(8, Language.PYTHON, "c5", "print(1)", 3, 4, true, 0),
                new EditorToFrame.RunCode(9, Language.PYTHON, "c6", "print(2)", 5, 6, false, 17),
                new EditorToFrame.RunCode(10, Language.PYTHON, "c7", "1/0", 0, 2, false, 3, "py cell 3"),
                new EditorToFrame.ShowHtml("c2", 3, "<h1>" + AWKWARD + "</h1>"),
                new EditorToFrame.RunFetch(8, "c9", List.of(
                        new EditorToFrame.FetchRequest(org.jodide.iomd.FetchKind.JSON, "data", "http://x/d.json?a=\"1\""),
                        new EditorToFrame.FetchRequest(org.jodide.iomd.FetchKind.CSS, null, "http://x/s.css"),
                        new EditorToFrame.FetchRequest(org.jodide.iomd.FetchKind.TEXT, "t", "http://x/files/a.csv", "a.csv"))),
                new EditorToFrame.RunFetch(9, "c9", List.of()),
                new EditorToFrame.RemoveFromReport("c4"),
                new EditorToFrame.ClearReportOutput("c4 " + AWKWARD),
                new EditorToFrame.OpenChannel(),
                new EditorToFrame.Complete(3, Language.PYTHON, "os.pa"),
                new EditorToFrame.Inspect(4, Language.PYTHON, "len(", ")\nmore"),
                new EditorToFrame.RegisterPlugin(5, "rpn", "http://x/rpn.js", "rpn", "evaluate", null),
                new EditorToFrame.RegisterPlugin(6, "lua", "http://x/lua.js", "fengari", "eval", "evalAsync"),
                new EditorToFrame.RunPluginCode(7, "rpn", "c3", "3 4 +"),
                new EditorToFrame.ApplyCss("c3", 4, "h1 { color: red }"),
                new EditorToFrame.SetTheme(EditorToFrame.Theme.AUTO),
                new EditorToFrame.SetTheme(EditorToFrame.Theme.LIGHT),
                new EditorToFrame.SetTheme(EditorToFrame.Theme.DARK),
                new EditorToFrame.SetTrust(org.jodide.core.Trust.TRUSTED),
                new EditorToFrame.SetTrust(org.jodide.core.Trust.UNTRUSTED),
                new EditorToFrame.Interrupt(),
                new EditorToFrame.DropQueued(),
                new EditorToFrame.InputReply(7, AWKWARD),
                new EditorToFrame.InputReply(7, null),
                new EditorToFrame.SnapshotReport(11),
                new EditorToFrame.WorkspaceOnScreen(true),
                new EditorToFrame.WorkspaceOnScreen(false),
                new EditorToFrame.PythonOnServer(true),
                new EditorToFrame.PythonOnServer(false),
                new EditorToFrame.PutDataFile("sales é.csv", "2026-12-03T06:00:00.000Z"),
                new EditorToFrame.RemoveDataFile("sales é.csv"),
                new EditorToFrame.ListHomeFiles(7),
                new EditorToFrame.ReadHomeFile(8, "out.csv"),
                new EditorToFrame.MarkdownHtml(12, "<h1>" + AWKWARD + "</h1>"),
                new EditorToFrame.MarkdownHtml(13, null),
                new EditorToFrame.DataFileDone(14, null),
                new EditorToFrame.DataFileDone(15, AWKWARD),
                new EditorToFrame.ServerGlobal(16, "{\"value\":{\"$jodide\":\"int\",\"digits\":\"9007199254740993\"}}", null),
                new EditorToFrame.ServerGlobal(17, null, AWKWARD),
                new EditorToFrame.RemoteRunStarted("c8", 5, false),
                new EditorToFrame.RemoteRunStarted("c9", 6, true),
                new EditorToFrame.RemoteRunOutput("c8", org.jodide.core.kernel.OutputStream.STDERR, AWKWARD),
                new EditorToFrame.RemoteRunDisplay("c8", "text/html", "<b>" + AWKWARD + "</b>"),
                new EditorToFrame.RemoteRunDisplay("c8", "text/plain", "3", AWKWARD, true),
                new EditorToFrame.RemoteRunCleared("c8"),
                new EditorToFrame.RemoteRunFinished("c8", "42", null),
                new EditorToFrame.RemoteRunFinished("c8", null, "Traceback " + AWKWARD));
        assertEveryTypeListed(EditorToFrame.class, messages);
        for (EditorToFrame message : messages) {
            assertEquals(message, ProtocolCodec.decodeEditorToFrame(ProtocolCodec.encode(message)));
        }
    }

    @Test
    void everyFrameToEditorMessageSurvivesTheWire() throws ProtocolException {
        List<FrameToEditor> messages = List.of(
                new FrameToEditor.FrameReady(),
                new FrameToEditor.KernelStatus(KernelState.FAILED, AWKWARD),
                new FrameToEditor.StreamOutput(3, OutputStream.STDERR, AWKWARD),
                new FrameToEditor.DisplayData(3, "image/png", "iVBORw0KGgo="),
                new FrameToEditor.DisplayData(3, "text/plain", "2", AWKWARD, true),
                new FrameToEditor.FetchLineDone(3, 0, null, "12 bytes", null),
                new FrameToEditor.FetchLineDone(3, 2, null, "registered", "rpn"),
                new FrameToEditor.Workspace(List.of(
                        new FrameToEditor.Variable(Language.PYTHON, "x", "int", "1"),
                        new FrameToEditor.Variable(Language.JAVASCRIPT, "s", "string", AWKWARD))),
                new FrameToEditor.Workspace(List.of()),
                new FrameToEditor.LoadProgress(1024, 12_000_000),
                new FrameToEditor.Completions(3, List.of("os.path", "os.pardir")),
                new FrameToEditor.Completions(4, List.of()),
                new FrameToEditor.Inspection(5, "Signature: len(obj, /)\nType:      builtin_function_or_method"),
                new FrameToEditor.Inspection(6, ""),
                new FrameToEditor.HomeFiles(7, List.of(new HomeFile("out.csv", 12), new HomeFile("é.bin", 0)), null),
                new FrameToEditor.HomeFiles(8, List.of(), "Python is running code"),
                new FrameToEditor.HomeFileRead(9, "out.csv", "eAo=", null),
                new FrameToEditor.HomeFileRead(10, "out.csv", null, "FileNotFoundError"),
                new FrameToEditor.FetchLineDone(3, 1, "HTTP 404 Not Found", "", null),
                new FrameToEditor.RunFinished(3, "2", null),
                new FrameToEditor.RunFinished(4, null, "Traceback"),
                new FrameToEditor.RunFinished(5, null, null),
                new FrameToEditor.RunFinished(6, "42", null, 3),
                new FrameToEditor.RunSkipped(6),
                new FrameToEditor.OutputCleared(6),
                new FrameToEditor.UncaughtError("js chunk at line 3", AWKWARD),
                new FrameToEditor.UncaughtError("", "Unhandled promise rejection: x"),
                new FrameToEditor.OutsideRunOutput("js chunk at line 3", OutputStream.STDOUT, AWKWARD + "\n"),
                new FrameToEditor.OutsideRunOutput("Python", OutputStream.STDERR, "careful\n"),
                new FrameToEditor.OutsideRunOutput("", OutputStream.STDOUT, ""),
                new FrameToEditor.KernelLost(AWKWARD),

                new FrameToEditor.StopSupport(true, ""),
                new FrameToEditor.StopSupport(false, AWKWARD),
                new FrameToEditor.InputRequest(6, AWKWARD, true),
                new FrameToEditor.ReportSnapshot(11, "<div id=\"report\"><template data-jodide-shadow>" + AWKWARD
                        + "</template></div>", "h1 { color: red }"),
                new FrameToEditor.ReportSnapshot(12, "", ""),
                new FrameToEditor.RenderMarkdown(13, "# " + AWKWARD),
                new FrameToEditor.RenderMarkdown(14, ""),
                new FrameToEditor.ShortcutPressed(PageShortcut.PRINT),
                new FrameToEditor.ShortcutPressed(PageShortcut.HELP),
                new FrameToEditor.OpenLink("data/notes.html?x=1#part"),
                new FrameToEditor.DownloadFile("rows.csv", "YSxiCjEsMgo=", null),
                new FrameToEditor.DownloadFile(null, null, "blob:null/1 could not be read: Failed to fetch"),
                new FrameToEditor.SaveDataFile(16, "cache é.json", "e30=", true),
                new FrameToEditor.SaveDataFile(17, "../not checked here", "", false),
                new FrameToEditor.DeleteDataFile(18, "cache é.json"),
                new FrameToEditor.ReadServerGlobal(19, "total"));
        assertEveryTypeListed(FrameToEditor.class, messages);
        for (FrameToEditor message : messages) {
            assertEquals(message, ProtocolCodec.decodeFrameToEditor(ProtocolCodec.encode(message)));
        }
    }

    /** A message type added to the protocol without a round trip here fails the test that should list it. */
    private static void assertEveryTypeListed(Class<?> protocol, List<?> messages) {
        for (Class<?> type : protocol.getPermittedSubclasses()) {
            assertTrue(messages.stream().anyMatch(type::isInstance), type.getSimpleName() + " has no round trip in this test");
        }
    }

    @Test
    void anUnknownThemeIsRejectedWithItsName() {
        String wire = ProtocolCodec.encode(new EditorToFrame.SetTheme(EditorToFrame.Theme.DARK)).replace("DARK", "SEPIA");
        ProtocolException e = assertThrows(ProtocolException.class, () -> ProtocolCodec.decodeEditorToFrame(wire));
        assertTrue(e.getMessage().contains("SEPIA"), e.getMessage());
    }

    @Test
    void aMessageForTheOtherDirectionIsRejected() {
        String toEditor = ProtocolCodec.encode(new FrameToEditor.FrameReady());
        ProtocolException e = assertThrows(ProtocolException.class, () -> ProtocolCodec.decodeEditorToFrame(toEditor));
        assertTrue(e.getMessage().contains("FrameReady"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "not json",
        "[1,2]",
        "{\"type\":\"RunCode\"}",
        "{\"type\":\"RunCode\",\"v\":2,\"runId\":1,\"language\":\"PYTHON\",\"chunkId\":\"c\",\"code\":\"\",\"firstLine\":0}",
        "{\"type\":\"RunCode\",\"v\":1,\"runId\":\"1\",\"language\":\"PYTHON\",\"chunkId\":\"c\",\"code\":\"\",\"firstLine\":0}",
        "{\"type\":\"RunCode\",\"v\":1,\"runId\":1,\"language\":\"RUBY\",\"chunkId\":\"c\",\"code\":\"\",\"firstLine\":0}",
        "{\"type\":\"RunCode\",\"v\":1,\"runId\":1,\"language\":\"PYTHON\",\"chunkId\":\"c\",\"firstLine\":0}",
        "{\"type\":\"RunCode\",\"v\":1,\"runId\":1,\"language\":\"PYTHON\",\"chunkId\":\"c\",\"code\":\"\",\"firstLine\":0} trailing",
        "{\"type\":\"RunCode\",\"v\":1,\"runId\":99999999999,\"language\":\"PYTHON\",\"chunkId\":\"c\",\"code\":\"\",\"firstLine\":0}",
        "{\"type\":\"RunCode\",\"type\":\"ShowHtml\",\"v\":1}",
        "{\"type\":\"RunCode\",\"v\":1,\"runId\":1,\"language\":\"PYTHON\",\"chunkId\":\"c\",\"code\":\"\",\"firstLine\":0,\"order\":1}",
        "{\"type\":\"RunCode\",\"v\":1,\"runId\":1,\"language\":\"PYTHON\",\"chunkId\":\"c\",\"code\":\"\",\"firstLine\":0,\"order\":1,\"showInReport\":\"yes\"}",
        "{\"type\":\"RunCode\",\"v\":1,\"runId\":1,\"language\":\"PYTHON\",\"chunkId\":\"c\",\"code\":\"\",\"firstLine\":0,\"order\":-1,\"showInReport\":true}",
        "{\"type\":\"Eval\",\"v\":1}",
        "{\"type\":\"SnapshotReport\",\"v\":1}",
        "{\"type\":\"SnapshotReport\",\"v\":1,\"requestId\":\"7\"}",
        "{\"type\":null,\"v\":1}",
        "{\"type\":\"RunFetch\",\"v\":1,\"runId\":1,\"chunkId\":\"c\",\"lines\":[{\"kind\":\"WGET\",\"variableName\":null,\"url\":\"u\"}]}",
        "{\"type\":\"RunFetch\",\"v\":1,\"runId\":1,\"chunkId\":\"c\",\"lines\":[{\"kind\":\"JSON\",\"url\":\"u\"}]}",
        "{\"type\":\"RunFetch\",\"v\":1,\"runId\":1,\"chunkId\":\"c\",\"lines\":[[1]]}",
        "{\"type\":\"RunFetch\",\"v\":1,\"runId\":1,\"chunkId\":\"c\",\"lines\":\"none\"}",
        "{\"type\":\"ShowHtml\",\"v\":1,\"chunkId\":\"c\",\"order\":1,\"html\":\"\\uZZZZ\"}",
        "{\"type\":\"SetTrust\",\"v\":1,\"trust\":\"ALWAYS\"}",
        "{\"type\":\"SetTrust\",\"v\":1,\"trust\":true}",
        "{\"type\":\"SetTrust\",\"v\":1}",
        "{\"type\":\"PutDataFile\",\"v\":1,\"name\":\"a.csv\"}",
        "{\"type\":\"PutDataFile\",\"v\":1,\"name\":\"a.csv\",\"lastUpdated\":\"yesterday\"}",
        "{\"type\":\"PutDataFile\",\"v\":1,\"name\":\"a.csv\",\"lastUpdated\":\"2026-12-03 06:00:00.000Z\"}",
        "{\"type\":\"PutDataFile\",\"v\":1,\"name\":\"../a.csv\",\"lastUpdated\":\"2026-12-03T06:00:00.000Z\"}",
    })
    void malformedMessagesAreRejectedWithAReason(String wire) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> ProtocolCodec.decodeEditorToFrame(wire));
        assertTrue(!e.getMessage().isBlank());
    }

    @Test
    void aNullMessageIsRejected() {
        assertThrows(ProtocolException.class, () -> ProtocolCodec.decodeFrameToEditor(null));
    }

    @Test
    void runFinishedWithoutItsNullableFieldsIsRejected() {
        String missingError = "{\"type\":\"RunFinished\",\"v\":1,\"runId\":1,\"value\":null}";
        ProtocolException e = assertThrows(ProtocolException.class, () -> ProtocolCodec.decodeFrameToEditor(missingError));
        assertTrue(e.getMessage().contains("error"), e.getMessage());
    }

    @Test
    void aReportSnapshotWithoutItsHtmlIsRejected() {
        String noHtml = "{\"type\":\"ReportSnapshot\",\"v\":1,\"requestId\":1,\"html\":null,\"css\":\"\"}";
        ProtocolException e = assertThrows(ProtocolException.class, () -> ProtocolCodec.decodeFrameToEditor(noHtml));
        assertTrue(e.getMessage().contains("html"), e.getMessage());
    }
}
