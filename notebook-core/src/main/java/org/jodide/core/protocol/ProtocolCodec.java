package org.jodide.core.protocol;

import org.jodide.core.Language;
import org.jodide.core.PageShortcut;
import org.jodide.core.Trust;
import org.jodide.core.kernel.KernelState;
import org.jodide.core.kernel.OutputStream;
import org.jodide.core.protocol.internal.FlatJson;

import org.jodide.iomd.FetchKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire form of the editor/eval-frame protocol, and the only place that knows it. Every
 * message is a flat JSON object with a {@code "type"} tag and a {@code "v"} protocol version.
 * Decoding validates the tag, the version, and every field's presence and type, and rejects
 * anything else with a {@link ProtocolException} that says what was wrong. Encoding goes through
 * each message kind's {@link EditorToFrame.Handler} / {@link FrameToEditor.Handler} method, as
 * {@link WorkerCodec} does, so a new message does not compile until it has a wire form (and until
 * the editor and the frame handle it).
 */
public final class ProtocolCodec {
    /** Bumped when a message changes shape; both sides are built together, so they must agree. */
    public static final int VERSION = 1;

    private ProtocolCodec() {
    }

    public static String encode(EditorToFrame message) {
        EditorToFrameEncoder encoder = new EditorToFrameEncoder();
        message.accept(encoder);
        return FlatJson.write(encoder.f);
    }

    /** Each EditorToFrame message's fields, by its kind: the handler makes every kind have a wire form. */
    private static final class EditorToFrameEncoder implements EditorToFrame.Handler {
        Map<String, Object> f;

        @Override
        public void runCode(EditorToFrame.RunCode m) {
            f = header("RunCode");
            f.put("runId", m.runId());
            f.put("language", m.language().name());
            f.put("chunkId", m.chunkId());
            f.put("code", m.code());
            f.put("firstLine", m.firstLine());
            f.put("order", m.order());
            f.put("showInReport", m.showInReport());
            f.put("failureGroup", m.failureGroup());
            f.put("sourceName", m.sourceName());
        }

        @Override
        public void showHtml(EditorToFrame.ShowHtml m) {
            f = header("ShowHtml");
            f.put("chunkId", m.chunkId());
            f.put("order", m.order());
            f.put("html", m.html());
        }

        @Override
        public void runFetch(EditorToFrame.RunFetch m) {
            f = header("RunFetch");
            f.put("runId", m.runId());
            f.put("chunkId", m.chunkId());
            List<Map<String, Object>> lines = new ArrayList<>();
            for (EditorToFrame.FetchRequest line : m.lines()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("kind", line.kind().name());
                item.put("variableName", line.variableName());
                item.put("url", line.url());
                item.put("dataFile", line.dataFile());
                lines.add(item);
            }
            f.put("lines", lines);
        }

        @Override
        public void registerPlugin(EditorToFrame.RegisterPlugin m) {
            f = header("RegisterPlugin");
            f.put("runId", m.runId());
            f.put("languageId", m.languageId());
            f.put("url", m.url());
            f.put("module", m.module());
            f.put("evaluator", m.evaluator());
            f.put("asyncEvaluator", m.asyncEvaluator());
        }

        @Override
        public void runPluginCode(EditorToFrame.RunPluginCode m) {
            f = header("RunPluginCode");
            f.put("runId", m.runId());
            f.put("languageId", m.languageId());
            f.put("chunkId", m.chunkId());
            f.put("code", m.code());
        }

        @Override
        public void complete(EditorToFrame.Complete m) {
            f = header("Complete");
            f.put("requestId", m.requestId());
            f.put("language", m.language().name());
            f.put("token", m.token());
        }

        @Override
        public void inspect(EditorToFrame.Inspect m) {
            f = header("Inspect");
            f.put("requestId", m.requestId());
            f.put("language", m.language().name());
            f.put("before", m.before());
            f.put("after", m.after());
        }

        @Override
        public void openChannel(EditorToFrame.OpenChannel m) {
            f = header("OpenChannel");
        }

        @Override
        public void removeFromReport(EditorToFrame.RemoveFromReport m) {
            f = header("RemoveFromReport");
            f.put("chunkId", m.chunkId());
        }

        @Override
        public void clearReportOutput(EditorToFrame.ClearReportOutput m) {
            f = header("ClearReportOutput");
            f.put("chunkId", m.chunkId());
        }

        @Override
        public void applyCss(EditorToFrame.ApplyCss m) {
            f = header("ApplyCss");
            f.put("chunkId", m.chunkId());
            f.put("order", m.order());
            f.put("css", m.css());
        }

        @Override
        public void workspaceOnScreen(EditorToFrame.WorkspaceOnScreen m) {
            f = header("WorkspaceOnScreen");
            f.put("onScreen", m.onScreen());
        }

        @Override
        public void pythonOnServer(EditorToFrame.PythonOnServer m) {
            f = header("PythonOnServer");
            f.put("onServer", m.onServer());
        }

        @Override
        public void putDataFile(EditorToFrame.PutDataFile m) {
            f = header("PutDataFile");
            f.put("name", m.name());
            f.put("lastUpdated", m.lastUpdated());
        }

        @Override
        public void removeDataFile(EditorToFrame.RemoveDataFile m) {
            f = header("RemoveDataFile");
            f.put("name", m.name());
        }

        @Override
        public void listHomeFiles(EditorToFrame.ListHomeFiles m) {
            f = header("ListHomeFiles");
            f.put("requestId", m.requestId());
        }

        @Override
        public void readHomeFile(EditorToFrame.ReadHomeFile m) {
            f = header("ReadHomeFile");
            f.put("requestId", m.requestId());
            f.put("name", m.name());
        }

        @Override
        public void setTheme(EditorToFrame.SetTheme m) {
            f = header("SetTheme");
            f.put("theme", m.theme().name());
        }

        @Override
        public void setTrust(EditorToFrame.SetTrust m) {
            f = header("SetTrust");
            f.put("trust", m.trust().name());
        }

        @Override
        public void interrupt(EditorToFrame.Interrupt m) {
            f = header("Interrupt");
        }

        @Override
        public void dropQueued(EditorToFrame.DropQueued m) {
            f = header("DropQueued");
        }

        @Override
        public void inputReply(EditorToFrame.InputReply m) {
            f = header("InputReply");
            f.put("runId", m.runId());
            f.put("text", m.text());
        }

        @Override
        public void snapshotReport(EditorToFrame.SnapshotReport m) {
            f = header("SnapshotReport");
            f.put("requestId", m.requestId());
        }

        @Override
        public void remoteRunStarted(EditorToFrame.RemoteRunStarted m) {
            f = header("RemoteRunStarted");
            f.put("chunkId", m.chunkId());
            f.put("order", m.order());
            f.put("saved", m.saved());
        }

        @Override
        public void remoteRunOutput(EditorToFrame.RemoteRunOutput m) {
            f = header("RemoteRunOutput");
            f.put("chunkId", m.chunkId());
            f.put("stream", m.stream().name());
            f.put("text", m.text());
        }

        @Override
        public void remoteRunDisplay(EditorToFrame.RemoteRunDisplay m) {
            f = header("RemoteRunDisplay");
            f.put("chunkId", m.chunkId());
            f.put("mimeType", m.mimeType());
            f.put("data", m.data());
            f.put("displayId", m.displayId());
            f.put("update", m.update());
        }

        @Override
        public void remoteRunCleared(EditorToFrame.RemoteRunCleared m) {
            f = header("RemoteRunCleared");
            f.put("chunkId", m.chunkId());
        }

        @Override
        public void remoteRunFinished(EditorToFrame.RemoteRunFinished m) {
            f = header("RemoteRunFinished");
            f.put("chunkId", m.chunkId());
            f.put("value", m.value());
            f.put("error", m.error());
        }

        @Override
        public void markdownHtml(EditorToFrame.MarkdownHtml m) {
            f = header("MarkdownHtml");
            f.put("requestId", m.requestId());
            f.put("html", m.html());
        }

        @Override
        public void dataFileDone(EditorToFrame.DataFileDone m) {
            f = header("DataFileDone");
            f.put("requestId", m.requestId());
            f.put("error", m.error());
        }

        @Override
        public void serverGlobal(EditorToFrame.ServerGlobal m) {
            f = header("ServerGlobal");
            f.put("requestId", m.requestId());
            f.put("json", m.json());
            f.put("error", m.error());
        }
    }

    public static String encode(FrameToEditor message) {
        FrameToEditorEncoder encoder = new FrameToEditorEncoder();
        message.accept(encoder);
        return FlatJson.write(encoder.f);
    }

    /** Each FrameToEditor message's fields, by its kind: the handler makes every kind have a wire form. */
    private static final class FrameToEditorEncoder implements FrameToEditor.Handler {
        Map<String, Object> f;

        @Override
        public void frameReady(FrameToEditor.FrameReady m) {
            f = header("FrameReady");
        }

        @Override
        public void kernelStatus(FrameToEditor.KernelStatus m) {
            f = header("KernelStatus");
            f.put("state", m.state().name());
            f.put("detail", m.detail());
        }

        @Override
        public void loadProgress(FrameToEditor.LoadProgress m) {
            f = header("LoadProgress");
            f.put("loadedBytes", m.loadedBytes());
            f.put("totalBytes", m.totalBytes());
        }

        @Override
        public void streamOutput(FrameToEditor.StreamOutput m) {
            f = header("StreamOutput");
            f.put("runId", m.runId());
            f.put("stream", m.stream().name());
            f.put("text", m.text());
        }

        @Override
        public void fetchLineDone(FrameToEditor.FetchLineDone m) {
            f = header("FetchLineDone");
            f.put("runId", m.runId());
            f.put("index", m.index());
            f.put("error", m.error());
            f.put("detail", m.detail());
            f.put("registeredLanguage", m.registeredLanguage());
        }

        @Override
        public void completions(FrameToEditor.Completions m) {
            f = header("Completions");
            f.put("requestId", m.requestId());
            f.put("names", namesField(m.names()));
        }

        @Override
        public void inspection(FrameToEditor.Inspection m) {
            f = header("Inspection");
            f.put("requestId", m.requestId());
            f.put("text", m.text());
        }

        @Override
        public void homeFiles(FrameToEditor.HomeFiles m) {
            f = header("HomeFiles");
            f.put("requestId", m.requestId());
            f.put("files", homeFilesField(m.files()));
            f.put("unavailable", m.unavailable());
        }

        @Override
        public void homeFileRead(FrameToEditor.HomeFileRead m) {
            f = header("HomeFileRead");
            f.put("requestId", m.requestId());
            f.put("name", m.name());
            f.put("base64", m.base64());
            f.put("error", m.error());
        }

        @Override
        public void workspace(FrameToEditor.Workspace m) {
            f = header("Workspace");
            f.put("variables", variablesField(m.variables()));
        }

        @Override
        public void displayData(FrameToEditor.DisplayData m) {
            f = header("DisplayData");
            f.put("runId", m.runId());
            f.put("mimeType", m.mimeType());
            f.put("data", m.data());
            f.put("displayId", m.displayId());
            f.put("update", m.update());
        }

        @Override
        public void outputCleared(FrameToEditor.OutputCleared m) {
            f = header("OutputCleared");
            f.put("runId", m.runId());
        }

        @Override
        public void runFinished(FrameToEditor.RunFinished m) {
            f = header("RunFinished");
            f.put("runId", m.runId());
            f.put("value", m.value());
            f.put("error", m.error());
            f.put("kernelMillis", m.kernelMillis());
        }

        @Override
        public void runSkipped(FrameToEditor.RunSkipped m) {
            f = header("RunSkipped");
            f.put("runId", m.runId());
        }

        @Override
        public void uncaughtError(FrameToEditor.UncaughtError m) {
            f = header("UncaughtError");
            f.put("source", m.source());
            f.put("text", m.text());
        }

        @Override
        public void outsideRunOutput(FrameToEditor.OutsideRunOutput m) {
            f = header("OutsideRunOutput");
            f.put("source", m.source());
            f.put("stream", m.stream().name());
            f.put("text", m.text());
        }

        @Override
        public void kernelLost(FrameToEditor.KernelLost m) {
            f = header("KernelLost");
            f.put("reason", m.reason());
        }

        @Override
        public void stopSupport(FrameToEditor.StopSupport m) {
            f = header("StopSupport");
            f.put("keepsState", m.keepsState());
            f.put("note", m.note());
        }

        @Override
        public void inputRequest(FrameToEditor.InputRequest m) {
            f = header("InputRequest");
            f.put("runId", m.runId());
            f.put("prompt", m.prompt());
            f.put("password", m.password());
        }

        @Override
        public void reportSnapshot(FrameToEditor.ReportSnapshot m) {
            f = header("ReportSnapshot");
            f.put("requestId", m.requestId());
            f.put("html", m.html());
            f.put("css", m.css());
        }

        @Override
        public void renderMarkdown(FrameToEditor.RenderMarkdown m) {
            f = header("RenderMarkdown");
            f.put("requestId", m.requestId());
            f.put("markdown", m.markdown());
        }

        @Override
        public void readServerGlobal(FrameToEditor.ReadServerGlobal m) {
            f = header("ReadServerGlobal");
            f.put("requestId", m.requestId());
            f.put("name", m.name());
        }

        @Override
        public void shortcutPressed(FrameToEditor.ShortcutPressed m) {
            f = header("ShortcutPressed");
            f.put("shortcut", m.shortcut().name());
        }

        @Override
        public void openLink(FrameToEditor.OpenLink m) {
            f = header("OpenLink");
            f.put("href", m.href());
        }

        @Override
        public void downloadFile(FrameToEditor.DownloadFile m) {
            f = header("DownloadFile");
            f.put("name", m.name());
            f.put("base64", m.base64());
            f.put("error", m.error());
        }

        @Override
        public void saveDataFile(FrameToEditor.SaveDataFile m) {
            f = header("SaveDataFile");
            f.put("requestId", m.requestId());
            f.put("name", m.name());
            f.put("base64", m.base64());
            f.put("overwrite", m.overwrite());
        }

        @Override
        public void deleteDataFile(FrameToEditor.DeleteDataFile m) {
            f = header("DeleteDataFile");
            f.put("requestId", m.requestId());
            f.put("name", m.name());
        }
    }

    public static EditorToFrame decodeEditorToFrame(String wire) throws ProtocolException {
        Fields f = Fields.parse(wire);
        String type = f.string("type");
        switch (type) {
            case "RunCode":
                try {
                    return new EditorToFrame.RunCode(f.integer("runId"), f.enumValue("language", Language.class),
                            f.string("chunkId"), f.string("code"), f.integer("firstLine"), f.integer("order"),
                            f.bool("showInReport"), f.integer("failureGroup"), f.nullableString("sourceName"));
                } catch (IllegalArgumentException e) {
                    throw new ProtocolException("invalid RunCode: " + e.getMessage(), e);
                }
            case "ShowHtml":
                return new EditorToFrame.ShowHtml(f.string("chunkId"), f.integer("order"), f.string("html"));
            case "RunFetch":
                List<EditorToFrame.FetchRequest> lines = new ArrayList<>();
                for (Fields line : f.list("lines")) {
                    String dataFile = line.nullableString("dataFile");
                    if (dataFile != null && DataFileNames.problem(dataFile) != null) {
                        throw new ProtocolException("invalid fetch line: " + DataFileNames.problem(dataFile));
                    }
                    lines.add(new EditorToFrame.FetchRequest(line.enumValue("kind", FetchKind.class),
                            line.nullableString("variableName"), line.string("url"), dataFile));
                }
                return new EditorToFrame.RunFetch(f.integer("runId"), f.string("chunkId"), lines);
            case "RegisterPlugin":
                return new EditorToFrame.RegisterPlugin(f.integer("runId"), f.string("languageId"), f.string("url"),
                        f.string("module"), f.string("evaluator"), f.nullableString("asyncEvaluator"));
            case "RunPluginCode":
                return new EditorToFrame.RunPluginCode(f.integer("runId"), f.string("languageId"),
                        f.string("chunkId"), f.string("code"));
            case "Complete":
                return new EditorToFrame.Complete(f.integer("requestId"), f.enumValue("language", Language.class),
                        f.string("token"));
            case "Inspect":
                return new EditorToFrame.Inspect(f.integer("requestId"), f.enumValue("language", Language.class),
                        f.string("before"), f.string("after"));
            case "RemoveFromReport":
                return new EditorToFrame.RemoveFromReport(f.string("chunkId"));
            case "ClearReportOutput":
                return new EditorToFrame.ClearReportOutput(f.string("chunkId"));
            case "OpenChannel":
                return new EditorToFrame.OpenChannel();
            case "ApplyCss":
                return new EditorToFrame.ApplyCss(f.string("chunkId"), f.integer("order"), f.string("css"));
            case "WorkspaceOnScreen":
                return new EditorToFrame.WorkspaceOnScreen(f.bool("onScreen"));
            case "PythonOnServer":
                return new EditorToFrame.PythonOnServer(f.bool("onServer"));
            case "PutDataFile":
                try {
                    return new EditorToFrame.PutDataFile(dataFileName(f), f.string("lastUpdated"));
                } catch (IllegalArgumentException e) {
                    throw new ProtocolException("invalid PutDataFile: " + e.getMessage(), e);
                }
            case "RemoveDataFile":
                return new EditorToFrame.RemoveDataFile(dataFileName(f));
            case "ListHomeFiles":
                return new EditorToFrame.ListHomeFiles(f.integer("requestId"));
            case "ReadHomeFile":
                return new EditorToFrame.ReadHomeFile(f.integer("requestId"), dataFileName(f));
            case "SetTheme":
                return new EditorToFrame.SetTheme(f.enumValue("theme", EditorToFrame.Theme.class));
            case "SetTrust":
                return new EditorToFrame.SetTrust(f.enumValue("trust", Trust.class));
            case "Interrupt":
                return new EditorToFrame.Interrupt();
            case "InputReply":
                return new EditorToFrame.InputReply(f.integer("runId"), f.nullableString("text"));
            case "DropQueued":
                return new EditorToFrame.DropQueued();
            case "SnapshotReport":
                return new EditorToFrame.SnapshotReport(f.integer("requestId"));
            case "MarkdownHtml":
                return new EditorToFrame.MarkdownHtml(f.integer("requestId"), f.nullableString("html"));
            case "DataFileDone":
                return new EditorToFrame.DataFileDone(f.integer("requestId"), f.nullableString("error"));
            case "ServerGlobal":
                return new EditorToFrame.ServerGlobal(f.integer("requestId"), f.nullableString("json"), f.nullableString("error"));
            case "RemoteRunStarted":
                return new EditorToFrame.RemoteRunStarted(f.string("chunkId"), f.integer("order"), f.bool("saved"));
            case "RemoteRunOutput":
                return new EditorToFrame.RemoteRunOutput(f.string("chunkId"), f.enumValue("stream", OutputStream.class), f.string("text"));
            case "RemoteRunDisplay":
                return new EditorToFrame.RemoteRunDisplay(f.string("chunkId"), f.string("mimeType"), f.string("data"),
                        f.nullableString("displayId"), f.bool("update"));
            case "RemoteRunCleared":
                return new EditorToFrame.RemoteRunCleared(f.string("chunkId"));
            case "RemoteRunFinished":
                return new EditorToFrame.RemoteRunFinished(f.string("chunkId"), f.nullableString("value"), f.nullableString("error"));
            default:
                throw new ProtocolException("unknown editor-to-frame message type \"" + type + "\"");
        }
    }

    public static FrameToEditor decodeFrameToEditor(String wire) throws ProtocolException {
        Fields f = Fields.parse(wire);
        String type = f.string("type");
        switch (type) {
            case "FrameReady":
                return new FrameToEditor.FrameReady();
            case "KernelStatus":
                return new FrameToEditor.KernelStatus(f.enumValue("state", KernelState.class), f.string("detail"));
            case "LoadProgress":
                return new FrameToEditor.LoadProgress(f.integer("loadedBytes"), f.integer("totalBytes"));
            case "StreamOutput":
                return new FrameToEditor.StreamOutput(f.integer("runId"), f.enumValue("stream", OutputStream.class),
                        f.string("text"));
            case "Completions":
                return new FrameToEditor.Completions(f.integer("requestId"), names(f));
            case "Inspection":
                return new FrameToEditor.Inspection(f.integer("requestId"), f.string("text"));
            case "HomeFiles":
                return new FrameToEditor.HomeFiles(f.integer("requestId"), homeFiles(f), f.nullableString("unavailable"));
            case "HomeFileRead":
                return new FrameToEditor.HomeFileRead(f.integer("requestId"), dataFileName(f), f.nullableString("base64"),
                        f.nullableString("error"));
            case "Workspace":
                return new FrameToEditor.Workspace(variables(f));
            case "FetchLineDone":
                return new FrameToEditor.FetchLineDone(f.integer("runId"), f.integer("index"),
                        f.nullableString("error"), f.string("detail"), f.nullableString("registeredLanguage"));
            case "DisplayData":
                return new FrameToEditor.DisplayData(f.integer("runId"), f.string("mimeType"), f.string("data"),
                        f.nullableString("displayId"), f.bool("update"));
            case "RunFinished":
                return new FrameToEditor.RunFinished(f.integer("runId"), f.nullableString("value"),
                        f.nullableString("error"), f.integer("kernelMillis"));
            case "UncaughtError":
                return new FrameToEditor.UncaughtError(f.string("source"), f.string("text"));
            case "OutsideRunOutput":
                return new FrameToEditor.OutsideRunOutput(f.string("source"), f.enumValue("stream", OutputStream.class),
                        f.string("text"));
            case "KernelLost":
                return new FrameToEditor.KernelLost(f.string("reason"));
            case "StopSupport":
                return new FrameToEditor.StopSupport(f.bool("keepsState"), f.string("note"));
            case "InputRequest":
                return new FrameToEditor.InputRequest(f.integer("runId"), f.string("prompt"), f.bool("password"));
            case "RunSkipped":
                return new FrameToEditor.RunSkipped(f.integer("runId"));
            case "OutputCleared":
                return new FrameToEditor.OutputCleared(f.integer("runId"));
            case "ReportSnapshot":
                return new FrameToEditor.ReportSnapshot(f.integer("requestId"), f.string("html"), f.string("css"));
            case "RenderMarkdown":
                return new FrameToEditor.RenderMarkdown(f.integer("requestId"), f.string("markdown"));
            case "ShortcutPressed":
                return new FrameToEditor.ShortcutPressed(f.enumValue("shortcut", PageShortcut.class));
            case "SaveDataFile":
                return new FrameToEditor.SaveDataFile(f.integer("requestId"), f.string("name"), f.string("base64"),
                        f.bool("overwrite"));
            case "DeleteDataFile":
                return new FrameToEditor.DeleteDataFile(f.integer("requestId"), f.string("name"));
            case "ReadServerGlobal":
                return new FrameToEditor.ReadServerGlobal(f.integer("requestId"), f.string("name"));
            case "OpenLink":
                return new FrameToEditor.OpenLink(f.string("href"));
            case "DownloadFile":
                return new FrameToEditor.DownloadFile(f.nullableString("name"), f.nullableString("base64"), f.nullableString("error"));
            default:
                throw new ProtocolException("unknown frame-to-editor message type \"" + type + "\"");
        }
    }

    /** A list of completion names as a field (shared with {@link WorkerCodec}). */
    static List<Map<String, Object>> namesField(List<String> names) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (String name : names) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", name);
            items.add(item);
        }
        return items;
    }

    /** The names of a {@link #namesField} named "names". */
    /** A list of home folder files as a field (shared with {@link WorkerCodec}). */
    static List<Map<String, Object>> homeFilesField(List<HomeFile> files) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (HomeFile file : files) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", file.name());
            item.put("size", file.size());
            items.add(item);
        }
        return items;
    }

    /** The files of a {@link #homeFilesField} named "files"; a name that is not a plain file name is a protocol error. */
    static List<HomeFile> homeFiles(Fields f) throws ProtocolException {
        List<HomeFile> files = new ArrayList<>();
        for (Fields item : f.list("files")) {
            try {
                files.add(new HomeFile(item.string("name"), item.integer("size")));
            } catch (IllegalArgumentException e) {
                throw new ProtocolException("invalid home file: " + e.getMessage(), e);
            }
        }
        return files;
    }

    /** A data file message's name, refused (as a protocol error) unless it is a plain file name. */
    static String dataFileName(Fields f) throws ProtocolException {
        String name = f.string("name");
        try {
            return DataFileNames.check(name);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("invalid data file: " + e.getMessage(), e);
        }
    }

    static List<String> names(Fields f) throws ProtocolException {
        List<String> names = new ArrayList<>();
        for (Fields item : f.list("names")) {
            names.add(item.string("name"));
        }
        return names;
    }

    /** A list of workspace variables as a field (shared with {@link WorkerCodec}). */
    static List<Map<String, Object>> variablesField(List<FrameToEditor.Variable> variables) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (FrameToEditor.Variable variable : variables) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("language", variable.language().name());
            item.put("name", variable.name());
            item.put("type", variable.type());
            item.put("preview", variable.preview());
            items.add(item);
        }
        return items;
    }

    /** The variables of a {@link #variablesField} named "variables". */
    static List<FrameToEditor.Variable> variables(Fields f) throws ProtocolException {
        List<FrameToEditor.Variable> variables = new ArrayList<>();
        for (Fields item : f.list("variables")) {
            variables.add(new FrameToEditor.Variable(item.enumValue("language", Language.class),
                    item.string("name"), item.string("type"), item.string("preview")));
        }
        return variables;
    }

    static Map<String, Object> header(String type) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", type);
        f.put("v", VERSION);
        return f;
    }

    /** The fields of one received message, with typed accessors that reject a wrong shape. */
    static final class Fields {
        private final Map<String, Object> values;

        private Fields(Map<String, Object> values) {
            this.values = values;
        }

        static Fields parse(String wire) throws ProtocolException {
            if (wire == null) {
                throw new ProtocolException("message is not a string");
            }
            Map<String, Object> values;
            try {
                values = FlatJson.read(wire);
            } catch (IllegalArgumentException e) {
                throw new ProtocolException("message is not a flat JSON object: " + e.getMessage(), e);
            }
            Fields fields = new Fields(values);
            int version = fields.integer("v");
            if (version != VERSION) {
                throw new ProtocolException("protocol version " + version + ", expected " + VERSION);
            }
            return fields;
        }

        String string(String name) throws ProtocolException {
            Object value = values.get(name);
            if (!(value instanceof String)) {
                throw new ProtocolException("field \"" + name + "\" must be a string");
            }
            return (String) value;
        }

        String nullableString(String name) throws ProtocolException {
            if (!values.containsKey(name)) {
                throw new ProtocolException("field \"" + name + "\" is missing");
            }
            return values.get(name) == null ? null : string(name);
        }

        @SuppressWarnings("unchecked")
        List<Fields> list(String name) throws ProtocolException {
            Object value = values.get(name);
            if (!(value instanceof List)) {
                throw new ProtocolException("field \"" + name + "\" must be a list");
            }
            List<Fields> items = new ArrayList<>();
            for (Object item : (List<Object>) value) {
                items.add(new Fields((Map<String, Object>) item));
            }
            return items;
        }

        int integer(String name) throws ProtocolException {
            Object value = values.get(name);
            if (!(value instanceof Integer)) {
                throw new ProtocolException("field \"" + name + "\" must be an integer");
            }
            return (Integer) value;
        }

        boolean bool(String name) throws ProtocolException {
            Object value = values.get(name);
            if (!(value instanceof Boolean)) {
                throw new ProtocolException("field \"" + name + "\" must be a boolean");
            }
            return (Boolean) value;
        }

        <E extends Enum<E>> E enumValue(String name, Class<E> type) throws ProtocolException {
            String value = string(name);
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    return constant;
                }
            }
            throw new ProtocolException("field \"" + name + "\" has unknown value \"" + value + "\"");
        }
    }
}
