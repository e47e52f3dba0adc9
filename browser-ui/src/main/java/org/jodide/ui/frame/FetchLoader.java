package org.jodide.ui.frame;

import org.jodide.core.protocol.EditorToFrame.FetchRequest;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * Loads one line of a fetch chunk in the eval frame: data lines become globals of the frame
 * (so Python reads them with {@code from js import name}), js and css lines add a script or a
 * stylesheet. A failure is reported, never treated as success: an HTTP error status, a network
 * error, or a body that is not JSON for a json line.
 */
final class FetchLoader {
    private FetchLoader() {
    }

    @JSFunctor
    interface Done extends JSObject {
        /** {@code error} is null on success; {@code detail} says what was loaded. */
        void settled(String error, String detail);
    }

    static void load(FetchRequest request, Done done) {
        load(request.kind().name(), request.variableName(), request.url(), done);
    }

    // Long local names on purpose: TeaVM renames the parameters to short names a local could shadow.
    @JSBody(params = {"kind", "variableName", "url", "done"}, script = ""
            + "function formatSize(byteCount) {"
            + "  if (byteCount < 1024) return byteCount + ' bytes';"
            + "  if (byteCount < 1048576) return (byteCount / 1024).toFixed(1) + ' KB';"
            + "  return (byteCount / 1048576).toFixed(1) + ' MB';"
            + "}"
            + "if (kind === 'JS' || kind === 'CSS') {"
            + "  var element = document.createElement(kind === 'JS' ? 'script' : 'link');"
            + "  if (kind === 'JS') { element.src = url; } else { element.rel = 'stylesheet'; element.href = url; }"
            + "  element.onload = function() { done(null, kind === 'JS' ? 'script loaded' : 'stylesheet applied'); };"
            + "  element.onerror = function() { done('could not load ' + url, ''); };"
            + "  document.head.appendChild(element);"
            + "  return;"
            + "}"
            + "fetch(url).then(function(response) {"
            + "  if (!response.ok) { done('HTTP ' + response.status + (response.statusText ? ' ' + response.statusText : '') + ' for ' + url, ''); return null; }"
            + "  var reading = kind === 'BLOB' ? response.blob() : (kind === 'ARRAY_BUFFER' || kind === 'BYTES') ? response.arrayBuffer() : response.text();"
            + "  return reading.then(function(body) {"
            + "    var loaded = body;"
            + "    var byteCount = typeof body === 'string' ? new Blob([body]).size : (body.byteLength !== undefined ? body.byteLength : body.size);"
            + "    if (kind === 'JSON') {"
            + "      try { loaded = JSON.parse(body); }"
            + "      catch (parseError) { done('bad JSON in ' + url + ': ' + parseError.message, ''); return; }"
            + "    }"
            + "    if (kind === 'BYTES') { loaded = new Uint8Array(body); }"
            + "    window[variableName] = loaded;"
            + "    done(null, formatSize(byteCount));"
            + "  });"
            + "}).catch(function(failure) { done('network error loading ' + url + ': ' + (failure && failure.message || failure), ''); });")
    private static native void load(String kind, String variableName, String url, Done done);
}
