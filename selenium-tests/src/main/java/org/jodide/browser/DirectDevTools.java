package org.jodide.browser;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.Event;

import java.net.URI;
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
 * Tests use it to act on a page whose load does not end (a script that never arrives).
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
