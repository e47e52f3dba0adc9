package org.jodide.pyodide;

import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.kernel.OutputClearing;
import org.jodide.core.kernel.OutputStream;
import org.jodide.core.protocol.DataFileNames;
import org.jodide.core.protocol.HomeFile;
import org.jodide.pyodide.internal.DataFiles;
import org.jodide.pyodide.internal.DownloadProgress;
import org.jodide.pyodide.internal.KernelModule;
import org.jodide.pyodide.internal.PackageLoading;
import org.jodide.pyodide.internal.PyCallable;
import org.jodide.pyodide.internal.PyodideApi;
import org.jodide.pyodide.internal.RunReply;
import org.jodide.pyodide.internal.PrintedLines;
import org.jodide.pyodide.internal.WasmCompileWatch;
import org.teavm.jso.JSExceptions;
import org.teavm.jso.JSObject;
import org.teavm.jso.browser.Window;
import org.teavm.jso.core.JSPromise;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A loaded Pyodide with Jodide's kernel installed: loads the packages a chunk imports, runs
 * notebook code in {@code __main__}, and streams its printed and displayed output. One run at a
 * time: the caller queues runs.
 *
 * <pre>{@code
 * PythonRuntime.load(PyodideOptions.defaults(), runtime -> runtime.run("1+1", "<chunk>", 0, listener),
 *         failure -> show(failure));
 * }</pre>
 */
public final class PythonRuntime {
    private final PyodideApi pyodide;
    /** The {@code jodide_kernel} package (pyodide-loader/src/main/python). */
    private final KernelModule kernel;
    /** Runs a chunk that does not await at top level, at once; answers null for one that does. */
    private final PyCallable kernelRunNow;
    /** Runs a chunk as a coroutine (one that awaits at top level). */
    private final PyCallable kernelRun;
    private final PyCallable missingImports;
    private final PyCallable workspace;
    private final PyCallable completer;
    private final PyCallable helper;
    private final String packageIndexUrl;
    /** Empty, or why the index's own lock file was not used; added to package load failures. */
    private final String packageIndexNote;
    private final int packageTimeoutMs;
    /** Milliseconds printed lines may wait to be handed over together (see {@link PrintedLines}). */
    private static final int PRINT_DELAY_MS = 8;
    private ExecutionListener current;
    /** Hears what Python prints while no run is going (a callback's print); by default nobody does. */
    private BiConsumer<OutputStream, String> outsideRuns = (stream, text) -> { };
    /** The running run's {@code clear_output}, which may wait for its next output; null between runs. */
    private OutputClearing clearing;
    /** Joins printed lines before they reach {@link #print}; set once installed. */
    private PrintedLines printed;
    /** Set when a package load never finished: Pyodide's loader stays locked until a restart. */
    private String stuckLoading;
    /** Why this Pyodide can no longer be used (see {@link #onFatal}); null while it works. */
    private String lostBecause;

    private PythonRuntime(PyodideApi pyodide, KernelModule kernel, String packageIndexUrl, String packageIndexNote,
                          int packageTimeoutMs) {
        this.pyodide = pyodide;
        this.kernel = kernel;
        this.kernelRunNow = KernelModule.function(kernel, "run_now");
        this.kernelRun = KernelModule.function(kernel, "run");
        this.missingImports = KernelModule.function(kernel, "missing_imports");
        this.workspace = KernelModule.function(kernel, "workspace");
        this.completer = KernelModule.function(kernel, "complete");
        this.helper = KernelModule.function(kernel, "help_at");
        this.packageIndexUrl = packageIndexUrl;
        this.packageIndexNote = packageIndexNote;
        this.packageTimeoutMs = packageTimeoutMs;
    }

    /** Hears how much of Pyodide's Wasm binary and standard library has been downloaded. */
    public interface LoadProgress {
        /** Bytes received and expected in all (0 when not known yet). */
        void downloaded(double loadedBytes, double totalBytes);
    }

    /**
     * Loads Pyodide; exactly one of {@code ready} and {@code failed} is called, with the runtime
     * or with why it failed. {@code progress} hears the download of the big files meanwhile.
     */
    public static void load(PyodideOptions options, LoadProgress progress, Consumer<PythonRuntime> ready,
                            Consumer<String> failed) {
        if (!PyodideApi.isScriptLoaded()) {
            failed.accept("pyodide.js is not loaded in this page");
            return;
        }
        if (!KernelModule.isSupportLoaded()) {
            failed.accept("pyodide-support.js is not loaded in this page");
            return;
        }
        boolean[] settled = {false};
        DownloadProgress.Restore[] counting = {null};
        WasmCompileWatch.Restore[] compiling = {null};
        int[] deadline = {0};
        Runnable settle = () -> {
            settled[0] = true;
            Window.clearTimeout(deadline[0]);
            DownloadProgress.restore(counting[0]);
            WasmCompileWatch.restore(compiling[0]);
        };
        Consumer<String> failOnce = reason -> {
            if (!settled[0]) {
                settle.run();
                failed.accept("Pyodide could not be loaded from " + options.indexUrl() + ": " + reason);
            }
        };
        // One deadline over the whole load: a download that stalls (a server that never answers, a
        // dropped connection) otherwise leaves the kernel loading forever, without a word.
        deadline[0] = Window.setTimeout(() -> failOnce.accept("it did not finish loading within "
                + seconds(options.loadTimeoutMs()) + " s (a download stalled or the network is too slow)"),
                options.loadTimeoutMs());
        compiling[0] = WasmCompileWatch.start(failOnce::accept);
        counting[0] = DownloadProgress.start("pyodide.asm.wasm,python_stdlib.zip", progress::downloaded,
                failOnce::accept);
        // The kernel's Python is fetched while Pyodide loads; a failure ends the load at once.
        JSPromise<JSObject> kernelFiles = KernelModule.fetchFiles(options.kernelUrl(), options.loadTimeoutMs());
        kernelFiles.then(files -> null, error -> {
            failOnce.accept("could not read the Jodide kernel's Python, " + options.kernelUrl() + ": " + error);
            return null;
        });
        // The snapshot too (a few MB): starting from it skips CPython's start-up.
        JSObject snapshot = PyodideApi.fetchSnapshot(options.snapshotUrl());
        Consumer<LockFile> boot = lockFile -> PyodideApi.load(options.indexUrl(), lockFile.contents(),
                options.effectivePackageIndexUrl(), snapshot).then(loaded -> kernelFiles.then(files -> {
            if (settled[0]) {
                return null;
            }
            settle.run();
            PythonRuntime runtime;
            try {
                runtime = install(loaded.getPyodide(), loaded.isRestored(), files,
                        options.effectivePackageIndexUrl(), lockFile.note(), options.packageTimeoutMs());
            } catch (RuntimeException e) {
                failed.accept("Pyodide loaded, but the Jodide kernel could not be installed: " + describe(e));
                return null;
            }
            ready.accept(runtime);
            return null;
        }, error -> null), error -> {
            failOnce.accept(String.valueOf(error));
            return null;
        });
        readLockFile(options, boot, failOnce);
    }

    private static String seconds(int milliseconds) {
        return milliseconds % 1000 == 0 ? Integer.toString(milliseconds / 1000) : Double.toString(milliseconds / 1000.0);
    }

    /** A package list and, when it is not the package index's own, why. */
    private record LockFile(JSObject contents, String note) {
    }

    /**
     * Reads the package index's own lock file; when a configured index has none that can be read
     * (down, silent, not an index), falls back to the shipped one, so Python still starts and a
     * package load later fails naming the index.
     */
    private static void readLockFile(PyodideOptions options, Consumer<LockFile> read, Consumer<String> failed) {
        String shipped = options.indexUrl() + PyodideOptions.LOCK_FILE;
        PyodideApi.fetchLockFile(options.lockFileUrl(), options.packageTimeoutMs()).then(contents -> {
            read.accept(new LockFile(contents, ""));
            return null;
        }, error -> {
            if (options.lockFileUrl().equals(shipped)) {
                failed.accept("could not read " + shipped + ": " + error);
                return null;
            }
            String note = " (its " + PyodideOptions.LOCK_FILE + " could not be read: " + withoutPlainErrorName(error)
                    + "; the site's package list was used)";
            PyodideApi.fetchLockFile(shipped, options.packageTimeoutMs()).then(contents -> {
                read.accept(new LockFile(contents, note));
                return null;
            }, shippedError -> {
                failed.accept("could not read " + shipped + ": " + shippedError);
                return null;
            });
            return null;
        });
    }

    private static PythonRuntime install(PyodideApi pyodide, boolean restored, JSObject kernelFiles,
                                         String packageIndexUrl, String packageIndexNote, int packageTimeoutMs) {
        KernelModule kernel = KernelModule.install(pyodide, kernelFiles);
        if (restored) {
            KernelModule.renewProcessState(pyodide, kernel);
        }
        PythonRuntime runtime = new PythonRuntime(pyodide, kernel, packageIndexUrl, packageIndexNote, packageTimeoutMs);
        PyCallable.callAndRelease(KernelModule.function(kernel, "install"), runtime::display, runtime::clearOutput);
        runtime.printed = PrintedLines.create((stream, text) -> runtime.print(
                stream == 0 ? OutputStream.STDOUT : OutputStream.STDERR, text), PRINT_DELAY_MS);
        pyodide.setStdout(runtime.printed.getStdout());
        pyodide.setStderr(runtime.printed.getStderr());
        return runtime;
    }

    /**
     * Makes the Pyodide API a global of the page, {@code pyodide}, as in Iodide: JS chunks read
     * Python values with {@code pyodide.globals.get("name")} (see docs/interop.md).
     */
    public void exposeToJavaScript() {
        PyodideApi.exposeAsGlobal(pyodide);
    }

    /**
     * Calls {@code lost} once if this Pyodide can no longer be used: it suffered a fatal error (a
     * Wasm trap, a stack overflow in C, an internal error), or {@code os._exit} ended it. Every
     * later call into it would throw, so the kernel must be restarted.
     */
    public void onFatal(Consumer<String> lost) {
        PyodideApi.onFatal(pyodide, (reason, exited) -> {
            lostBecause = exited ? "Python exited (" + reason + ")" : "Pyodide suffered a fatal error (" + reason + ")";
            lost.accept(lostBecause);
        });
    }

    /**
     * Lets Python be interrupted through {@code buffer}, an Int32Array over a SharedArrayBuffer
     * that another thread writes 2 into (Pyodide's {@code setInterruptBuffer}); only useful where
     * Python does not run on the thread that writes, i.e. in a worker.
     */
    public void setInterruptBuffer(JSObject buffer) {
        pyodide.setInterruptBuffer(buffer);
    }

    /**
     * Installs a SIGINT handler that raises KeyboardInterrupt only when {@code firstDelivery}
     * (a JS function of no argument) returns true, and ignores the signal otherwise.
     */
    public void installInterruptHandler(JSObject firstDelivery) {
        PyCallable.callAndRelease(KernelModule.function(kernel, "install_interrupt"), firstDelivery);
    }

    /**
     * Calls {@code flush} (a JS function of no argument) when Python takes SIGUSR1 from the
     * interrupt buffer, between two lines of the running code: a worker's frame asks so while a run
     * computes, when no timer of the worker can fire. See terminal.py's {@code install_output_flush}.
     */
    public void installOutputFlush(JSObject flush) {
        PyCallable.callAndRelease(KernelModule.function(kernel, "install_output_flush"), flush);
    }

    /**
     * Makes {@code time.sleep} wait with {@code waitForSignal} (a JS function of the milliseconds
     * to wait at most, returning the signal taken from the interrupt buffer, or 0), so that Stop and
     * flush requests reach a sleeping run. Worker only: it blocks the thread. See terminal.py's
     * {@code install_sleep}.
     */
    public void installSleep(JSObject waitForSignal) {
        PyCallable.callAndRelease(KernelModule.function(kernel, "install_sleep"), waitForSignal);
    }

    /**
     * Makes {@code time.sleep} Pyodide's blocking sleep also in a chunk that awaited, where
     * Pyodide's own fails (it tries to switch stacks): for Python on the frame's thread. See
     * terminal.py's {@code install_blocking_sleep}.
     */
    public void installBlockingSleep() {
        PyCallable.callAndRelease(KernelModule.function(kernel, "install_blocking_sleep"));
    }

    /** Hands the lines printed so far to the run's listener now, instead of when they would go. */
    public void flushPrinted() {
        printed.flush();
    }

    /**
     * Makes {@code input()} and {@code getpass.getpass()} ask {@code reader} for a line; a worker's
     * reader blocks until the user answers. See {@link LineReader} for what it returns.
     */
    public void installLineReader(LineReader reader) {
        PyCallable.callAndRelease(KernelModule.function(kernel, "install_input"), reader);
    }

    public String pyodideVersion() {
        return pyodide.getVersion();
    }

    /** Where packages are downloaded from (the configured index, or the official one of this version). */
    public String packageIndexUrl() {
        return packageIndexUrl;
    }

    /**
     * Loads the packages {@code code} imports that are not installed yet, then runs it as the
     * body of one chunk. Package progress is reported on {@link OutputStream#STATUS}.
     *
     * @param filename  the name tracebacks show for this code
     * @param firstLine 0-based notebook line of the code's first line; tracebacks count from it
     */
    public void run(String code, String filename, int firstLine, ExecutionListener listener) {
        if (current != null) {
            throw new IllegalStateException("a Python run is already in progress");
        }
        // What a callback printed before this run is not this run's.
        printed.flush();
        current = listener;
        clearing = new OutputClearing(listener);
        if (lostBecause != null) {
            finish(null, lostBecause + ": the kernel restarts, and Python's variables are lost.");
            return;
        }
        // Only code that says "import" can import (or "pip": %pip install needs micropip): most chunks
        // need no call into Python to know.
        String missing = code.contains("import") || code.contains("pip") ? PyCallable.callForString(missingImports, code) : "";
        if (missing.isEmpty()) {
            execute(code, filename, firstLine);
        } else if (stuckLoading != null) {
            listener.output(OutputStream.STATUS, "Not loading " + missing + ": " + stuckLoading + "\n");
            execute(code, filename, firstLine);
        } else {
            loadPackagesThenRun(missing, code, filename, firstLine);
        }
    }

    private void loadPackagesThenRun(String missing, String code, String filename, int firstLine) {
        // With the site's package list in place of the index's own (packageIndexNote), a module only the
        // index provides is not found: the line says why, where a bare ModuleNotFoundError would not.
        current.output(OutputStream.STATUS, "Loading " + missing + " from " + packageIndexUrl + packageIndexNote + "\n");
        // The modules missing_imports found, as imports: what the code imports, and what its line
        // magics need (%pip: micropip), which the code's own text would not show Pyodide.
        String imports = "import " + String.join("\nimport ", missing.split(",")) + "\n";
        PackageLoading.fromImports(pyodide, imports, packageTimeoutMs,
                message -> status(message),
                (outcome, errors) -> {
                    if (outcome == null) {
                        execute(code, filename, firstLine);
                    } else if (outcome.equals("timeout")) {
                        stuckLoading = "the package index " + packageIndexUrl + " did not answer within "
                                + packageTimeoutMs / 1000 + " s; restart the kernel to try again";
                        finish(null, "Could not load " + missing + ": the package index " + packageIndexUrl
                                + " did not answer within " + packageTimeoutMs / 1000 + " s" + packageIndexNote + "."
                                + " Code that needs no new packages still runs; restart the kernel to try loading again.");
                    } else {
                        finish(null, "Could not load " + missing + " from the package index " + packageIndexUrl
                                + packageIndexNote + (errors.isEmpty() ? "" : ":\n" + errors));
                    }
                });
    }

    /** The user's Python variables as a JSON array of {@code {name, type, preview}}, sorted by name. */
    public String workspaceJson() {
        return PyCallable.callForString(workspace, null);
    }

    /** Writes (or replaces) a data file into Python's home folder ({@code data-files.js}), modified when it was kept. */
    public void writeDataFile(DataFile file) {
        DataFiles.write(pyodide, file.name(), file.bytes(), file.lastUpdated());
    }

    /** Deletes a data file from Python's home folder, if it is there. */
    public void removeDataFile(String name) {
        DataFiles.remove(pyodide, name);
    }

    /** The regular files of Python's home folder (added and written by Python), by name. */
    public List<HomeFile> homeFiles() {
        List<HomeFile> files = new ArrayList<>();
        DataFiles.listHome(pyodide, (name, size) -> {
            if (DataFileNames.problem(name) == null) {
                files.add(new HomeFile(name, size));
            }
        });
        return files;
    }

    /** Reads a file of Python's home folder: {@code read} hears its bytes (base64), or null and why it cannot be read. */
    public void readHomeFile(String name, BiConsumer<String, String> read) {
        DataFiles.readHome(pyodide, name, (base64, error) -> read.accept(base64,
                error == null ? null : name + " cannot be read from Python's folder: " + error));
    }

    /** Names completing {@code token} in the user's namespace, as a JSON array of strings. */
    public String completionsJson(String token) {
        return PyCallable.callForString(completer, token);
    }

    /** Help on the name at the cursor between {@code before} and {@code after} (signature, type, value, docstring), or "". */
    public String helpText(String before, String after) {
        return PyCallable.callForString(helper, before, after);
    }

    /** Installs a pure-Python wheel from {@code url} (a fetch chunk's {@code wheel:} line). */
    public void installWheel(String url, Consumer<String> progress, Consumer<String> done) {
        PackageLoading.wheel(pyodide, url, packageTimeoutMs, progress::accept, (outcome, errors) -> {
            if (outcome == null) {
                done.accept(null);
            } else if (outcome.equals("timeout")) {
                done.accept("no answer within " + packageTimeoutMs / 1000 + " s from " + url);
            } else {
                done.accept("could not install " + url + (errors.isEmpty() ? "" : ": " + errors));
            }
        });
    }

    /**
     * Runs the chunk at once when it does not await at top level (nearly every chunk: awaiting a
     * coroutine from here costs an event-loop round trip per chunk), else as a coroutine.
     */
    private void execute(String code, String filename, int firstLine) {
        PyCallable.Reply reply = (json, failure) -> {
            if (failure != null && lostBecause != null) {
                finish(null, lostBecause + ": the kernel restarts, and Python's variables are lost.");
            } else if (failure != null) {
                finish(null, "The Jodide kernel failed: " + failure);
            } else {
                RunReply parsed = RunReply.parse(json);
                finish(parsed.getValue(), parsed.getError());
            }
        };
        if (!PyCallable.callNow(kernelRunNow, code, filename, firstLine, reply)) {
            PyCallable.callAsync(kernelRun, code, filename, firstLine, reply);
        }
    }

    private void finish(String value, String error) {
        printed.flush();
        ExecutionListener finishing = current;
        current = null;
        clearing = null;
        finishing.finished(value, error);
    }

    private void status(String message) {
        printed.flush();
        if (current != null) {
            current.output(OutputStream.STATUS, message + "\n");
        }
    }

    /** A rich output of the kernel's; with a display id (else "") one the run may update in place. */
    private void display(String mimeType, String data, String displayId, boolean update) {
        printed.flush();
        if (current == null) {
            return;
        }
        if (!update) {
            clearing.beforeOutput();
        }
        current.display(mimeType, data, displayId.isEmpty() ? null : displayId, update);
    }

    /** Python's {@code clear_output(wait)} (the kernel's): the text printed before it goes first. */
    private void clearOutput(boolean wait) {
        printed.flush();
        if (current != null) {
            clearing.clear(wait);
        }
    }

    /**
     * Calls {@code listener} with the text Python prints while no run is going: a function of the
     * notebook's called back later (an event handler, a timer, an asyncio task) that prints.
     */
    public void onOutputOutsideRuns(BiConsumer<OutputStream, String> listener) {
        outsideRuns = listener;
    }

    /** Text printed by Python, as printed (a flushed text may end without a line feed). */
    private void print(OutputStream stream, String text) {
        if (current != null) {
            clearing.beforeOutput();
            current.output(stream, text);
        } else {
            outsideRuns.accept(stream, text);
        }
    }

    /** A JavaScript error's text without the name of a plain Error ("HTTP 404", not "Error: HTTP 404"); a TypeError keeps its. */
    private static String withoutPlainErrorName(Object error) {
        String text = String.valueOf(error);
        return text.startsWith("Error: ") ? text.substring("Error: ".length()) : text;
    }

    private static String describe(RuntimeException e) {
        Object js = JSExceptions.getJSException(e);
        return js != null ? String.valueOf(js) : String.valueOf(e.getMessage());
    }
}
