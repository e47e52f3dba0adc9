package org.jodide.iomd.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... files) {
        return CheckCommand.run(files, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private String write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file.toString();
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCleanNotebookPassesSilently() throws IOException {
        assertEquals(0, run(write("ok.iomd", "%% md\n# Hi\n%% py\n1\n")));
        assertEquals("", output());
    }

    @Test
    void errorsArePrintedAsFileLineColumnAndFailTheCheck() throws IOException {
        String bad = write("bad.iomd", "%% md\n%% fetch\njs: a.js\nimage: b.png\n");
        String ok = write("ok.iomd", "%% md\n");
        assertEquals(1, run(ok, bad));
        assertEquals(bad + ":4:1: error: unknown fetch type 'image' (use js, css, plugin, wheel, text, json, arrayBuffer, blob or bytes)\n",
                output().replace("\r\n", "\n"));
    }

    @Test
    void warningsAreShownButPass() throws IOException {
        String file = write("w.iomd", "%% py\n%%timeit\n");
        assertEquals(0, run(file));
        assertTrue(output().startsWith(file + ":2:3: warning: unknown chunk type 'timeit'"), output());
    }

    @Test
    void anUnreadableFileGivesTwoAndTheOthersAreStillChecked() throws IOException {
        String bad = write("bad.iomd", "%% fetch\nimage: x\n");
        assertEquals(2, run(dir.resolve("missing.iomd").toString(), bad));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing.iomd: cannot read"));
        assertTrue(output().contains(bad + ":2:1: error:"));
    }

    @Test
    void noFileIsAUsageError() {
        assertEquals(2, run());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: jodide check FILE..."));
    }

    @Test
    void invalidUtf8IsAnError() throws IOException {
        String file = write("latin1.iomd", new byte[] {'%', '%', ' ', 'm', 'd', '\n', (byte) 0xE9, '\n'});
        assertEquals(1, run(file));
        assertTrue(output().startsWith(file + ":2:1: error: not valid UTF-8"), output());
    }

    @Test
    void invalidUtf8IsReportedAtItsLineAndColumn() throws IOException {
        byte[] head = "%% py\r\nname = 'Andr\u00e9'\r\nx = '\uD83D\uDE00 caf".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 3);
        bytes[head.length] = (byte) 0xE9; // Latin-1 é: not UTF-8
        bytes[head.length + 1] = '\'';
        bytes[head.length + 2] = '\n';
        String file = write("mixed.iomd", bytes);
        assertEquals(1, run(file));
        // Line 3; before the byte: x, space, =, space, ', the emoji (2 UTF-16 units), space, c, a, f = 11 units.
        assertTrue(output().startsWith(file + ":3:12: error: not valid UTF-8"), output());
    }

    @Test
    void aByteOrderMarkDoesNotCountInTheColumnOfAnInvalidByte() throws IOException {
        String file = write("bom-latin1.iomd", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', (byte) 0xE9});
        assertEquals(1, run(file));
        assertTrue(output().startsWith(file + ":1:2: error: not valid UTF-8"), output());
    }

    @Test
    void aByteOrderMarkIsSkippedLikeBrowsersDo() throws IOException {
        String file = write("bom.iomd", "\uFEFF%% fetch\nimage: x\n");
        assertEquals(1, run(file));
        assertTrue(output().startsWith(file + ":2:1: error: unknown fetch type"), output());
    }
}
