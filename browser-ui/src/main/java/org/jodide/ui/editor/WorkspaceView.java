package org.jodide.ui.editor;

import org.jodide.core.protocol.FrameToEditor.Variable;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.xml.Node;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The workspace pane: the user's variables of both languages, with type and a short preview.
 * Listed and drawn only while the table is on screen: the kernel is told whether it is
 * ({@code onScreenChanged}) and lists the variables only then; a listing that comes while it is
 * not (another view, the pane scrolled away) waits, and the latest one is drawn once the table
 * shows again. A Run All of a thousand chunks lists a thousand variables every few seconds, so a
 * listing updates the rows it already shows (by language and name) and only builds the rows of new
 * variables: rebuilding the table made thousands of elements for each listing.
 */
final class WorkspaceView {
    private final HTMLDocument document;
    private final HTMLElement body;
    private boolean onScreen;
    /** The latest listing not drawn yet; null when the table shows the latest. */
    private List<Variable> waiting;
    /** The rows shown, by {@link #key}. */
    private Map<String, Row> rows = new HashMap<>();

    /** A row of the table and the texts of its cells (name, type, preview). */
    private record Row(HTMLElement element, HTMLElement[] cells, String[] texts) {
    }

    WorkspaceView(HTMLDocument document, HTMLElement table, Consumer<Boolean> onScreenChanged) {
        this.document = document;
        this.body = (HTMLElement) table.querySelector("tbody");
        watchOnScreen(table, visible -> {
            if (visible != onScreen) {
                onScreenChanged.accept(visible);
            }
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

    /** Shows {@link #waiting} in its order: rows kept where the variable still is, changed cells rewritten, gone rows removed. */
    private void draw() {
        List<Variable> variables = waiting;
        waiting = null;
        Map<String, Row> shown = new HashMap<>();
        Node next = body.getFirstChild();
        for (Variable variable : variables) {
            String key = key(variable);
            if (shown.containsKey(key)) {
                continue;
            }
            Row row = rows.remove(key);
            if (row == null) {
                row = newRow(variable);
            } else {
                update(row, variable);
            }
            shown.put(key, row);
            if (row.element() == next) {
                next = next.getNextSibling();
            } else {
                body.insertBefore(row.element(), next);
            }
        }
        for (Row gone : rows.values()) {
            body.removeChild(gone.element());
        }
        rows = shown;
    }

    private static String key(Variable variable) {
        return variable.language().name() + " " + variable.name();
    }

    private Row newRow(Variable variable) {
        HTMLElement row = document.createElement("tr");
        row.setAttribute("data-language", variable.language().name());
        row.setAttribute("data-name", variable.name());
        String[] texts = texts(variable);
        HTMLElement[] cells = new HTMLElement[texts.length];
        for (int i = 0; i < texts.length; i++) {
            cells[i] = document.createElement("td");
            setText(cells[i], texts[i]);
            row.appendChild(cells[i]);
        }
        return new Row(row, cells, texts);
    }

    private static void update(Row row, Variable variable) {
        String[] texts = texts(variable);
        for (int i = 0; i < texts.length; i++) {
            if (!Objects.equals(texts[i], row.texts()[i])) {
                row.texts()[i] = texts[i];
                setText(row.cells()[i], texts[i]);
            }
        }
    }

    private static String[] texts(Variable variable) {
        return new String[] {variable.name(), variable.type(), variable.preview()};
    }

    private static void setText(HTMLElement cell, String text) {
        cell.setTextContent(text);
        cell.setAttribute("title", text);
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
