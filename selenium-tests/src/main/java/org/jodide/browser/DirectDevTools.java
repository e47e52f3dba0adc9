package org.jodide.browser;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.Event;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * DevTools commands sent straight to the page over the browser's own WebSocket, not through
 * chromedriver. Chromedriver holds a command while the page it drives is loading: measured on the
 * notebook page, its {@code Page.navigate} answered 430–560 ms after it was sent and every key
 * typed through {@code executeCdpCommand} waited behind the load, so no key could reach the page
 * before ~500 ms although its editor took typing from ~100 ms on. A user's keyboard does not
 * wait for that; these commands do not either. Console messages are read from the same session's
 * events ({@code Runtime.consoleAPICalled}), so waiting for one does not poll the page either.
 * Tests use it to act on a page whose load does not end (a script that never arrives), and on a
 * page one of whose frames is stuck in a loop: chromedriver waits for every frame of the page, so a
 * click it was asked for landed only when the loop had ended by itself.
 */
public final class DirectDevTools implements AutoCloseable {
    private final DevTools devTools;
    private volatile String awaited;
    private volatile boolean seen;

    public DirectDevTools(ChromeDriver driver) {
        devTools = driver.getDevTools();
        devTools.createSession();
        devTools.addListener(new Event<Map<String, Object>>("Runtime.consoleAPICalled", input -> input.read(Map.class)), this::consoleCalled);
        devTools.send(new Command<Void>("Runtime.enable", Map.of()));
    }

    /** From now on, {@link #seen()} tells whether a console message of the page has contained {@code text}. */
    public void watchConsoleFor(String text) {
        seen = false;
        awaited = text;
    }

    public boolean seen() {
        return seen;
    }

    /** Starts a navigation and returns without waiting for it to commit or load. */
    public void navigate(URI url) {
        devTools.send(new Command<Map<String, Object>>("Page.navigate", Map.of("url", url.toString()), input -> input.read(Map.class)));
    }

    /** One key press of {@code text}, as the browser gets it from a keyboard: trusted key, beforeinput and input events. */
    public void typeKey(String text) {
        devTools.send(new Command<Void>("Input.dispatchKeyEvent", Map.of("type", "keyDown", "key", text, "text", text, "unmodifiedText", text)));
        devTools.send(new Command<Void>("Input.dispatchKeyEvent", Map.of("type", "keyUp", "key", text)));
    }

    /** The value of the JavaScript {@code expression} in the page (JSON-like: strings, numbers, booleans, null). */
    public Object evaluate(String expression) {
        Map<String, Object> answer = devTools.send(new Command<Map<String, Object>>("Runtime.evaluate",
                Map.of("expression", expression, "returnByValue", true), input -> input.read(Map.class)));
        if (answer.get("exceptionDetails") != null) {
            throw new IllegalStateException(expression + " threw: " + answer.get("exceptionDetails"));
        }
        Object result = answer.get("result");
        return result instanceof Map<?, ?> remote ? remote.get("value") : null;
    }

    /**
     * Waits until the JavaScript {@code condition} is true in the page, reading it every 50 ms through
     * DevTools (so a busy frame or an unfinished load does not hold the read); an AssertionError
     * naming the condition after {@code within}.
     */
    public void awaitTrue(String condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!Boolean.TRUE.equals(evaluate(condition))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within.toSeconds() + " s: " + condition);
            }
            Thread.sleep(50);
        }
    }

    /**
     * A left click in the middle of the element {@code element} (a JavaScript expression), as a mouse
     * gives it: the browser's own pointer path (trusted mousedown, mouseup, click), at once, whatever
     * a frame of the page is busy with.
     */
    public void click(String element) {
        Object center = evaluate("(() => { const box = (" + element + ").getBoundingClientRect();"
                + " return [box.left + box.width / 2, box.top + box.height / 2]; })()");
        if (!(center instanceof List<?> point) || point.size() != 2) {
            throw new IllegalStateException("no box for " + element + ": " + center);
        }
        Number x = (Number) point.get(0);
        Number y = (Number) point.get(1);
        for (String type : List.of("mousePressed", "mouseReleased")) {
            devTools.send(new Command<Void>("Input.dispatchMouseEvent",
                    Map.of("type", type, "x", x, "y", y, "button", "left", "clickCount", 1)));
        }
    }

    private void consoleCalled(Map<String, Object> event) {
        String text = awaited;
        Object arguments = event.get("args");
        if (text == null || !(arguments instanceof List<?> list)) {
            return;
        }
        for (Object argument : list) {
            if (argument instanceof Map<?, ?> remote && String.valueOf(remote.get("value")).contains(text)) {
                seen = true;
            }
        }
    }

    @Override
    public void close() {
        devTools.disconnectSession();
    }
}
