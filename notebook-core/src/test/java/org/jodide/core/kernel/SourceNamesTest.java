package org.jodide.core.kernel;

import org.jodide.core.Language;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceNamesTest {
    @Test
    void aChunkIsNamedByItsTypeAndItsDelimiterLine() {
        // "%% py" on line 12 (1-based): the code starts on 0-based line 12.
        assertEquals("py chunk at line 12", SourceNames.of(Language.PYTHON, 12));
        assertEquals("js chunk at line 1", SourceNames.of(Language.JAVASCRIPT, 1));
    }

    @Test
    void codeWithoutADelimiterIsConsoleInput() {
        assertEquals("py console input", SourceNames.of(Language.PYTHON, 0));
    }

    @Test
    void anEmbeddedCellIsNamedByItsLanguageAndItsPlaceInThePageCountedFromOne() {
        assertEquals("py cell 3", SourceNames.ofCell("py", 3));
        assertEquals("js-cell-1.js", SourceNames.asUrl(SourceNames.ofCell("js", 1)));
    }

    @Test
    void aCellsNumberIsReadBackFromItsNameAndOtherNamesHaveNone() {
        assertEquals(3, SourceNames.cellNumber(SourceNames.ofCell("py", 3)));
        assertEquals(12, SourceNames.cellNumber("js cell 12"));
        assertEquals(0, SourceNames.cellNumber("js chunk at line 3"));
        assertEquals(0, SourceNames.cellNumber("Python"));
        assertEquals(0, SourceNames.cellNumber(""));
        assertEquals(0, SourceNames.cellNumber("js cell "));
        assertEquals(0, SourceNames.cellNumber("js cell 2x"));
        assertEquals(0, SourceNames.cellNumber("js cell 99999999999"));
    }

    @Test
    void runsAreNamedApartFromLanguages() {
        assertTrue(SourceNames.namesARun("js chunk at line 3"));
        assertTrue(SourceNames.namesARun("py console input"));
        assertTrue(SourceNames.namesARun("js cell 2"));
        assertFalse(SourceNames.namesARun("Python"));
        assertFalse(SourceNames.namesARun("Python on the Jupyter server"));
        assertFalse(SourceNames.namesARun(""));
    }

    @Test
    void theScriptUrlHasNoSpaces() {
        assertEquals("js-chunk-at-line-3.js", SourceNames.asUrl(SourceNames.of(Language.JAVASCRIPT, 3)));
    }
}
