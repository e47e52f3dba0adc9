package org.jodide.ui.editor;

import org.teavm.jso.JSBody;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.xml.NodeList;

import java.util.Locale;

/**
 * The page's two views: {@link View#EXPLORE} (editor, report with console, workspace) and
 * {@link View#REPORT} (only the rendered report, for readers). The toolbar's
 * {@code button[data-view]} switch them; {@code ?view=report} or {@code ?view=explore} picks
 * one on load, and switching keeps the URL's parameter in step (without reloading).
 *
 * <p>A view is only the {@code data-view} attribute of the root element, which jodide.css turns
 * into layout: the eval frame is never moved, reloaded or recreated, so Python's state survives.
 */
final class ViewSwitcher {
    enum View {
        EXPLORE, REPORT;

        /** The name used in {@code data-view} and {@code ?view=}. */
        String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The view named {@code id}; anything else, or nothing, is {@link #EXPLORE} (as index.html's early script does). */
        static View fromId(String id) {
            return REPORT.id().equals(id) ? REPORT : EXPLORE;
        }
    }

    private static final String PARAMETER = "view";

    private final HTMLDocument document;
    private View current;

    ViewSwitcher(HTMLDocument document) {
        this.document = document;
    }

    /** Shows the view the URL asks for and makes the toolbar buttons switch. */
    void start() {
        show(View.fromId(urlParameter(PARAMETER)));
        NodeList<? extends HTMLElement> buttons = document.querySelectorAll("button[data-view]");
        for (int i = 0; i < buttons.getLength(); i++) {
            HTMLElement button = buttons.item(i);
            View view = View.fromId(button.getAttribute("data-view"));
            button.addEventListener("click", event -> switchTo(view));
        }
    }

    View current() {
        return current;
    }

    /** Shows {@code view} and records it in the URL, so a reload or a shared link opens the same view. */
    void switchTo(View view) {
        show(view);
        setUrlParameter(PARAMETER, view == View.EXPLORE ? null : view.id());
    }

    private void show(View view) {
        current = view;
        document.getDocumentElement().setAttribute("data-view", view.id());
        NodeList<? extends HTMLElement> buttons = document.querySelectorAll("button[data-view]");
        for (int i = 0; i < buttons.getLength(); i++) {
            HTMLElement button = buttons.item(i);
            button.setAttribute("aria-pressed", String.valueOf(View.fromId(button.getAttribute("data-view")) == view));
        }
    }

    @JSBody(params = "name", script = "return new URLSearchParams(location.search).get(name);")
    private static native String urlParameter(String name);

    /** Sets (or with null removes) a parameter of the page's URL in place: no navigation, no history entry. */
    @JSBody(params = {"name", "value"}, script = "window.jodidePageSupport.setUrlParameter(name, value);")
    private static native void setUrlParameter(String name, String value);
}
