package org.jodide.iomd.ipynb;

import org.jodide.iomd.IomdParser;
import org.jodide.iomd.Notebook;
import org.jodide.iomd.internal.JsonReader;
import org.jodide.iomd.internal.JsonWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The .ipynb side checked by Jupyter's own {@code nbformat} (Debian's {@code python3-nbformat},
 * installed with {@code python3-jupyter-server}, as {@code .ci/run} does): every notebook Jodide
 * writes validates against nbformat's schema and is the text nbformat itself writes for it; and
 * notebooks written by nbformat (4 with outputs and attachments, and 3) open as expected.
 */
class IpynbWithJupyterTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final IomdParser PARSER = IomdParser.create();

    @TempDir
    Path dir;

    @BeforeAll
    static void needsNbformat() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of(PYTHON)), "no " + PYTHON);
        Process probe = new ProcessBuilder(PYTHON, "-c", "import nbformat").redirectErrorStream(true).start();
        assumeTrue(probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0, "no nbformat (python3-nbformat)");
    }

    @Test
    void everyIpynbWrittenValidatesAndIsWhatNbformatWrites() throws IOException, InterruptedException {
        List<String> notebooks = new ArrayList<>();
        for (SpecExamples.Example example : IpynbSpecTest.examples()) {
            if (!example.kind().equals("ipynb-import")) {
                notebooks.add(example.parts().get(0));
            }
        }
        try (Stream<Path> files = Files.list(Path.of("..", "examples"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".iomd")).sorted().toList()) {
                notebooks.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        notebooks.add("%% md\nUnicode: é ✓ \u2028 and a tab\t, quotes \" and \\ backslashes\n%% py\n\\%%timeit\nprint('\\x1b')\r\n");
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < notebooks.size(); i++) {
            Path file = dir.resolve("n" + i + ".ipynb");
            Files.writeString(file, IpynbExport.write(PARSER.parse(notebooks.get(i))), StandardCharsets.UTF_8);
            paths.add(file.toString());
        }
        String check = String.join("\n",
                "import io, nbformat, sys",
                "for path in sys.argv[1:]:",
                "    text = io.open(path, encoding='utf-8', newline='').read()",
                "    nb = nbformat.reads(text, as_version=4)",
                "    nbformat.validate(nb)",
                "    again = nbformat.writes(nb) + '\\n'",
                "    assert again == text, path + ' differs from what nbformat writes:\\n' + again",
                "print('checked', len(sys.argv) - 1)");
        List<String> command = new ArrayList<>(List.of(PYTHON, "-c", check));
        command.addAll(paths);
        assertEquals("checked " + paths.size(), run(command));
    }

    /** JSON types' content, as the reader gives it: JSON text as {@link JsonWriter} writes it. */
    private static final String JSON_DISPLAY = JsonWriter.write(Map.of("a", 1, "b", Arrays.asList(true, null, "é")));
    private static final String PLOTLY_FIGURE = canonical(
            "{\"data\": [{\"type\": \"scatter\", \"x\": [1, 2.5, -3e-05], \"name\": \"ü\"}], \"layout\": {\"title\": null}}");

    private static String canonical(String json) {
        return JsonWriter.write(new JsonReader(json, 0, json.length()).read());
    }

    @Test
    void outputsOfEveryKindValidateAndAreWhatNbformatWrites() throws IOException, InterruptedException, IpynbException {
        Notebook notebook = PARSER.parse("%% md\n# Outputs\n%% py\nprint(1)\n%% py\n1/0\n%% js\n6 * 7\n");
        Map<String, CellOutput.Run> runs = Map.of(
                notebook.chunk(1).id(), new CellOutput.Run(1, List.of(
                        new CellOutput.Stream("stdout", "1\nline two\n"),
                        new CellOutput.Stream("stderr", "warning\n"),
                        new CellOutput.DisplayData(Map.of("text/html", "<b>bold</b>\n<i>it</i>")),
                        new CellOutput.DisplayData(Map.of("image/png", "iVBORw0KGgo=")),
                        new CellOutput.DisplayData(Map.of("application/json", JSON_DISPLAY)),
                        new CellOutput.DisplayData(Map.of("application/vnd.plotly.v1+json", PLOTLY_FIGURE,
                                "text/html", "<div>figure</div>")),
                        new CellOutput.ExecuteResult(1, Map.of("text/plain", "[1,\n 2]"))),
                        new CellOutput.RunTimes("2026-12-03T10:12:03.120Z", "2026-12-03T10:12:04.355Z")),
                notebook.chunk(2).id(), new CellOutput.Run(2, List.of(new CellOutput.Error("ZeroDivisionError", "division by zero",
                        List.of("Traceback (most recent call last):", "ZeroDivisionError: division by zero")))),
                notebook.chunk(3).id(), new CellOutput.Run(3, List.of(new CellOutput.ExecuteResult(3, Map.of("text/plain", "42")))));
        Path file = dir.resolve("outputs.ipynb");
        Files.writeString(file, IpynbExport.write(notebook, runs::get), StandardCharsets.UTF_8);
        String check = String.join("\n",
                "import difflib, io, nbformat, sys",
                "text = io.open(sys.argv[1], encoding='utf-8', newline='').read()",
                "nb = nbformat.reads(text, as_version=4)",
                "nbformat.validate(nb)",
                "again = nbformat.writes(nb) + '\\n'",
                "assert again == text, ''.join(difflib.unified_diff(text.splitlines(True), again.splitlines(True)))",
                "outputs = [o.output_type for c in nb.cells if c.cell_type == 'code' for o in c.outputs]",
                "json, figure = nb.cells[1].outputs[4].data['application/json'], nb.cells[1].outputs[5].data",
                "timing = nb.cells[1].metadata.execution",
                "print(' '.join(outputs), nb.cells[1].outputs[2].data['text/html'], nb.cells[3].execution_count,",
                "      json, figure['application/vnd.plotly.v1+json']['data'][0]['x'], figure['text/html'],",
                "      timing['iopub.status.busy'], timing['shell.execute_reply'], 'execution' in nb.cells[2].metadata)");
        assertEquals("stream stream display_data display_data display_data display_data execute_result error execute_result"
                + " <b>bold</b>\n<i>it</i> 3 {'a': 1, 'b': [True, None, 'é']} [1, 2.5, -3e-05] <div>figure</div>"
                + " 2026-12-03T10:12:03.120Z 2026-12-03T10:12:04.355Z False",
                run(List.of(PYTHON, "-c", check, file.toString())));
        Map<Integer, CellOutput.Run> opened = IpynbImport.read(Files.readString(file, StandardCharsets.UTF_8)).outputs();
        assertEquals(Map.of(1, runs.get(notebook.chunk(1).id()), 2, runs.get(notebook.chunk(2).id()),
                3, runs.get(notebook.chunk(3).id())), opened, "the outputs written are the outputs read");
    }

    /** When a cell ran, as JupyterLab records it ("record timing": metadata.execution), comes with its saved outputs. */
    @Test
    void theTimesJupyterLabRecordsAreRead() throws IpynbException {
        String recorded = """
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {},
                 "cells": [{"cell_type": "code", "id": "a", "execution_count": 1, "source": "sum(range(10))",
                   "metadata": {"execution": {"iopub.execute_input": "2021-05-25T07:52:46.372143Z",
                     "iopub.status.busy": "2021-05-25T07:52:46.371924Z", "iopub.status.idle": "2021-05-25T07:52:46.376413Z",
                     "shell.execute_reply": "2021-05-25T07:52:46.375926Z"}},
                   "outputs": [{"output_type": "execute_result", "execution_count": 1, "metadata": {}, "data": {"text/plain": "45"}}]},
                  {"cell_type": "code", "id": "b", "execution_count": 2, "source": "1", "metadata": {"execution": {"iopub.status.busy": 7}},
                   "outputs": [{"output_type": "execute_result", "execution_count": 2, "metadata": {}, "data": {"text/plain": "1"}}]}]}
                """;
        Map<Integer, CellOutput.Run> runs = IpynbImport.read(recorded).outputs();
        assertEquals(new CellOutput.RunTimes("2021-05-25T07:52:46.371924Z", "2021-05-25T07:52:46.375926Z"), runs.get(0).times());
        assertEquals(null, runs.get(1).times(), "times that are not texts are not times");
    }

    @Test
    void notebooksWrittenByNbformatOpen() throws IOException, InterruptedException, IpynbException {
        String write = String.join("\n",
                "import nbformat, nbformat.v3 as v3, sys",
                "from nbformat.v4 import new_notebook, new_markdown_cell, new_code_cell, new_raw_cell, new_output",
                "nb = new_notebook(metadata={'kernelspec': {'name': 'python3', 'language': 'python', 'display_name': 'Python 3'}})",
                "md = new_markdown_cell('# Plot\\n![p](attachment:p.png)')",
                "md.attachments = {'p.png': {'image/png': 'iVBORw0KGgo='}}",
                "nb.cells = [md,",
                "    new_code_cell('%%time\\nx = sum(range(10))\\nx', execution_count=1,",
                "        outputs=[new_output('execute_result', data={'text/plain': '45'}, execution_count=1)]),",
                "    new_code_cell('%%javascript\\nelement.text(1)', metadata={'tags': ['skip-execution']}),",
                "    new_raw_cell('raw text')]",
                "nbformat.write(nb, sys.argv[1])",
                "old = v3.new_notebook(name='old')",
                "ws = v3.new_worksheet(cells=[v3.new_heading_cell('Old', level=3), v3.new_code_cell(input='y = 2\\ny')])",
                "old.worksheets.append(ws)",
                "open(sys.argv[2], 'w').write(v3.nbjson.writes(old))",
                "print('written')");
        Path v4 = dir.resolve("v4.ipynb");
        Path v3 = dir.resolve("v3.ipynb");
        assertEquals("written", run(List.of(PYTHON, "-c", write, v4.toString(), v3.toString())));

        IpynbImport.Imported four = IpynbImport.read(Files.readString(v4, StandardCharsets.UTF_8));
        assertEquals("%% md\n# Plot\n![p](data:image/png;base64,iVBORw0KGgo=)\n\n"
                + "%% py\n\\%%time\nx = sum(range(10))\nx\n\n"
                + "%% js skipRunAll\nelement.text(1)\n\n"
                + "%% raw\nraw text\n", four.iomd());
        assertEquals(List.of(), four.notes());
        assertEquals(Map.of(1, new CellOutput.Run(1, List.of(new CellOutput.ExecuteResult(1, Map.of("text/plain", "45"))))),
                four.outputs(), "the saved outputs, by chunk index");

        IpynbImport.Imported three = IpynbImport.read(Files.readString(v3, StandardCharsets.UTF_8));
        assertEquals("%% md\n### Old\n\n%% py\ny = 2\ny\n", three.iomd());
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(true, process.waitFor(120, TimeUnit.SECONDS), "python did not finish: " + output);
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
