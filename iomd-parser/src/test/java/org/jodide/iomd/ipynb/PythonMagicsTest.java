package org.jodide.iomd.ipynb;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Jupytext's rules for magics in Python scripts, both ways (docs/percent.md, sections 4 and 5). */
class PythonMagicsTest {
    @Test
    void magicsAreCommentedAndComeBack() {
        List<String> cell = List.of("%time f()", "  %%capture", "!pip install x", "files = !ls", "len?", "?len",
                "cd data", "# %time a comment", "x = 1", "cd = 3", "ls, cd = 1, 2", "print('%d' % 3)");
        List<String> script = List.of("# %time f()", "  # %%capture", "# !pip install x", "# files = !ls", "# len?",
                "# ?len", "# cd data", "# # %time a comment", "x = 1", "cd = 3", "ls, cd = 1, 2", "print('%d' % 3)");
        assertEquals(script, PythonMagics.commented(cell));
        assertEquals(cell, PythonMagics.uncommented(script));
    }

    @Test
    void aMagicsContinuationLinesGoWithIt() {
        List<String> cell = List.of("!pip install \\", "    numpy", "x = 1");
        assertEquals(List.of("# !pip install \\", "#     numpy", "x = 1"), PythonMagics.commented(cell));
        assertEquals(cell, PythonMagics.uncommented(PythonMagics.commented(cell)));
    }

    @Test
    void linesInTripleQuotedStringsStay() {
        List<String> cell = List.of("s = \"\"\"", "%d items", "!not a command", "\"\"\"", "%time s", "t = '''x'''", "%who");
        assertEquals(List.of("s = \"\"\"", "%d items", "!not a command", "\"\"\"", "# %time s", "t = '''x'''", "# %who"),
                PythonMagics.commented(cell));
    }

    @Test
    void stringsAreTrackedAsJupytextDoes() {
        PythonStrings strings = new PythonStrings();
        strings.read("x = '\"\"\"'  # a quote in quotes");
        assertFalse(strings.inString());
        strings.read("doc = r'''");
        assertTrue(strings.inString());
        strings.read("# still in the string: ''' ends it");
        assertFalse(strings.inString());
        strings.read("# a comment: \"\"\" starts nothing");
        assertFalse(strings.inString());
    }
}
