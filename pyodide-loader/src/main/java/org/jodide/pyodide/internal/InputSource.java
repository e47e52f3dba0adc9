package org.jodide.pyodide.internal;

import org.jodide.pyodide.LineReader;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/**
 * The Python that routes {@code input()} and {@code getpass.getpass()} to a {@link LineReader}:
 * the prompt and the answer then show in the run's output as in a terminal (a password's answer
 * is not shown).
 */
public final class InputSource {
    public static final String FILENAME = "<jodide input>";

    public static final String PYTHON = """
            import builtins
            import getpass
            import sys

            def install(read_line):
                def _read(prompt, password):
                    sys.stdout.flush()
                    sys.stderr.flush()
                    answer = read_line(str(prompt), password)
                    if answer is False:
                        raise KeyboardInterrupt
                    if answer is None:
                        raise EOFError("EOF when reading a line")
                    return str(answer)

                def input(prompt=""):
                    answer = _read(prompt, False)
                    print(f"{prompt}{answer}")
                    return answer

                def getpass_(prompt="Password: ", stream=None):
                    answer = _read(prompt, True)
                    print(prompt)
                    return answer

                builtins.input = input
                getpass.getpass = getpass_

            def install_interrupt(first_delivery):
                import signal

                def on_sigint(signum, frame):
                    # Later signals of the same run are ignored: a second KeyboardInterrupt would
                    # land in the kernel's own error handling.
                    if first_delivery():
                        raise KeyboardInterrupt

                signal.signal(signal.SIGINT, on_sigint)
            """;

    private InputSource() {
    }

    /** Calls a Python function of one JS function argument, then destroys its proxy. */
    @JSBody(params = {"fn", "callback"}, script = "try { fn(callback); } finally { fn.destroy(); }")
    public static native void callAndRelease(PyCallable fn, JSObject callback);

    /** Calls the Python {@code install(read_line)}, then destroys its proxy. */
    @JSBody(params = {"fn", "reader"}, script = "try { fn(reader); } finally { fn.destroy(); }")
    public static native void callAndRelease(PyCallable fn, LineReader reader);
}
