package org.jodide.core;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PageShortcutTest {
    @Test
    void eachShortcutIsItsKeyWithItsModifiers() {
        assertEquals(Optional.of(PageShortcut.PRINT), PageShortcut.of("p", "KeyP", true, false, false));
        assertEquals(Optional.of(PageShortcut.SAVE), PageShortcut.of("s", "KeyS", true, false, false));
        assertEquals(Optional.of(PageShortcut.STOP), PageShortcut.of(".", "Period", true, false, false));
        assertEquals(Optional.of(PageShortcut.HELP), PageShortcut.of("h", "KeyH", false, true, false));
    }

    @Test
    void capsLockAndOtherLayoutsStillMatch() {
        assertEquals(Optional.of(PageShortcut.PRINT), PageShortcut.of("P", "KeyP", true, false, false));
        // Alt+H on a Mac types "˙"; a Russian layout gives "з" for the key of P.
        assertEquals(Optional.of(PageShortcut.HELP), PageShortcut.of("˙", "KeyH", false, true, false));
        assertEquals(Optional.of(PageShortcut.PRINT), PageShortcut.of("з", "KeyP", true, false, false));
    }

    @Test
    void otherModifiersAreOtherKeys() {
        assertEquals(Optional.empty(), PageShortcut.of("p", "KeyP", false, false, false), "typing a p");
        assertEquals(Optional.empty(), PageShortcut.of("P", "KeyP", true, false, true), "Ctrl+Shift+P is the editor's");
        assertEquals(Optional.empty(), PageShortcut.of("p", "KeyP", true, true, false));
        assertEquals(Optional.empty(), PageShortcut.of("h", "KeyH", false, false, false));
        assertEquals(Optional.empty(), PageShortcut.of("h", "KeyH", true, true, false));
        assertEquals(Optional.empty(), PageShortcut.of("Enter", "Enter", true, false, false));
    }
}
