package org.jodide.ui.output;

import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Keeps an element scrolled to its end as content arrives, at most once per animation frame:
 * reading the scroll height forces a layout, which per printed line made long outputs quadratic.
 */
public final class Scroller {
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
        Window.requestAnimationFrame(time -> {
            pending = false;
            element.setScrollTop(element.getScrollHeight());
        });
    }
}
