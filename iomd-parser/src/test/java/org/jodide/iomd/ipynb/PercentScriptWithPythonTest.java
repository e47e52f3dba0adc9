package org.jodide.iomd.ipynb;

import org.jodide.iomd.IomdParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The scripts {@link PercentScriptExport} writes are Python: every example notebook of the site and
 * of docs/percent.md, magics and all, compiles with the machine's {@code python3} (docs/percent.md,
 * section 5: "the script runs as Python").
 */
class PercentScriptWithPythonTest {
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;

    @BeforeAll
    static void needsPython() {
        assumeTrue(Files.isExecutable(Path.of(PYTHON)), "no " + PYTHON);
    }

    @Test
    void everyScriptWrittenCompiles() throws IOException, InterruptedException {
        List<String> notebooks = new ArrayList<>();
        for (SpecExamples.Example example : SpecExamples.read(Path.of("..", "docs", "percent.md"), "percent-export")) {
            notebooks.add(example.parts().get(0));
        }
        try (Stream<Path> files = Files.list(Path.of("..", "examples"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".iomd")).sorted().toList()) {
                notebooks.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        notebooks.add("%% py\n!pip install x\nfiles = !ls\nlen?\n\\%%time\nimport os\ns = '''\n%d\n'''\n%% md\n%% not a marker\n");
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < notebooks.size(); i++) {
            Path script = dir.resolve("notebook" + i + ".py");
            Files.writeString(script, PercentScriptExport.write(IomdParser.create().parse(notebooks.get(i))), StandardCharsets.UTF_8);
            paths.add(script.toString());
        }
        List<String> command = new ArrayList<>(List.of(PYTHON, "-c",
                "import sys\nfor path in sys.argv[1:]:\n    compile(open(path, encoding='utf-8').read(), path, 'exec')\nprint('compiled', len(sys.argv) - 1)"));
        command.addAll(paths);
        Process python = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(python.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals("compiled " + paths.size(), output);
    }
}
