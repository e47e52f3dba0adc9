package org.jodide.ui.output;

import org.jodide.ui.dom.Nodes;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLElement;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps an element scrolled to its end as content arrives, at most once per animation frame:
 * reading the scroll height forces a layout, which per printed line made long outputs quadratic.
 *
 * <p>All the scrollers that asked before a frame share one animation-frame callback, which reads
 * every height first and then writes every scroll position (one layout, not one per element). A
 * Run All asks once per chunk output: with a callback each, 1,000 chunks meant hundreds of
 * callbacks in a frame. Elements no longer in the document (a chunk's output scrolled out of the
 * editor's viewport) are skipped.
 */
public final class Scroller {
    /** The scrollers waiting for the next frame, in the order they asked. */
    private static final List<Scroller> WAITING = new ArrayList<>();

    private final HTMLElement element;
    private boolean pending;

    public Scroller(HTMLElement element) {
        this.element = element;
    }

    /** Scrolls to the end before the next paint. */
    public void request() {
        if (pending) {
            return;
        }
        pending = true;
        WAITING.add(this);
        if (WAITING.size() == 1) {
            Window.requestAnimationFrame(time -> scrollWaiting());
        }
    }

    private static void scrollWaiting() {
        Scroller[] due = WAITING.toArray(new Scroller[0]);
        WAITING.clear();
        int[] ends = new int[due.length];
        for (int i = 0; i < due.length; i++) {
            Scroller scroller = due[i];
            scroller.pending = false;
            HTMLElement element = scroller.element;
            int height = Nodes.isConnected(element) ? element.getScrollHeight() : 0;
            ends[i] = height > element.getClientHeight() ? height : -1;
        }
        for (int i = 0; i < due.length; i++) {
            if (ends[i] >= 0) {
                due[i].element.setScrollTop(ends[i]);
            }
        }
    }
}
