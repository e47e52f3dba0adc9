package org.jodide.core.protocol;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Data files are plain file names: never a path, so nothing is written outside Python's home folder. */
class DataFileNamesTest {
    @Test
    void plainNamesAreTaken() {
        for (String name : List.of("sales.csv", "Données 2024.xlsx", ".env", "a..b", "x".repeat(DataFileNames.MAX_LENGTH))) {
            assertNull(DataFileNames.problem(name), name);
            assertEquals(name, DataFileNames.check(name));
        }
    }

    @Test
    void pathsFoldersAndControlCharactersAreRefusedSayingWhy() {
        for (String name : List.of("../etc/passwd", "a/b.csv", "a\\b.csv", ".", "..", "", "tab\there", "x".repeat(DataFileNames.MAX_LENGTH + 1))) {
            assertThrows(IllegalArgumentException.class, () -> DataFileNames.check(name), name);
        }
        assertEquals("\"a/b.csv\" is not a plain file name (no /, \\ or control characters)", DataFileNames.problem("a/b.csv"));
        assertTrue(DataFileNames.problem(null).contains("needs a name"));
    }

    @Test
    void aDataLineWrittenFilesSlashNameNamesADataFile() {
        assertEquals("a.csv", EditorToFrame.FetchRequest.dataFileOf(org.jodide.iomd.FetchKind.TEXT, "files/a.csv"));
        assertEquals("b.bin", EditorToFrame.FetchRequest.dataFileOf(org.jodide.iomd.FetchKind.ARRAY_BUFFER, "files/b.bin"));
        assertNull(EditorToFrame.FetchRequest.dataFileOf(org.jodide.iomd.FetchKind.JS, "files/lib.js"), "not a data line");
        assertNull(EditorToFrame.FetchRequest.dataFileOf(org.jodide.iomd.FetchKind.TEXT, "files/sub/a.csv"), "a folder");
        assertNull(EditorToFrame.FetchRequest.dataFileOf(org.jodide.iomd.FetchKind.TEXT, "data/a.csv"));
        assertNull(EditorToFrame.FetchRequest.dataFileOf(org.jodide.iomd.FetchKind.TEXT, "https://x/files/a.csv"));
    }

    @Test
    void aMessageNamingAPathIsAProtocolError() {
        String wire = ProtocolCodec.encode(new EditorToFrame.RemoveDataFile("ok.csv")).replace("ok.csv", "../ok.csv");
        ProtocolException e = assertThrows(ProtocolException.class, () -> ProtocolCodec.decodeEditorToFrame(wire));
        assertTrue(e.getMessage().startsWith("invalid data file: "), e.getMessage());
    }
}
