package org.jodide.pyodide;

import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * Where Python's {@code input()} and {@code getpass.getpass()} get their line (see
 * {@link PythonRuntime#installLineReader}). Called on Python's thread, which waits for the answer.
 */
@JSFunctor
public interface LineReader extends JSObject {
    /**
     * @param password whether the line is secret (not echoed)
     * @return the line (a JS string, without its newline); {@code null} at end of input (Python
     *         raises EOFError); {@code false} when the run was stopped while waiting (Python raises
     *         KeyboardInterrupt)
     */
    JSObject read(String prompt, boolean password);
}
