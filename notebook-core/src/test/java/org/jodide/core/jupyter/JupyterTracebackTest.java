package org.jodide.core.jupyter;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Tracebacks as ipykernel sends them with IPython 8 (ANSI colours stripped). */
class JupyterTracebackTest {
    private static final String ZERO_DIVISION = String.join("\n",
            "---------------------------------------------------------------------------",
            "ZeroDivisionError                         Traceback (most recent call last)",
            "Cell In[1], line 4",
            "      2 def f():",
            "      3     return 1/0",
            "----> 4 f()",
            "",
            "Cell In[1], line 3, in f()",
            "      2 def f():",
            "----> 3     return 1/0",
            "",
            "ZeroDivisionError: division by zero");

    @Test
    void cellFramesNameTheChunkAndCountNotebookLines() {
        assertEquals(String.join("\n",
                "---------------------------------------------------------------------------",
                "ZeroDivisionError                         Traceback (most recent call last)",
                "File \"py chunk at line 9\", line 13",
                "     11 def f():",
                "     12     return 1/0",
                "----> 13 f()",
                "",
                "File \"py chunk at line 9\", line 12, in f()",
                "     11 def f():",
                "----> 12     return 1/0",
                "",
                "ZeroDivisionError: division by zero"),
                JupyterTraceback.inNotebookLines(ZERO_DIVISION, 9, "py chunk at line 9"));
    }

    @Test
    void aSyntaxErrorsPlaceIsRenamedButItsQuotedCodeKept() {
        String syntax = "  Cell In[2], line 1\n    def g(:\n          ^\nSyntaxError: invalid syntax";
        assertEquals("  File \"py chunk at line 3\", line 4\n    def g(:\n          ^\nSyntaxError: invalid syntax",
                JupyterTraceback.inNotebookLines(syntax, 3, "py chunk at line 3"));
    }

    @Test
    void framesOfOtherFilesAreLeftAsTheyAre() {
        String library = String.join("\n",
                "Cell In[3], line 1",
                "----> 1 json.loads('{')",
                "",
                "File /usr/lib/python3.11/json/__init__.py:346, in loads(s, cls)",
                "    344 if (cls is None and object_hook is None):",
                "--> 346     return _default_decoder.decode(s)",
                "",
                "JSONDecodeError: Expecting property name");
        assertEquals(String.join("\n",
                "File \"py console input\", line 1",
                "----> 1 json.loads('{')",
                "",
                "File /usr/lib/python3.11/json/__init__.py:346, in loads(s, cls)",
                "    344 if (cls is None and object_hook is None):",
                "--> 346     return _default_decoder.decode(s)",
                "",
                "JSONDecodeError: Expecting property name"),
                JupyterTraceback.inNotebookLines(library, 0, "py console input"));
    }

    @Test
    void theSpacedFormOfOlderIpythonIsReadToo() {
        String spaced = "Cell In [5], line 3\n      1 def f():\n----> 3 f()";
        assertEquals("File \"py chunk at line 6\", line 9\n      7 def f():\n----> 9 f()",
                JupyterTraceback.inNotebookLines(spaced, 6, "py chunk at line 6"));
    }

    @Test
    void aTracebackWithoutCellsIsUnchanged() {
        assertEquals("KeyboardInterrupt: ", JupyterTraceback.inNotebookLines("KeyboardInterrupt: ", 5, "py chunk at line 5"));
    }
}
