package org.jodide.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Data files: a file the user adds (Files → Add files…, or dropped onto the page) is kept in this
 * browser and Python opens it by name, in both places Python runs ({@link PythonMode}: the worker
 * and the frame's main thread are given files through different code), after a restart of the
 * kernel and after a reload; deleting it takes it from Python.
 */
@ParameterizedClass
@EnumSource(PythonMode.class)
class DataFilesIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();
    private static final Duration SHORT = Duration.ofSeconds(10);
    private static final String READ = "%% py\nopen('sales.csv').read()\n";

    @TempDir
    static Path files;

    private static NotebookPage page;

    @Parameter
    PythonMode mode;

    @BeforeParameterizedClassInvocation
    static void openNotebook(PythonMode mode) {
        page = SITE.notebookPage().clearLocalStorage();
        page = mode.open(SITE);
    }

    private static WebDriver driver() {
        return SITE.browser().driver();
    }

    private static String filesStatus() {
        return new WebDriverWait(driver(), SHORT).until(d -> {
            String text = d.findElement(By.id("files-status")).getText();
            return text.isEmpty() ? null : text;
        });
    }

    @SuppressWarnings("unchecked")
    private static List<String> listedFiles() {
        return (List<String>) page.script("return [...document.querySelectorAll('#files-list tr.data-file')]"
                + ".map(row => row.dataset.name + ' ' + row.querySelector('.data-file-size').textContent);");
    }

    private static void closeDialog() {
        page.script("const dialog = document.getElementById('files-dialog'); if (dialog.open) dialog.close();");
    }

    /** Presses Delete in the row of {@code name} once the list shows it. */
    private static void deleteListed(String name) {
        new WebDriverWait(driver(), SHORT).until(d -> Boolean.TRUE.equals(page.script(
                "const button = document.querySelector(`#files-list tr[data-name=\"${arguments[0]}\"] .data-file-delete`);"
                        + " if (button) button.click(); return Boolean(button);", name)));
    }

    private static String read() {
        NotebookPage.ConsoleEntry entry = page.runChunkWith(READ, "open(");
        return "done".equals(entry.state()) ? entry.value() : entry.error();
    }

    @org.junit.jupiter.api.AfterEach
    void closeTheDialog() {
        closeDialog();
    }

    @Test
    void anAddedFileIsOpenedByPythonAfterRestartsAndReloadsUntilDeleted() throws IOException {
        Path csv = Files.writeString(files.resolve("sales.csv"), "region,total\nnorth,12\n");
        page.click("show-files");
        driver().findElement(By.id("add-files-input")).sendKeys(csv.toString());
        assertEquals("Added sales.csv: Python opens it as open('sales.csv').", filesStatus());
        new WebDriverWait(driver(), SHORT).until(d -> listedFiles().contains("sales.csv 22 bytes"));
        closeDialog();
        assertEquals("'region,total\\nnorth,12\\n'", read());

        page.click("restart-kernel");
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        assertEquals("'region,total\\nnorth,12\\n'", read(), "a restarted Python is given the file again");

        driver().navigate().refresh();
        page.awaitAppReady();
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        assertEquals("'region,total\\nnorth,12\\n'", read(), "the file is kept in this browser");

        page.click("show-files");
        deleteListed("sales.csv");
        assertEquals("Deleted sales.csv: Python no longer finds it.", filesStatus());
        closeDialog();
        String error = read();
        assertTrue(error.contains("FileNotFoundError") && error.contains("sales.csv"), error);
    }

    /**
     * A file's bytes reach Python and iodide.file exactly as they are (every byte value), at once, after a
     * restart (the frame's Python is given the bytes again) and after a reload (read again from IndexedDB);
     * in Python's folder it is modified when it was added (iodide.file.lastUpdated).
     */
    @Test
    void everyByteOfABinaryFileReachesPythonAndIodideFileAfterRestartsAndReloads() throws IOException {
        byte[] all = new byte[256 * 64];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        Path binary = Files.write(files.resolve("all-bytes.bin"), all);
        page.click("show-files");
        driver().findElement(By.id("add-files-input")).sendKeys(binary.toString());
        assertEquals("Added all-bytes.bin: Python opens it as open('all-bytes.bin').", filesStatus());
        closeDialog();
        String python = "%% py\nopen('all-bytes.bin', 'rb').read() == bytes(range(256)) * 64\n";
        String javascript = "%% js\niodide.file.load('all-bytes.bin', 'arrayBuffer')\n"
                + "  .then((buffer) => buffer.byteLength === 256 * 64 && new Uint8Array(buffer).every((b, i) => b === i % 256))\n";
        for (String when : List.of("added", "restarted", "reloaded")) {
            if (when.equals("restarted")) {
                page.click("restart-kernel");
                page.awaitKernelState("idle", NotebookPage.PYTHON);
            } else if (when.equals("reloaded")) {
                driver().navigate().refresh();
                page.awaitAppReady();
                page.awaitKernelState("idle", NotebookPage.PYTHON);
            }
            NotebookPage.ConsoleEntry inPython = page.runChunkWith(python, "open(");
            assertEquals("True", inPython.value(), when + ": " + inPython.error());
            NotebookPage.ConsoleEntry inJavaScript = page.runChunkWith(javascript, "iodide.file.load");
            assertEquals("true", inJavaScript.value(), when + ": " + inJavaScript.error());
            String modified = page.runChunkWith("%% py\nimport datetime, os\n"
                    + "datetime.datetime.fromtimestamp(os.path.getmtime('all-bytes.bin'), datetime.timezone.utc)"
                    + ".isoformat(timespec='milliseconds').replace('+00:00', 'Z')\n", "import datetime").value();
            String lastUpdated = page.runChunkWith("%% js\niodide.file.lastUpdated('all-bytes.bin').toISOString()\n",
                    "iodide.file.lastUpdated").value();
            assertEquals(lastUpdated.replace('"', '\''), modified, when + ": Python's folder has the file as modified when it was added");
        }
        page.click("show-files");
        deleteListed("all-bytes.bin");
        filesStatus();
    }

    @Test
    void aFilePythonWroteIsListedAndDownloads() {
        NotebookPage.ConsoleEntry wrote = page.runChunkWith(
                "%% py\nwith open('out.csv', 'w') as f:\n    f.write('a,b\\n1,2\\n')\n", "with open");
        assertEquals("done", wrote.state(), wrote.error());
        page.click("show-files");
        new WebDriverWait(driver(), SHORT).until(d -> homeFiles().contains("out.csv 8 bytes"));
        List<String> offered = page.offeredDownload(() -> page.script(
                "document.querySelector('#home-files-list tr[data-name=\"out.csv\"] .home-file-download').click();"));
        assertEquals(List.of("out.csv", "a,b\n1,2\n"), offered);
    }

    /**
     * Iodide's iodide.file.save and delete from a js chunk: the file is kept with the data files
     * (listed, read by Python), a second save without overwrite is refused saying why, and delete
     * takes it from Python too.
     */
    @Test
    void aJsChunkSavesAndDeletesADataFileThroughIodidesApi() {
        NotebookPage.ConsoleEntry saved = page.runChunkWith("%% js\n"
                + "iodide.file.save({ rows: 3 }, 'summary.json')\n"
                + "  .then(() => iodide.file.save('other', 'summary.json'))\n"
                + "  .then(() => 'saved twice', (refused) => refused.message)\n", "iodide.file.save");
        assertEquals("\"iodide.file.save: a data file \\\"summary.json\\\" is kept already: give { overwrite: true } to replace it\"",
                saved.value(), saved.error());
        assertEquals("'{\"rows\":3}'", page.runChunkWith("%% py\nopen('summary.json').read()\n", "open(").value(),
                "Python finds the file the js chunk saved");
        NotebookPage.ConsoleEntry updated = page.runChunkWith("%% js\n"
                + "const when = iodide.file.lastUpdated('summary.json');\n"
                + "when instanceof Date && Math.abs(Date.now() - when.getTime()) < 60000\n", "const when");
        assertEquals("true", updated.value(), "lastUpdated is the Date it was saved: " + updated.error());
        page.click("show-files");
        new WebDriverWait(driver(), SHORT).until(d -> listedFiles().contains("summary.json 10 bytes"));
        closeDialog();

        NotebookPage.ConsoleEntry deleted = page.runChunkWith("%% js\n"
                + "iodide.file.delete('summary.json').then(() => iodide.file.exists('summary.json'))\n", "iodide.file.delete");
        assertEquals("false", deleted.value(), deleted.error());
        NotebookPage.ConsoleEntry gone = page.runChunkWith("%% py\nopen('summary.json').read()\n", "open(");
        assertTrue(gone.error().contains("FileNotFoundError"), gone.error());
        page.click("show-files");
        new WebDriverWait(driver(), SHORT).until(d -> !listedFiles().contains("summary.json 10 bytes"));
    }

    /** Python reaches Iodide's API as any JavaScript global: what it saves is in its folder when the await ends. */
    @Test
    void pythonSavesAndDeletesADataFileThroughIodidesApi() {
        NotebookPage.ConsoleEntry saved = page.runChunkWith("%% py\nfrom js import iodide\n"
                + "await iodide.file.save('saved by python', 'from-python.txt')\n"
                + "open('from-python.txt').read()\n", "from js import iodide");
        assertEquals("'saved by python'", saved.value(), saved.error());
        page.click("show-files");
        new WebDriverWait(driver(), SHORT).until(d -> listedFiles().contains("from-python.txt 15 bytes"));
        closeDialog();
        NotebookPage.ConsoleEntry deleted = page.runChunkWith("%% py\nimport os\n"
                + "await iodide.file.delete('from-python.txt')\n"
                + "os.path.exists('from-python.txt')\n", "import os");
        assertEquals("False", deleted.value(), deleted.error());
    }

    @Test
    void aFilePythonWroteIsKeptForARestartedPythonAndAReload() {
        NotebookPage.ConsoleEntry wrote = page.runChunkWith(
                "%% py\nwith open('kept.csv', 'w') as f:\n    f.write('x\\n7\\n')\n", "with open");
        assertEquals("done", wrote.state(), wrote.error());
        page.click("show-files");
        new WebDriverWait(driver(), SHORT).until(d -> Boolean.TRUE.equals(page.script(
                "const button = document.querySelector('#home-files-list tr[data-name=\"kept.csv\"] .home-file-keep');"
                        + " if (button) button.click(); return Boolean(button);")));
        assertEquals("Kept kept.csv in this browser: Python finds it after a restart or a reload, in every notebook,"
                + " until you delete it.", filesStatus());
        new WebDriverWait(driver(), SHORT).until(d -> listedFiles().contains("kept.csv 4 bytes"));
        closeDialog();

        page.click("restart-kernel");
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        String readKept = "%% py\nopen('kept.csv').read()\n";
        assertEquals("'x\\n7\\n'", page.runChunkWith(readKept, "open(").value(), "a restarted Python finds it");
        driver().navigate().refresh();
        page.awaitAppReady();
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        assertEquals("'x\\n7\\n'", page.runChunkWith(readKept, "open(").value(), "and so does the next visit");

        page.click("show-files");
        deleteListed("kept.csv");
        filesStatus();
    }

    @SuppressWarnings("unchecked")
    private static List<String> homeFiles() {
        return (List<String>) page.script("return [...document.querySelectorAll('#home-files-list tr.home-file')]"
                + ".map(row => row.dataset.name + ' ' + row.querySelector('.data-file-size').textContent);");
    }

    @Test
    void aFileDroppedOntoThePageIsAddedAndReplacesOneOfItsName() {
        page.dropFileOn("#report-pane", "notes.txt", "first");
        assertEquals("Added notes.txt: Python opens it as open('notes.txt').", filesStatus());
        closeDialog();
        page.dropFileOn("#console", "notes.txt", "second version");
        new WebDriverWait(driver(), SHORT).until(d -> listedFiles().contains("notes.txt 14 bytes"));
        closeDialog();
        NotebookPage.ConsoleEntry entry = page.runChunkWith("%% py\nopen('notes.txt').read()\n", "open(");
        assertEquals("'second version'", entry.value());
        NotebookPage.ConsoleEntry javascript = page.runChunkWith("%% js\niodide.file.load('notes.txt', 'text')\n", "iodide");
        assertEquals("done", javascript.state(), javascript.error());
        assertEquals("\"second version\"", javascript.value(), "js chunks read data files with Iodide's iodide.file.load");
        String fetching = "%% fetch\ntext: notes = files/notes.txt\n%% py\nfrom js import notes\nnotes\n";
        NotebookPage.ConsoleEntry fetched = page.runChunkWith(fetching, "text: notes");
        assertEquals("done", fetched.state(), fetched.error());
        assertTrue(fetched.output().contains("the data file added in this browser"), fetched.output());
        assertEquals("'second version'", page.runChunkWith(fetching, "from js").value(),
                "a fetch line written files/NAME, as Iodide's uploaded files, loads the data file");
        page.click("show-files");
        deleteListed("notes.txt");
        assertEquals("Deleted notes.txt: Python no longer finds it.", filesStatus());
    }
}
