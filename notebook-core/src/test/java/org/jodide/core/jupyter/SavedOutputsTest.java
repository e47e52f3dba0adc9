package org.jodide.core.jupyter;

import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.kernel.OutputStream;
import org.jodide.iomd.IomdParser;
import org.jodide.iomd.Notebook;
import org.jodide.iomd.ipynb.CellOutput;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SavedOutputsTest {
    /** Writes down what a listener hears. */
    private static final class Heard implements ExecutionListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void output(OutputStream stream, String text) {
            events.add(stream + " " + text);
        }

        @Override
        public void display(String mimeType, String data) {
            events.add("display " + mimeType + " " + data);
        }

        @Override
        public void finished(String value, String error) {
            events.add("finished " + value + " / " + error);
        }
    }

    @Test
    void outputsAreToldInOrderEachBundleInTheFormShownHereAndThePlainValueFinishes() {
        Map<String, String> table = new LinkedHashMap<>();
        table.put("text/plain", "   a\n0  1");
        table.put("text/html", "<table></table>");
        Heard heard = new Heard();
        SavedOutputs.replay(new CellOutput.Run(4, List.of(
                new CellOutput.Stream("stdout", "loading\n"),
                new CellOutput.Stream("stderr", "warning\n"),
                new CellOutput.DisplayData(table),
                new CellOutput.DisplayData(Map.of("application/vnd.jupyter.widget-view+json", "{}")),
                new CellOutput.ExecuteResult(4, Map.of("text/plain", "42")))), heard);
        assertEquals(List.of("STDOUT loading\n", "STDERR warning\n", "display text/html <table></table>", "finished 42 / null"),
                heard.events);
    }

    @Test
    void aRichValueIsADisplayAndAnErrorFinishesWithItsTracebackWithoutColours() {
        Heard heard = new Heard();
        SavedOutputs.replay(new CellOutput.Run(2, List.of(
                new CellOutput.ExecuteResult(2, Map.of("image/png", "iVBORw0KGgo=", "text/plain", "<Figure>")),
                new CellOutput.Error("ZeroDivisionError", "division by zero", List.of(
                        "\u001b[0;31m---------------------------------------------------------------------------\u001b[0m",
                        "\u001b[0;31mZeroDivisionError\u001b[0m: division by zero")))), heard);
        assertEquals(List.of("display image/png iVBORw0KGgo=", "finished null / ----------------------------------------"
                + "-----------------------------------\nZeroDivisionError: division by zero"), heard.events);
        assertEquals("NameError: name 'x' is not defined",
                SavedOutputs.errorText(new CellOutput.Error("NameError", "name 'x' is not defined", List.of())));
    }

    @Test
    void savedOutputsFollowTheirChunksThroughEdits() {
        IomdParser parser = IomdParser.create();
        Notebook saved = parser.parse("%% md\n# T\n\n%% py\na = 1\n\n%% py\nb = 2\n\n%% py\nc = 3\n\n%% py\nc = 3\n");
        CellOutput.Run one = new CellOutput.Run(1, List.of(new CellOutput.Stream("stdout", "1\n")));
        CellOutput.Run two = new CellOutput.Run(2, List.of(new CellOutput.Stream("stdout", "2\n")));
        CellOutput.Run three = new CellOutput.Run(3, List.of(new CellOutput.Stream("stdout", "3\n")));
        CellOutput.Run four = new CellOutput.Run(4, List.of(new CellOutput.Stream("stdout", "4\n")));
        Map<Integer, CellOutput.Run> runs = Map.of(1, one, 2, two, 3, three, 4, four);

        assertEquals(runs, SavedOutputs.matching(runs, saved, saved), "unchanged: each where it was");
        // A chunk inserted above, the second changed, a js chunk with the same text as a py one: the others move along.
        Notebook edited = parser.parse("%% md\n# T\n\n%% md\nnew\n\n%% js\na = 1\n\n%% py\na = 1\n\n%% py\nb = 22\n\n"
                + "%% py\nc = 3\n\n%% py\nc = 3\n");
        assertEquals(Map.of(3, one, 5, three, 6, four), SavedOutputs.matching(runs, saved, edited));
        // One of two identical chunks deleted: the first run saved goes to the one left.
        Notebook deleted = parser.parse("%% md\n# T\n\n%% py\na = 1\n\n%% py\nc = 3\n");
        assertEquals(Map.of(1, one, 2, three), SavedOutputs.matching(runs, saved, deleted));
        assertEquals(Map.of(), SavedOutputs.matching(Map.of(9, one), saved, saved), "an index beyond the notebook");
    }
}
