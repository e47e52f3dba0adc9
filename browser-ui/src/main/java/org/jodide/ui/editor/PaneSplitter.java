package org.jodide.ui.editor;

import org.jodide.ui.dom.BrowserStorage;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.events.MouseEvent;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.TextRectangle;
import org.teavm.jso.dom.xml.NodeList;

/**
 * A splitter between two panes that the pointer drags and the keyboard moves (the WAI-ARIA
 * window splitter pattern). The page declares it as a focusable separator between its two
 * panes; its value is the share of the pair's space, in percent, that goes to the first pane:
 *
 * <pre>{@code
 * <div id="editor-splitter" class="splitter" role="separator" tabindex="0" aria-orientation="vertical"
 *      aria-controls="editor-pane" aria-valuenow="50" aria-valuemin="15" aria-valuemax="85"
 *      aria-label="Resize the editor and the output"></div>
 * }</pre>
 *
 * {@code aria-orientation="vertical"} is a vertical bar between panes side by side, moved with
 * Left and Right; {@code horizontal} is a bar between panes one above the other, moved with Up
 * and Down. Each press moves it {@value #STEP} points ({@value #BIG_STEP} with Shift); Home and
 * End go to the minimum and maximum; a double click restores the page's value. The panes share
 * the space by their {@code flex-grow} (value and 100 − value). The last position of each
 * splitter is kept in localStorage.
 */
final class PaneSplitter {
    static final double STEP = 2;
    static final double BIG_STEP = 10;
    private static final String STORAGE_PREFIX = "jodide.splitter.";

    private final HTMLDocument document;
    private final HTMLElement splitter;
    private final HTMLElement first;
    private final HTMLElement second;
    private final boolean sideBySide;
    private final double min;
    private final double max;
    private final double initial;
    private double value;
    private boolean dragging;

    private PaneSplitter(HTMLDocument document, HTMLElement splitter) {
        this.document = document;
        this.splitter = splitter;
        this.first = previousElement(splitter);
        this.second = nextElement(splitter);
        this.sideBySide = "vertical".equals(splitter.getAttribute("aria-orientation"));
        this.min = number(splitter.getAttribute("aria-valuemin"), 0);
        this.max = number(splitter.getAttribute("aria-valuemax"), 100);
        this.initial = number(splitter.getAttribute("aria-valuenow"), 50);
    }

    /** Makes every {@code .splitter[role=separator]} of the page work; each needs panes on both sides. */
    static void installAll(HTMLDocument document) {
        NodeList<? extends HTMLElement> splitters = document.querySelectorAll(".splitter[role=separator]");
        for (int i = 0; i < splitters.getLength(); i++) {
            PaneSplitter splitter = new PaneSplitter(document, splitters.item(i));
            if (splitter.first == null || splitter.second == null) {
                throw new IllegalStateException("the splitter " + splitters.item(i).getAttribute("id")
                        + " needs a pane before and after it");
            }
            splitter.start();
        }
    }

    private void start() {
        String stored = BrowserStorage.read(storageKey());
        set(stored != null ? number(stored, initial) : initial);
        splitter.addEventListener("keydown", event -> onKey((KeyboardEvent) event));
        splitter.addEventListener("pointerdown", event -> {
            MouseEvent pointer = (MouseEvent) event;
            if (pointer.getButton() != 0) {
                return;
            }
            event.preventDefault();
            splitter.focus();
            capturePointer(splitter, event);
            dragging = true;
            splitter.setAttribute("data-dragging", "");
            document.getDocumentElement().setAttribute("data-resizing", "");
        });
        splitter.addEventListener("pointermove", event -> {
            if (dragging) {
                dragTo((MouseEvent) event);
            }
        });
        splitter.addEventListener("pointerup", event -> stopDragging());
        splitter.addEventListener("pointercancel", event -> stopDragging());
        splitter.addEventListener("dblclick", event -> {
            set(initial);
            BrowserStorage.remove(storageKey());
        });
    }

    private void onKey(KeyboardEvent event) {
        double step = event.isShiftKey() ? BIG_STEP : STEP;
        String back = sideBySide ? "ArrowLeft" : "ArrowUp";
        String forward = sideBySide ? "ArrowRight" : "ArrowDown";
        String key = event.getKey();
        double next;
        if (back.equals(key)) {
            next = value - step;
        } else if (forward.equals(key)) {
            next = value + step;
        } else if ("Home".equals(key)) {
            next = min;
        } else if ("End".equals(key)) {
            next = max;
        } else {
            return;
        }
        event.preventDefault();
        set(next);
        remember();
    }

    /** Puts the splitter under the pointer: the first pane ends where the pointer is. */
    private void dragTo(MouseEvent event) {
        TextRectangle from = first.getBoundingClientRect();
        TextRectangle to = second.getBoundingClientRect();
        double start = sideBySide ? from.getLeft() : from.getTop();
        double end = sideBySide ? to.getRight() : to.getBottom();
        double bar = sideBySide ? splitter.getOffsetWidth() : splitter.getOffsetHeight();
        double pointer = (sideBySide ? event.getClientX() : event.getClientY()) - start - bar / 2;
        double space = end - start - bar;
        if (space > 0) {
            set(100 * pointer / space);
        }
    }

    private void stopDragging() {
        if (!dragging) {
            return;
        }
        dragging = false;
        splitter.removeAttribute("data-dragging");
        document.getDocumentElement().removeAttribute("data-resizing");
        remember();
    }

    /** @param percent the first pane's share of the two panes' space, clamped to the splitter's range */
    private void set(double percent) {
        value = Math.round(Math.max(min, Math.min(max, percent)) * 10) / 10.0;
        first.getStyle().setProperty("flex-grow", format(value));
        second.getStyle().setProperty("flex-grow", format(100 - value));
        splitter.setAttribute("aria-valuenow", format(value));
    }

    private void remember() {
        // A splitter position is a convenience: when storage is unavailable the panes just start as the page says.
        BrowserStorage.write(storageKey(), format(value));
    }

    private String storageKey() {
        return STORAGE_PREFIX + splitter.getAttribute("id");
    }

    /** {@code 50} for 50.0, {@code 37.5} otherwise: the form aria-valuenow and flex-grow read best. */
    static String format(double percent) {
        long whole = Math.round(percent);
        return Math.abs(percent - whole) < 1e-9 ? Long.toString(whole) : Double.toString(Math.round(percent * 10) / 10.0);
    }

    /**
     * {@code text} (an attribute, the stored width) as a finite number, else {@code fallback}. Read by
     * the engine: TeaVM's {@code Double.parseDouble} took 3-6 ms running cold as the page started.
     */
    private static double number(String text, double fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        double parsed = engineNumber(text);
        return Double.isFinite(parsed) ? parsed : fallback;
    }

    /** JavaScript's {@code Number(text)}: NaN when it is not a number. */
    @JSBody(params = "text", script = "return Number(text);")
    private static native double engineNumber(String text);

    @JSBody(params = "element", script = "return element.previousElementSibling;")
    private static native HTMLElement previousElement(HTMLElement element);

    @JSBody(params = "element", script = "return element.nextElementSibling;")
    private static native HTMLElement nextElement(HTMLElement element);

    /** Sends the pointer's further events to {@code element}, even over the report frame or outside the window. */
    @JSBody(params = {"element", "event"}, script = "element.setPointerCapture(event.pointerId);")
    private static native void capturePointer(HTMLElement element, JSObject event);
}
