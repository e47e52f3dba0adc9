package org.jodide.ui.editor;

import org.jodide.core.protocol.FrameToEditor.Variable;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

import java.util.List;

/** The workspace pane: the user's variables of both languages, with type and a short preview. */
final class WorkspaceView {
    private final HTMLDocument document;
    private final HTMLElement body;

    WorkspaceView(HTMLDocument document, HTMLElement table) {
        this.document = document;
        this.body = (HTMLElement) table.querySelector("tbody");
    }

    void show(List<Variable> variables) {
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
}
