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

class ConvertCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ConvertCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void anIomdBecomesAnIpynbBesideItThatConvertsBackToTheSameText() throws IOException {
        String iomd = "%% md\n# Sales\n\n%% py\n\\%%time\nsum([1, 2])\n";
        Path source = Files.writeString(dir.resolve("sales.iomd"), iomd);
        assertEquals(ConvertCommand.OK, run(source.toString()));
        Path ipynb = dir.resolve("sales.ipynb");
        assertTrue(Files.readString(ipynb).contains("\"%%time\\n\""));
        Files.delete(source);
        assertEquals(ConvertCommand.OK, run(ipynb.toString()));
        assertEquals(iomd, Files.readString(source));
        assertEquals(source + " -> " + ipynb + "\n" + ipynb + " -> " + source + "\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aScriptInCellsBecomesAnIomdBesideIt() throws IOException {
        Path script = Files.writeString(dir.resolve("circles.py"), "# %% [markdown]\n# # Circles\n\n# %%\nr = 2\n");
        assertEquals(ConvertCommand.OK, run(script.toString()));
        assertEquals("%% md\n# Circles\n\n%% py\nr = 2\n", Files.readString(dir.resolve("circles.iomd")));
        Path plain = Files.writeString(dir.resolve("plain.py"), "print(1)\n");
        assertEquals(ConvertCommand.OK, run(plain.toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("  The script has no \"# %%\" cell markers"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anIomdBecomesAScriptWithToPyThatConvertsBackToTheSameText() throws IOException {
        String iomd = "%% md\n# Sales\n\n%% py\n\\%%time\nsum([1, 2])\n\n%% fetch\ntext: t = data.txt\n";
        Path source = Files.writeString(dir.resolve("sales.iomd"), iomd);
        assertEquals(ConvertCommand.OK, run("--to", "py", source.toString()));
        Path script = dir.resolve("sales.py");
        assertTrue(Files.readString(script).contains("\n# %%\n# %%time\nsum([1, 2])\n"), Files.readString(script));
        Files.delete(source);
        assertEquals(ConvertCommand.OK, run(script.toString()));
        assertEquals(iomd, Files.readString(source));
        assertEquals(ConvertCommand.UNREADABLE, run("--to", "docx", source.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("usage: jodide convert [--force] [--to ipynb|py]"));
    }

    @Test
    void anExistingFileIsKeptUnlessForced() throws IOException {
        Path source = Files.writeString(dir.resolve("a.iomd"), "%% py\n1\n");
        Path target = Files.writeString(dir.resolve("a.ipynb"), "mine");
        assertEquals(ConvertCommand.NOT_CONVERTED, run(source.toString()));
        assertEquals("mine", Files.readString(target));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("exists: not overwritten (--force overwrites it)"));
        assertEquals(ConvertCommand.OK, run("--force", source.toString()));
        assertTrue(Files.readString(target).startsWith("{\n \"cells\""));
    }

    @Test
    void whatIsNotANotebookSaysWhereAndWritesNothing() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.ipynb"), "{\"nbformat\": 4,\n \"cells\": 3}");
        assertEquals(ConvertCommand.NOT_CONVERTED, run(broken.toString(), dir.resolve("notes.txt").toString()));
        String problems = err.toString(StandardCharsets.UTF_8);
        assertTrue(problems.contains(broken + ":2:11: not converted: not a Jupyter notebook that can be read: \"cells\" must be an array, not a number"), problems);
        assertTrue(problems.contains("notes.txt: not converted: the name must end with .ipynb, .py, .jsmd, .html, .htm or .iomd"), problems);
        assertTrue(!Files.exists(dir.resolve("broken.iomd")));
        assertEquals(ConvertCommand.UNREADABLE, run());
        assertEquals(ConvertCommand.UNREADABLE, run(dir.resolve("missing.ipynb").toString()));
    }

    @Test
    void anIodideNotebookAndAnIodidePageBecomeAnIomdBesideThem() throws IOException {
        Path jsmd = Files.writeString(dir.resolve("python.jsmd"), "%% meta\n{}\n%% code {\"language\":\"py\"}\n1 + 1\n");
        assertEquals(ConvertCommand.OK, run(jsmd.toString()));
        assertEquals("%% raw\n{}\n%% py\n1 + 1\n", Files.readString(dir.resolve("python.iomd")));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("  Written for Iodide: `%% meta` became `%% raw` (line 1)."),
                out.toString(StandardCharsets.UTF_8));
        Path page = Files.writeString(dir.resolve("squares.html"),
                "<html><body>\n<script id=\"jsmd\" type=\"text/jsmd\">\n%% js\n[1, 2].map(x => x * x)\n</script>\n</body></html>");
        assertEquals(ConvertCommand.OK, run(page.toString()));
        assertEquals("%% js\n[1, 2].map(x => x * x)\n", Files.readString(dir.resolve("squares.iomd")));
        Path plain = Files.writeString(dir.resolve("plain.htm"), "<p>No notebook here.</p>");
        assertEquals(ConvertCommand.NOT_CONVERTED, run(plain.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(plain + ": not converted: the page holds no notebook"));
        assertTrue(!Files.exists(dir.resolve("plain.iomd")));
    }
}
