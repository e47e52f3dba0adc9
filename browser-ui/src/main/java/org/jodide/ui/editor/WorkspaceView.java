package org.jodide.ui.editor;

import org.jodide.core.protocol.FrameToEditor.Variable;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

import java.util.List;

/**
 * The workspace pane: the user's variables of both languages, with type and a short preview.
 * Drawn only while the table is on screen: a listing that comes while it is not (another view, the
 * pane scrolled away) waits, and the latest one is drawn once the table shows again. A Run All of a
 * thousand chunks lists a thousand variables every few seconds.
 */
final class WorkspaceView {
    private final HTMLDocument document;
    private final HTMLElement body;
    private boolean onScreen;
    /** The latest listing not drawn yet; null when the table shows the latest. */
    private List<Variable> waiting;

    WorkspaceView(HTMLDocument document, HTMLElement table) {
        this.document = document;
        this.body = (HTMLElement) table.querySelector("tbody");
        watchOnScreen(table, visible -> {
            onScreen = visible;
            if (visible && waiting != null) {
                draw();
            }
        });
    }

    void show(List<Variable> variables) {
        waiting = variables;
        if (onScreen) {
            draw();
        }
    }

    private void draw() {
        List<Variable> variables = waiting;
        waiting = null;
        body.setInnerHTML("");
        for (Variable variable : variables) {
            HTMLElement row = document.createElement("tr");
            row.setAttribute("data-language", variable.language().name());
            row.setAttribute("data-name", variable.name());
            row.appendChild(cell(variable.name()));
            row.appendChild(cell(variable.type()));
            row.appendChild(cell(variable.preview()));
            body.appendChild(row);
        }
    }

    private HTMLElement cell(String text) {
        HTMLElement cell = document.createElement("td");
        cell.setTextContent(text);
        cell.setAttribute("title", text);
        return cell;
    }

    @JSFunctor
    private interface VisibilityListener extends JSObject {
        void changed(boolean visible);
    }

    /** Hears whether {@code element} is on screen: at once (asynchronously), then on every change. */
    @JSBody(params = {"element", "listener"}, script = "new IntersectionObserver((entries) => "
            + "listener(entries[entries.length - 1].isIntersecting)).observe(element);")
    private static native void watchOnScreen(HTMLElement element, VisibilityListener listener);
}
