package org.jodide.core.kernel;

import org.jodide.iomd.IomdParser;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SynchronousPyodideUseTest {
    private final IomdParser parser = IomdParser.create();

    private Optional<SynchronousPyodideUse.Use> firstIn(String text) {
        return SynchronousPyodideUse.firstIn(parser.parse(text));
    }

    @Test
    void iodidesWaysOfReachingPythonFromAJsChunkAreFoundWithTheirNotebookLine() {
        assertEquals(Optional.of(new SynchronousPyodideUse.Use(5, "pyodide.pyimport")),
                firstIn("%% md\n# Python\n%% js\nconst a = 1;\nvar decoded = pyodide.pyimport(\"decoded\")\n"));
        assertEquals("pyodide.globals", firstIn("%% js\npyodide.globals.get('x')\n").orElseThrow().call());
        assertEquals("pyodide.globals", firstIn("%% js\nlet total = pyodide.globals.total\n").orElseThrow().call(),
                "Iodide's notebooks read globals as properties");
        assertEquals("pyodide.runPython", firstIn("%% js\nwindow.pyodide\n  .runPython('1+1')\n").orElseThrow().call());
        assertEquals("pyodide.toPy", firstIn("%% js\npyodide . toPy([1])\n").orElseThrow().call());
        assertEquals("pyodide.runPythonAsync", firstIn("%% js\nawait pyodide.runPythonAsync('1')\n").orElseThrow().call());
    }

    @Test
    void theFirstUseInTheNotebookIsTheOneGiven() {
        assertEquals(Optional.of(new SynchronousPyodideUse.Use(6, "pyodide.runPython")),
                firstIn("%% js\n1\n%% py\npyodide.pyimport('in Python, not JavaScript')\n%% js\npyodide.runPython('x')\n"
                        + "pyodide.pyimport('x')\n"));
    }

    @Test
    void whatWorkerModeKeepsOrWhatOnlyLooksAlikeIsNotAUse() {
        assertEquals(Optional.empty(), firstIn("%% js\nawait pyodide.loadPackage('numpy')\n"), "a promise either way");
        assertEquals(Optional.empty(), firstIn("%% js\nawait jodide.python.get('x')\n"));
        assertEquals(Optional.empty(), firstIn("%% js\nmicropyodide.globals\nmy_pyodide.pyimport('x')\npyodideReady\n"));
        assertEquals(Optional.empty(), firstIn("%% js\npyodide.globalsOf\npyodide\n"));
        assertEquals(Optional.empty(), firstIn("%% md\nCall `pyodide.pyimport(name)` from a js chunk.\n"));
        assertEquals(Optional.empty(), firstIn(""));
    }
}
