package org.jodide.core.embed;

import org.jodide.core.embed.DoctestSource.Example;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DoctestSourceTest {
    private static final String NUMPY_SESSION = String.join("\n",
            ">>> import numpy as np",
            ">>> a = np.array([1, 2,",
            "...               3])",
            ">>> a.sum()",
            "6",
            ">>> for i in range(2):",
            "...     print(i)",
            "...",
            "0",
            "1");

    @Test
    void numpyStyleSessionKeepsStatementsAndContinuationsAndDropsOutput() {
        assertEquals(String.join("\n",
                "import numpy as np",
                "a = np.array([1, 2,",
                "              3])",
                "a.sum()",
                "for i in range(2):",
                "    print(i)",
                ""), DoctestSource.code(NUMPY_SESSION));
        assertTrue(DoctestSource.isSession(NUMPY_SESSION));
    }

    @Test
    void examplesPairEachStatementWithItsOutput() {
        assertEquals(List.of(
                new Example("import numpy as np", ""),
                new Example("a = np.array([1, 2,\n              3])", ""),
                new Example("a.sum()", "6"),
                new Example("for i in range(2):\n    print(i)\n", "0\n1")),
                DoctestSource.examples(NUMPY_SESSION));
    }

    @Test
    void bareContinuationPromptEndsALoopBlock() {
        String session = ">>> for x in 'ab':\n...     print(x)\n...\na\nb\n>>> x\n'b'";
        assertEquals("for x in 'ab':\n    print(x)\n\nx", DoctestSource.code(session));
        assertEquals(List.of(
                new Example("for x in 'ab':\n    print(x)\n", "a\nb"),
                new Example("x", "'b'")), DoctestSource.examples(session));
    }

    @Test
    void blockIndentedInsideHtmlIsDedented() {
        String indented = "\n        >>> import numpy as np\n        >>> a = np.array([1, 2,\n"
                + "        ...               3])\n        >>> a.sum()\n        6\n    ";
        assertEquals("import numpy as np\na = np.array([1, 2,\n              3])\na.sum()",
                DoctestSource.code(indented));
        assertEquals(new Example("a.sum()", "6"), DoctestSource.examples(indented).get(2));
    }

    @Test
    void textBeforeTheFirstPromptIsDropped() {
        String session = "Examples\n--------\nCreate an array:\n\n>>> np.zeros(2)\narray([0., 0.])";
        assertEquals("np.zeros(2)", DoctestSource.code(session));
        assertEquals(List.of(new Example("np.zeros(2)", "array([0., 0.])")), DoctestSource.examples(session));
    }

    @Test
    void proseLessIndentedThanThePromptsIsStillDropped() {
        String session = "Example:\n    >>> print('hi')\n    hi\n    >>> def f():\n    ...     return 1";
        assertEquals("print('hi')\ndef f():\n    return 1", DoctestSource.code(session));
        assertEquals(new Example("print('hi')", "hi"), DoctestSource.examples(session).get(0));
    }

    @Test
    void outputThatLooksLikeCodeIsStillOutput() {
        String session = String.join("\n",
                ">>> print(inspect.getsource(f))",
                "def f(x):",
                "    return x + 1",
                "",
                ">>> print('import os')",
                "import os",
                ">>> f(1)",
                "2");
        assertEquals("print(inspect.getsource(f))\nprint('import os')\nf(1)", DoctestSource.code(session));
        List<Example> examples = DoctestSource.examples(session);
        assertEquals("def f(x):\n    return x + 1", examples.get(0).expectedOutput());
        assertEquals("import os", examples.get(1).expectedOutput());
    }

    @Test
    void blankLineEndsOutputAndProseAfterItIsDropped() {
        String session = String.join("\n",
                ">>> x = 2",
                ">>> x + 2",
                "4",
                "",
                "Now multiply, which is also easy",
                "... and fast:",
                "",
                ">>> x * 3",
                "6");
        assertEquals("x = 2\nx + 2\nx * 3", DoctestSource.code(session));
        assertEquals(List.of(
                new Example("x = 2", ""),
                new Example("x + 2", "4"),
                new Example("x * 3", "6")), DoctestSource.examples(session));
    }

    @Test
    void ellipsisInOutputIsOutputNotAPrompt() {
        String session = String.join("\n",
                ">>> np.arange(1, 10)",
                "array([1, ..., 9])",
                ">>> print(long_text)",
                "first line",
                "... and more",
                "...",
                ">>> print('...loading')",
                "...loading",
                ">>> y = 1");
        assertEquals("np.arange(1, 10)\nprint(long_text)\nprint('...loading')\ny = 1", DoctestSource.code(session));
        List<Example> examples = DoctestSource.examples(session);
        assertEquals("array([1, ..., 9])", examples.get(0).expectedOutput());
        assertEquals("first line\n... and more\n...", examples.get(1).expectedOutput());
        assertEquals(new Example("print('...loading')", "...loading"), examples.get(2));
    }

    @Test
    void blanklineMarkerStandsForAnEmptyOutputLine() {
        String session = ">>> print('a\\n\\nb')\na\n<BLANKLINE>\nb";
        assertEquals(List.of(new Example("print('a\\n\\nb')", "a\n\nb")), DoctestSource.examples(session));
        assertEquals("print('a\\n\\nb')", DoctestSource.code(session));
    }

    @Test
    void windowsLineEndingsAreHandled() {
        String session = ">>> def f():\r\n...     return 1\r\n...\r\n>>> f()\r\n1\r\n";
        assertEquals("def f():\n    return 1\n\nf()", DoctestSource.code(session));
        assertEquals(new Example("f()", "1"), DoctestSource.examples(session).get(1));
    }

    @Test
    void bareAndTabFollowedPromptsAreStripped() {
        String session = ">>>\timport math\n>>>\n>>> if True:\n...\tmath.pi\n...     \n3.14";
        assertEquals("import math\n\nif True:\nmath.pi\n    ", DoctestSource.code(session));
    }

    @Test
    void emptyStringIsNoSession() {
        assertEquals("", DoctestSource.code(""));
        assertFalse(DoctestSource.isSession(""));
        assertEquals(List.of(), DoctestSource.examples(""));
    }

    @Test
    void textWithoutPromptsIsReturnedDedented() {
        String plain = "    import numpy as np\n\n    def f():\n        return np.pi\n";
        assertEquals("import numpy as np\n\ndef f():\n    return np.pi\n", DoctestSource.code(plain));
        assertFalse(DoctestSource.isSession(plain));
        assertEquals(List.of(), DoctestSource.examples(plain));
    }

    @Test
    void isSessionFindsAnIndentedPromptAfterProse() {
        assertTrue(DoctestSource.isSession("Example:\n\n    >>> 1 + 1\n    2"));
        assertFalse(DoctestSource.isSession("x = 1  # prints >>> nothing"));
    }

    @Test
    void javadocExampleHolds() {
        String session = "Sum an array:\n>>> a = np.array([1, 2,\n...               3])\n>>> a.sum()\n6";
        assertEquals("a = np.array([1, 2,\n              3])\na.sum()", DoctestSource.code(session));
        assertEquals(List.of(
                new Example("a = np.array([1, 2,\n              3])", ""),
                new Example("a.sum()", "6")), DoctestSource.examples(session));
    }
}
