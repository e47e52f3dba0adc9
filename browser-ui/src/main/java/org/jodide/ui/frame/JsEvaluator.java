package org.jodide.ui.frame;

import org.jodide.core.kernel.ExecutionListener;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * Runs the code of {@code js} chunks in the eval frame's global scope (indirect eval), the way
 * Iodide did: top-level declarations become globals, the last expression's value is the
 * result, and a returned promise is awaited.
 */
final class JsEvaluator {
    private JsEvaluator() {
    }

    @JSFunctor
    interface Reply extends JSObject {
        void done(String value, String error);
    }

    /**
     * @param firstLine  0-based notebook line of the code's first line: error positions are notebook lines
     * @param sourceName the script name errors and the devtools show
     */
    static void evaluate(String code, int firstLine, String sourceName, ExecutionListener listener) {
        evaluate(code, firstLine, sourceName, listener::finished);
    }

    // Local names in this script are long on purpose: TeaVM renames the parameters to short
    // names (b, c, d...), and a local of the same name would shadow one.
    @JSBody(params = {"code", "firstLine", "sourceName", "reply"}, script = ""
            + "function describeValue(value) {"
            + "  if (value === undefined) return null;"
            + "  if (value === null) return 'null';"
            + "  var valueType = typeof value;"
            + "  if (valueType === 'string') return JSON.stringify(value);"
            + "  if (valueType === 'number' || valueType === 'boolean' || valueType === 'bigint' || valueType === 'symbol') return String(value);"
            + "  if (valueType === 'function') return '[Function: ' + (value.name || 'anonymous') + ']';"
            + "  if (typeof Node !== 'undefined' && value instanceof Node) return '<' + (value.nodeName || 'node').toLowerCase() + '>';"
            + "  try { var json = JSON.stringify(value); if (json !== undefined) return json; } catch (ignored) {}"
            + "  return String(value);"
            + "}"
            + "function formatError(thrown) {"
            + "  var text = (thrown && thrown.name && thrown.message !== undefined) ? thrown.name + ': ' + thrown.message : 'Uncaught ' + String(thrown);"
            + "  var stack = thrown && thrown.stack ? String(thrown.stack) : '';"
            + "  var lines = stack.split('\\n').filter(function(line) { return line.indexOf(sourceName) >= 0; });"
            + "  lines = lines.map(function(line) { var place = /:(\\d+):(\\d+)\\)?\\s*$/.exec(line);"
            + "    return place ? '    at notebook line ' + place[1] + ', column ' + place[2] : line; });"
            + "  return lines.length ? text + '\\n' + lines.join('\\n') : text;"
            + "}"
            + "var result;"
            + "try { result = (0, eval)('\\n'.repeat(firstLine) + code + '\\n//# sourceURL=' + sourceName); }"
            + "catch (thrown) { reply(null, formatError(thrown)); return; }"
            + "if (result !== null && (typeof result === 'object' || typeof result === 'function') && typeof result.then === 'function') {"
            + "  Promise.resolve(result).then(function(settled) { reply(describeValue(settled), null); },"
            + "    function(thrown) { reply(null, formatError(thrown)); });"
            + "} else { reply(describeValue(result), null); }")
    private static native void evaluate(String code, int firstLine, String sourceName, Reply reply);
}
