package org.jodide.ui.embed;

import org.jodide.ui.codemirror.EditorOptions;
import org.jodide.ui.editor.EvalFrame;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSArrayReader;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * {@code window.jodideEmbed}, the one global the embed script ({@code static/src/main/js/embed/index.js})
 * puts on a documentation page: the cells it made, how to frame the kernel, and where the cells'
 * actions go once this application has started.
 */
interface EmbedNamespace extends JSObject {
    /**
     * The page's blocks in document order: cells ({@link EmbeddedCell}) and notebooks
     * ({@link EmbeddedNotebook}), told apart by their {@code kind}.
     */
    @JSProperty
    JSArrayReader<JSObject> getBlocks();

    /** A cell of {@code language} holding {@code code}, as the next piece of {@code notebook}. */
    EmbeddedCell addCell(EmbeddedNotebook notebook, String language, String code);

    @JSProperty
    EvalFrame.FrameSupport getFrameSupport();

    /** page-support.js's exports, which embed.js imports from the site before the application starts. */
    @JSProperty
    JSObject getPageSupport();

    /** Where the kernel's (out of sight) frame goes; made on the first call. */
    HTMLElement frameContainer();

    /** Takes over the cells' buttons and keys. */
    @JSProperty
    void setAct(Act act);

    /** Answers the cells' completion (cell-editor.js's {@code complete}). */
    @JSProperty
    void setComplete(EditorOptions.CompleteHandler complete);

    /** Answers the cells' Shift+Tab help (cell-editor.js's {@code inspect}). */
    @JSProperty
    void setInspect(EditorOptions.InspectHandler inspect);

    /** A cell's button or key: {@code run}, {@code stop}, {@code runAbove} or {@code restart}. */
    @JSFunctor
    interface Act extends JSObject {
        void act(String action, EmbeddedCell cell);
    }
}
