package org.jodide.core.kernel;

import org.jodide.core.Language;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void theScriptUrlHasNoSpaces() {
        assertEquals("js-chunk-at-line-3.js", SourceNames.asUrl(SourceNames.of(Language.JAVASCRIPT, 3)));
    }
}
