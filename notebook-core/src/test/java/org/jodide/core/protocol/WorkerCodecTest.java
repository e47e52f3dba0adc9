package org.jodide.core.protocol;

import org.jodide.core.Language;
import org.jodide.core.kernel.OutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WorkerCodecTest {
    private static final String AWKWARD = "quote \" backslash \\ newline \n tab \t unicode é ✓ \u0001";

    @Test
    void everyFrameToWorkerMessageSurvivesTheWire() throws ProtocolException {
        List<FrameToWorker> messages = List.of(
                new FrameToWorker.Start("http://127.0.0.1:9000/", null, 60_000, 180_000),
                new FrameToWorker.Start("http://127.0.0.1:9000/", "http://index/", 5, 15_000),
                new FrameToWorker.Run(3, AWKWARD, "<py chunk, line 4>", 3, 0),
                new FrameToWorker.Run(4, "x", "<py chunk, line 9>", 8, 17),
                new FrameToWorker.DropQueued(),
                new FrameToWorker.Complete(4, "os.pa"),
                new FrameToWorker.Inspect(5, "np.lins", AWKWARD),
                new FrameToWorker.ListVariables(5),
                new FrameToWorker.InstallWheel(6, "http://x/a.whl"),
                new FrameToWorker.PutDataFile("a.csv", "2026-12-03T06:00:00.000Z"),
                new FrameToWorker.RemoveDataFile("a.csv"),
                new FrameToWorker.ListHome(7),
                new FrameToWorker.ReadHome(8, "out.csv"));
        for (FrameToWorker message : messages) {
            assertEquals(message, WorkerCodec.decodeFrameToWorker(WorkerCodec.encode(message)));
        }
    }

    @Test
    void everyWorkerToFrameMessageSurvivesTheWire() throws ProtocolException {
        List<WorkerToFrame> messages = List.of(
                new WorkerToFrame.LoadProgress(10, 0),
                new WorkerToFrame.Ready("314.0.7"),
                new WorkerToFrame.LoadFailed(AWKWARD),
                new WorkerToFrame.Lost(AWKWARD),
                new WorkerToFrame.Output(1, OutputStream.STDERR, AWKWARD),
                new WorkerToFrame.OutsideRunOutput(OutputStream.STDOUT, AWKWARD),
                new WorkerToFrame.Display(1, "image/png", "iVBOR"),
                new WorkerToFrame.Display(1, "text/html", "<b>2</b>", AWKWARD, true),
                new WorkerToFrame.ClearOutput(1),
                new WorkerToFrame.InputRequest(1, AWKWARD, false),
                new WorkerToFrame.Finished(1, "2", null, 0),
                new WorkerToFrame.Finished(1, null, "Traceback", 1_234_567),
                new WorkerToFrame.Skipped(7),
                new WorkerToFrame.Completions(2, List.of("os.path")),
                new WorkerToFrame.Inspection(3, AWKWARD),
                new WorkerToFrame.Inspection(4, ""),
                new WorkerToFrame.HomeListed(5, List.of(new HomeFile("out.csv", 3))),
                new WorkerToFrame.HomeRead(6, "eAo=", null),
                new WorkerToFrame.HomeRead(7, null, "gone"),
                new WorkerToFrame.Variables(3, List.of(new FrameToEditor.Variable(Language.PYTHON, "x", "int", "1"))),
                new WorkerToFrame.WheelStatus(4, "Loading"),
                new WorkerToFrame.WheelDone(4, null),
                new WorkerToFrame.WheelDone(4, "HTTP 404"));
        for (WorkerToFrame message : messages) {
            assertEquals(message, WorkerCodec.decodeWorkerToFrame(WorkerCodec.encode(message)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"Run\",\"v\":1,\"runId\":1,\"code\":\"x\",\"sourceName\":\"s\"}",
        "{\"type\":\"Explode\",\"v\":1}",
        "{\"type\":\"Run\",\"v\":2,\"runId\":1,\"code\":\"x\",\"sourceName\":\"s\",\"firstLine\":0}",
        "not json",
        "{\"type\":\"PutDataFile\",\"v\":1,\"name\":\"a.csv\"}",
        "{\"type\":\"PutDataFile\",\"v\":1,\"name\":\"a.csv\",\"lastUpdated\":\"today\"}",
    })
    void malformedFrameToWorkerMessagesAreRejected(String wire) {
        assertThrows(ProtocolException.class, () -> WorkerCodec.decodeFrameToWorker(wire));
    }

    @Test
    void aMessageForTheOtherDirectionIsRejected() {
        String wire = WorkerCodec.encode(new FrameToWorker.ListVariables(1));
        assertThrows(ProtocolException.class, () -> WorkerCodec.decodeWorkerToFrame(wire));
    }
}
