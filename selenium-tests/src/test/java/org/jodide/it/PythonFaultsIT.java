package org.jodide.it;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Python faults end with a clear message where the user looks, the notebook text untouched, and
 * a following {@code 1+1} (and a js chunk) that works: MemoryError, deep recursion, SystemExit,
 * {@code os._exit} and Pyodide's fatal errors (the last two restart the kernel, saying so), and
 * 10 MB of printed text (cut with a note). Each test runs with Python on the frame's main thread
 * and in its worker ({@link PythonMode}); in the worker, a lost Python (fatal error, {@code os._exit})
 * restarts the kernel the same way: the worker tells the frame, the frame tells the editor.
 */
class PythonFaultsIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    /**
     * Growing the Wasm memory to its 4 GiB limit takes ~14 s (measured in node: the time goes in
     * reaching 4 GiB, not in the number of steps), so that part runs only where Python runs by
     * default (the worker); on the main thread the allocation too big to try is refused, and Python
     * goes on working in both.
     */
    @ParameterizedTest
    @EnumSource(PythonMode.class)
    void memoryErrorsEndTheChunkAndPythonKeepsWorking(PythonMode mode) {
        NotebookPage page = mode.open(SITE);
        boolean exhaust = mode == PythonMode.WORKER;
        String text = "%% py\nhuge = bytearray(10**10)\n"
                + (exhaust ? "%% py\ngrowing = []\nwhile True: growing.append(bytearray(10**8))\n"
                        + "%% py\nlength = len(growing)\ndel growing\n" : "")
                + "%% py\n1+1\n%% js\n6*7\n";
        page.replaceText(text);
        page.putCursorAt(0);
        NotebookPage.ConsoleEntry huge = page.runWithShiftEnter();
        assertEquals("error", huge.state());
        // 10**10 bytes do not fit Wasm32's 2 GiB Py_ssize_t: Python says OverflowError, or MemoryError.
        assertTrue(huge.error().contains("MemoryError") || huge.error().contains("OverflowError"), huge.error());
        if (exhaust) {
            NotebookPage.ConsoleEntry growing = page.runWithShiftEnter();
            assertEquals("error", growing.state());
            assertTrue(growing.error().contains("MemoryError"), growing.error());
            assertEquals("done", page.runWithShiftEnter().state(), "the list that filled the memory is freed");
        }
        assertEquals("2", page.runWithShiftEnter().value(), "Python still works after running out of memory");
        assertEquals("42", page.runWithShiftEnter().value());
        assertEquals(text, page.editorText());
    }

    @ParameterizedTest
    @EnumSource(PythonMode.class)
    void deepRecursionIsARecursionErrorAndPythonKeepsWorking(PythonMode mode) {
        NotebookPage page = mode.open(SITE);
        String text = "%% py\ndef f(n):\n    return f(n + 1)\nkept = 7\n%% py\nf(0)\n%% py\nkept * 6\n"
                + "%% py\nimport sys\nsys.setrecursionlimit(10**5)\nf(0)\n%% py\n1+1\n%% js\n6*7\n";
        page.replaceText(text);
        page.putCursorAt(0);
        page.runWithShiftEnter();
        NotebookPage.ConsoleEntry recursion = page.runWithShiftEnter();
        assertEquals("error", recursion.state());
        assertTrue(recursion.error().contains("RecursionError"), recursion.error());
        assertEquals("42", page.runWithShiftEnter().value(), "variables survive a RecursionError");

        // With the limit raised to 100,000, the Wasm stack overflows first (measured: "RangeError:
        // Maximum call stack size exceeded", a fatal error of Pyodide): the kernel restarts, saying
        // so. Should a build of Pyodide reach the limit instead, a RecursionError with a cut traceback.
        NotebookPage.ConsoleEntry deeper = page.runWithShiftEnter();
        assertEquals("error", deeper.state());
        if (deeper.error().contains("RecursionError")) {
            assertTrue(deeper.error().contains("more frames not shown"), deeper.error());
        } else {
            assertTrue(deeper.error().contains("fatal error") && deeper.error().contains("restarted"), deeper.error());
            assertTrue(page.awaitConsoleFault("fatal error").contains("variables are lost"));
            page.awaitKernelState("idle", NotebookPage.PYTHON);
        }
        assertEquals("2", page.runWithShiftEnter().value());
        assertEquals("42", page.runWithShiftEnter().value());
        assertEquals(text, page.editorText());
    }

    @ParameterizedTest
    @EnumSource(PythonMode.class)
    void systemExitEndsOnlyTheRunAndOsExitRestartsTheKernelSayingSo(PythonMode mode) {
        NotebookPage page = mode.open(SITE);
        String text = "%% py\nkept = 5\n%% py\nimport sys\nsys.exit(3)\n%% py\nexit()\n%% py\nquit()\n"
                + "%% py\nkept + 1\n%% py\nimport os\nos._exit(1)\n%% py\n1+1\n%% js\n6*7\n";
        page.replaceText(text);
        page.putCursorAt(0);
        page.runWithShiftEnter();
        for (int i = 0; i < 3; i++) {
            NotebookPage.ConsoleEntry exit = page.runWithShiftEnter();
            assertEquals("error", exit.state());
            assertTrue(exit.error().contains("SystemExit"), exit.error());
            assertTrue(exit.error().contains("keeps its variables"), exit.error());
        }
        assertEquals("6", page.runWithShiftEnter().value(), "SystemExit keeps the variables");

        NotebookPage.ConsoleEntry exited = page.runWithShiftEnter();
        assertEquals("error", exited.state());
        assertTrue(exited.error().contains("Python exited") && exited.error().contains("restarted"), exited.error());
        assertTrue(page.awaitConsoleFault("Python exited").contains("variables are lost"));
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        assertEquals("2", page.runWithShiftEnter().value());
        assertEquals("42", page.runWithShiftEnter().value());
        assertEquals(text, page.editorText());
    }

    @ParameterizedTest
    @EnumSource(PythonMode.class)
    void aFatalErrorOfPyodideRestartsTheKernelWithAMessage(PythonMode mode) {
        NotebookPage page = mode.open(SITE);
        // Worker mode: js chunks cannot reach the worker's Pyodide (the frame's pyodide global is a
        // stand-in), so Python calls the same API of its own Pyodide (pyodide_js) to crash it.
        String crash = mode == PythonMode.MAIN_THREAD ? "%% js\npyodide._api.fatal_error(new Error('simulated crash'))\n"
                : "%% py\nimport pyodide_js\npyodide_js._api.fatal_error('simulated crash')\n";
        String text = "%% py\nx = 1\n" + crash + "%% py\n1+1\n%% js\n6*7\n";
        page.replaceText(text);
        page.putCursorAt(0);
        page.runWithShiftEnter();
        page.runWithShiftEnter();
        String fault = page.awaitConsoleFault("fatal error");
        assertTrue(fault.contains("simulated crash") && fault.contains("restarted"), fault);
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        assertEquals("2", page.runWithShiftEnter().value(), "the restarted kernel runs Python");
        assertEquals("42", page.runWithShiftEnter().value());
        assertEquals(text, page.editorText());
    }

    @ParameterizedTest
    @EnumSource(PythonMode.class)
    void tenMegabytesPrintedAreCutWithANoteAndThePageStaysResponsive(PythonMode mode) {
        NotebookPage page = mode.open(SITE);
        String text = "%% py\nkept = 3\nprint('x' * 10_000_000)\nprint('after')\n"
                + "%% py\nfor i in range(1_000_000):\n    print('123456789')\n"
                + "%% py\nkept * 14\n%% js\n6*7\n";
        page.replaceText(text);
        page.putCursorAt(0);
        NotebookPage.ConsoleEntry oneLine = page.runWithShiftEnter();
        assertEquals("done", oneLine.state());
        String shown = oneLine.output();
        assertTrue(shown.contains("line cut: only its first 100,000 characters are shown"), shown.substring(0, 200));
        assertTrue(shown.length() < 200_000, "shown: " + shown.length() + " characters");
        assertTrue(shown.endsWith("\nafter\n"), shown.substring(shown.length() - 100));
        // Responsive: the page answers a script at once and the editor still takes typing.
        long start = System.nanoTime();
        assertEquals(2L, page.script("return 1 + 1;"));
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "the page answered a script in " + (System.nanoTime() - start) / 1_000_000 + " ms");

        NotebookPage.ConsoleEntry manyLines = page.runWithShiftEnter();
        assertEquals("done", manyLines.state());
        assertTrue(manyLines.element().getText().contains("990000 earlier lines not shown"), manyLines.element().getText());
        assertEquals("42", page.runWithShiftEnter().value(), "variables survive");
        assertEquals("42", page.runWithShiftEnter().value());
        assertEquals(text, page.editorText());
    }
}
