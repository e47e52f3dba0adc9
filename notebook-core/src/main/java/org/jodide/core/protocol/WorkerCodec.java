package org.jodide.core.protocol;

import org.jodide.core.kernel.OutputStream;
import org.jodide.core.protocol.internal.FlatJson;

import java.util.Map;

/**
 * The wire form of the messages between the eval frame and its Python worker, and the only place
 * that knows it: flat JSON objects with a {@code "type"} tag and the {@link ProtocolCodec#VERSION},
 * validated field by field on decoding like {@link ProtocolCodec}. Encoding goes through each
 * message type's handler, so a new message does not compile until it has a wire form.
 */
public final class WorkerCodec {
    private WorkerCodec() {
    }

    @SuppressWarnings("unchecked")
    public static String encode(FrameToWorker message) {
        Map<String, Object>[] out = new Map[1];
        message.accept(new FrameToWorker.Handler() {
            @Override
            public void start(FrameToWorker.Start m) {
                out[0] = ProtocolCodec.header("Start");
                out[0].put("siteUrl", m.siteUrl());
                out[0].put("packageIndexUrl", m.packageIndexUrl());
                out[0].put("packageTimeoutMs", m.packageTimeoutMs());
                out[0].put("loadTimeoutMs", m.loadTimeoutMs());
            }

            @Override
            public void run(FrameToWorker.Run m) {
                out[0] = ProtocolCodec.header("Run");
                out[0].put("runId", m.runId());
                out[0].put("code", m.code());
                out[0].put("sourceName", m.sourceName());
                out[0].put("firstLine", m.firstLine());
                out[0].put("failureGroup", m.failureGroup());
            }

            @Override
            public void dropQueued(FrameToWorker.DropQueued m) {
                out[0] = ProtocolCodec.header("DropQueued");
            }

            @Override
            public void complete(FrameToWorker.Complete m) {
                out[0] = ProtocolCodec.header("Complete");
                out[0].put("requestId", m.requestId());
                out[0].put("token", m.token());
            }

            @Override
            public void inspect(FrameToWorker.Inspect m) {
                out[0] = ProtocolCodec.header("Inspect");
                out[0].put("requestId", m.requestId());
                out[0].put("before", m.before());
                out[0].put("after", m.after());
            }

            @Override
            public void listVariables(FrameToWorker.ListVariables m) {
                out[0] = ProtocolCodec.header("ListVariables");
                out[0].put("requestId", m.requestId());
            }

            @Override
            public void installWheel(FrameToWorker.InstallWheel m) {
                out[0] = ProtocolCodec.header("InstallWheel");
                out[0].put("requestId", m.requestId());
                out[0].put("url", m.url());
            }

            @Override
            public void putDataFile(FrameToWorker.PutDataFile m) {
                out[0] = ProtocolCodec.header("PutDataFile");
                out[0].put("name", m.name());
                out[0].put("lastUpdated", m.lastUpdated());
            }

            @Override
            public void removeDataFile(FrameToWorker.RemoveDataFile m) {
                out[0] = ProtocolCodec.header("RemoveDataFile");
                out[0].put("name", m.name());
            }

            @Override
            public void listHome(FrameToWorker.ListHome m) {
                out[0] = ProtocolCodec.header("ListHome");
                out[0].put("requestId", m.requestId());
            }

            @Override
            public void readHome(FrameToWorker.ReadHome m) {
                out[0] = ProtocolCodec.header("ReadHome");
                out[0].put("requestId", m.requestId());
                out[0].put("name", m.name());
            }
        });
        return FlatJson.write(out[0]);
    }

    @SuppressWarnings("unchecked")
    public static String encode(WorkerToFrame message) {
        Map<String, Object>[] out = new Map[1];
        message.accept(new WorkerToFrame.Handler() {
            @Override
            public void loadProgress(WorkerToFrame.LoadProgress m) {
                out[0] = ProtocolCodec.header("LoadProgress");
                out[0].put("loadedBytes", m.loadedBytes());
                out[0].put("totalBytes", m.totalBytes());
            }

            @Override
            public void ready(WorkerToFrame.Ready m) {
                out[0] = ProtocolCodec.header("Ready");
                out[0].put("pyodideVersion", m.pyodideVersion());
            }

            @Override
            public void loadFailed(WorkerToFrame.LoadFailed m) {
                out[0] = ProtocolCodec.header("LoadFailed");
                out[0].put("reason", m.reason());
            }

            @Override
            public void lost(WorkerToFrame.Lost m) {
                out[0] = ProtocolCodec.header("Lost");
                out[0].put("reason", m.reason());
            }

            @Override
            public void output(WorkerToFrame.Output m) {
                out[0] = ProtocolCodec.header("Output");
                out[0].put("runId", m.runId());
                out[0].put("stream", m.stream().name());
                out[0].put("text", m.text());
            }

            @Override
            public void outsideRunOutput(WorkerToFrame.OutsideRunOutput m) {
                out[0] = ProtocolCodec.header("OutsideRunOutput");
                out[0].put("stream", m.stream().name());
                out[0].put("text", m.text());
            }

            @Override
            public void display(WorkerToFrame.Display m) {
                out[0] = ProtocolCodec.header("Display");
                out[0].put("runId", m.runId());
                out[0].put("mimeType", m.mimeType());
                out[0].put("data", m.data());
                out[0].put("displayId", m.displayId());
                out[0].put("update", m.update());
            }

            @Override
            public void clearOutput(WorkerToFrame.ClearOutput m) {
                out[0] = ProtocolCodec.header("ClearOutput");
                out[0].put("runId", m.runId());
            }

            @Override
            public void inputRequest(WorkerToFrame.InputRequest m) {
                out[0] = ProtocolCodec.header("InputRequest");
                out[0].put("runId", m.runId());
                out[0].put("prompt", m.prompt());
                out[0].put("password", m.password());
            }

            @Override
            public void finished(WorkerToFrame.Finished m) {
                out[0] = ProtocolCodec.header("Finished");
                out[0].put("runId", m.runId());
                out[0].put("value", m.value());
                out[0].put("error", m.error());
                out[0].put("kernelMillis", m.kernelMillis());
            }

            @Override
            public void skipped(WorkerToFrame.Skipped m) {
                out[0] = ProtocolCodec.header("Skipped");
                out[0].put("runId", m.runId());
            }

            @Override
            public void completions(WorkerToFrame.Completions m) {
                out[0] = ProtocolCodec.header("Completions");
                out[0].put("requestId", m.requestId());
                out[0].put("names", ProtocolCodec.namesField(m.names()));
            }

            @Override
            public void inspection(WorkerToFrame.Inspection m) {
                out[0] = ProtocolCodec.header("Inspection");
                out[0].put("requestId", m.requestId());
                out[0].put("text", m.text());
            }

            @Override
            public void homeListed(WorkerToFrame.HomeListed m) {
                out[0] = ProtocolCodec.header("HomeListed");
                out[0].put("requestId", m.requestId());
                out[0].put("files", ProtocolCodec.homeFilesField(m.files()));
            }

            @Override
            public void homeRead(WorkerToFrame.HomeRead m) {
                out[0] = ProtocolCodec.header("HomeRead");
                out[0].put("requestId", m.requestId());
                out[0].put("base64", m.base64());
                out[0].put("error", m.error());
            }

            @Override
            public void variables(WorkerToFrame.Variables m) {
                out[0] = ProtocolCodec.header("Variables");
                out[0].put("requestId", m.requestId());
                out[0].put("variables", ProtocolCodec.variablesField(m.variables()));
            }

            @Override
            public void wheelStatus(WorkerToFrame.WheelStatus m) {
                out[0] = ProtocolCodec.header("WheelStatus");
                out[0].put("requestId", m.requestId());
                out[0].put("text", m.text());
            }

            @Override
            public void wheelDone(WorkerToFrame.WheelDone m) {
                out[0] = ProtocolCodec.header("WheelDone");
                out[0].put("requestId", m.requestId());
                out[0].put("error", m.error());
            }
        });
        return FlatJson.write(out[0]);
    }

    public static FrameToWorker decodeFrameToWorker(String wire) throws ProtocolException {
        ProtocolCodec.Fields f = ProtocolCodec.Fields.parse(wire);
        String type = f.string("type");
        switch (type) {
            case "Start":
                return new FrameToWorker.Start(f.string("siteUrl"), f.nullableString("packageIndexUrl"),
                        f.integer("packageTimeoutMs"), f.integer("loadTimeoutMs"));
            case "Run":
                return new FrameToWorker.Run(f.integer("runId"), f.string("code"), f.string("sourceName"),
                        f.integer("firstLine"), f.integer("failureGroup"));
            case "DropQueued":
                return new FrameToWorker.DropQueued();
            case "Complete":
                return new FrameToWorker.Complete(f.integer("requestId"), f.string("token"));
            case "Inspect":
                return new FrameToWorker.Inspect(f.integer("requestId"), f.string("before"), f.string("after"));
            case "ListVariables":
                return new FrameToWorker.ListVariables(f.integer("requestId"));
            case "InstallWheel":
                return new FrameToWorker.InstallWheel(f.integer("requestId"), f.string("url"));
            case "PutDataFile":
                try {
                    return new FrameToWorker.PutDataFile(ProtocolCodec.dataFileName(f), f.string("lastUpdated"));
                } catch (IllegalArgumentException e) {
                    throw new ProtocolException("invalid PutDataFile: " + e.getMessage(), e);
                }
            case "RemoveDataFile":
                return new FrameToWorker.RemoveDataFile(ProtocolCodec.dataFileName(f));
            case "ListHome":
                return new FrameToWorker.ListHome(f.integer("requestId"));
            case "ReadHome":
                return new FrameToWorker.ReadHome(f.integer("requestId"), ProtocolCodec.dataFileName(f));
            default:
                throw new ProtocolException("unknown frame-to-worker message type \"" + type + "\"");
        }
    }

    public static WorkerToFrame decodeWorkerToFrame(String wire) throws ProtocolException {
        ProtocolCodec.Fields f = ProtocolCodec.Fields.parse(wire);
        String type = f.string("type");
        switch (type) {
            case "LoadProgress":
                return new WorkerToFrame.LoadProgress(f.integer("loadedBytes"), f.integer("totalBytes"));
            case "Ready":
                return new WorkerToFrame.Ready(f.string("pyodideVersion"));
            case "LoadFailed":
                return new WorkerToFrame.LoadFailed(f.string("reason"));
            case "Lost":
                return new WorkerToFrame.Lost(f.string("reason"));
            case "Output":
                return new WorkerToFrame.Output(f.integer("runId"), f.enumValue("stream", OutputStream.class),
                        f.string("text"));
            case "Display":
                return new WorkerToFrame.Display(f.integer("runId"), f.string("mimeType"), f.string("data"),
                        f.nullableString("displayId"), f.bool("update"));
            case "OutsideRunOutput":
                return new WorkerToFrame.OutsideRunOutput(f.enumValue("stream", OutputStream.class), f.string("text"));
            case "ClearOutput":
                return new WorkerToFrame.ClearOutput(f.integer("runId"));
            case "InputRequest":
                return new WorkerToFrame.InputRequest(f.integer("runId"), f.string("prompt"), f.bool("password"));
            case "Finished":
                return new WorkerToFrame.Finished(f.integer("runId"), f.nullableString("value"),
                        f.nullableString("error"), f.integer("kernelMillis"));
            case "Skipped":
                return new WorkerToFrame.Skipped(f.integer("runId"));
            case "Completions":
                return new WorkerToFrame.Completions(f.integer("requestId"), ProtocolCodec.names(f));
            case "Inspection":
                return new WorkerToFrame.Inspection(f.integer("requestId"), f.string("text"));
            case "HomeListed":
                return new WorkerToFrame.HomeListed(f.integer("requestId"), ProtocolCodec.homeFiles(f));
            case "HomeRead":
                return new WorkerToFrame.HomeRead(f.integer("requestId"), f.nullableString("base64"), f.nullableString("error"));
            case "Variables":
                return new WorkerToFrame.Variables(f.integer("requestId"), ProtocolCodec.variables(f));
            case "WheelStatus":
                return new WorkerToFrame.WheelStatus(f.integer("requestId"), f.string("text"));
            case "WheelDone":
                return new WorkerToFrame.WheelDone(f.integer("requestId"), f.nullableString("error"));
            default:
                throw new ProtocolException("unknown worker-to-frame message type \"" + type + "\"");
        }
    }
}
