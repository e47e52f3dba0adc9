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
        assertTrue(output().startsWith(file + ":1:1: error: not valid UTF-8"));
    }

    @Test
    void aByteOrderMarkIsSkippedLikeBrowsersDo() throws IOException {
        String file = write("bom.iomd", "\uFEFF%% fetch\nimage: x\n");
        assertEquals(1, run(file));
        assertTrue(output().startsWith(file + ":2:1: error: unknown fetch type"), output());
    }
}
