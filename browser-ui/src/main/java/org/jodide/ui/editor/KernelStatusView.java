package org.jodide.ui.editor;

import org.jodide.core.kernel.KernelState;
import org.teavm.jso.JSBody;
import org.teavm.jso.dom.html.HTMLElement;

import java.util.Locale;

/**
 * The kernel indicator in the toolbar: its state in words, and while Python loads a progress bar
 * of the bytes of Pyodide's Wasm binary and standard library downloaded so far.
 */
final class KernelStatusView {
    private final HTMLElement status;
    private final HTMLElement progress;
    private KernelState state = KernelState.LOADING;
    private String lastDetail = "";
    /** "Python", or "Python on HOST:PORT" while Python runs on a Jupyter server. */
    private String python = "Python";

    KernelStatusView(HTMLElement status, HTMLElement progress) {
        this.status = status;
        this.progress = progress;
    }

    /** What runs the notebook's Python, as the status names it: "Python", "MicroPython", "Python on HOST:PORT". */
    void setPython(String name) {
        python = name;
        stateChanged(state, lastDetail);
    }

    void stateChanged(KernelState newState, String detail) {
        state = newState;
        lastDetail = detail;
        String label;
        switch (newState) {
            case LOADING:
                label = python + ": loading…";
                break;
            case IDLE:
                label = python + ": ready";
                break;
            case BUSY:
                // Any run in flight, Python or not (EvalFrame): the kernel is busy, whatever the language.
                label = "Running…";
                break;
            default:
                label = python + ": failed";
        }
        status.setAttribute("data-state", newState.name().toLowerCase(Locale.ROOT));
        status.setTextContent(label);
        status.setAttribute("title", detail == null || detail.isEmpty() ? label : detail);
        if (newState == KernelState.LOADING) {
            setProgress(0, 0);
            progress.removeAttribute("hidden");
        } else {
            progress.setAttribute("hidden", "");
        }
    }

    void downloaded(int loadedBytes, int totalBytes) {
        if (state != KernelState.LOADING) {
            return;
        }
        setProgress(loadedBytes, totalBytes);
        if (totalBytes > 0) {
            status.setTextContent("Python: loading " + megabytes(loadedBytes) + " / " + megabytes(totalBytes) + " MB");
        }
    }

    private void setProgress(int loadedBytes, int totalBytes) {
        progress.setAttribute("data-loaded-bytes", Integer.toString(loadedBytes));
        progress.setAttribute("data-total-bytes", Integer.toString(totalBytes));
        if (totalBytes > 0) {
            setValue(progress, loadedBytes, totalBytes);
        } else {
            progress.removeAttribute("value");
        }
    }

    /** One decimal, e.g. "4.1". */
    private static String megabytes(int bytes) {
        int tenths = (int) Math.round(bytes / 104857.6);
        return tenths / 10 + "." + tenths % 10;
    }

    private static void setValue(HTMLElement element, int value, int max) {
        setProperty(element, "max", max);
        setProperty(element, "value", value);
    }

    @JSBody(params = {"element", "name", "number"}, script = "element[name] = number;")
    private static native void setProperty(HTMLElement element, String name, int number);
}
