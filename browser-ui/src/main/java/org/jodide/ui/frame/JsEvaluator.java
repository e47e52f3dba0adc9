package org.jodide.ui.frame;

import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.kernel.SourceNames;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * Runs JavaScript for the notebook in the eval frame's global scope: the code of {@code js}
 * chunks (indirect eval, the way Iodide did: top-level {@code var} and function declarations
 * become globals, the last expression's value is the result, a returned promise is awaited) and
 * the evaluators of language plugins.
 */
final class JsEvaluator {
    private static final Helpers HELPERS = createHelpers();

    private JsEvaluator() {
    }

    @JSFunctor
    interface Reply extends JSObject {
        void done(String value, String error);
    }

    /** {@code describe(value)} and {@code format(error, sourceName, label)}, shared by the scripts below. */
    interface Helpers extends JSObject {
    }

    /**
     * @param firstLine  0-based notebook line of the code's first line: error positions are notebook lines
     * @param sourceName the readable name errors show ({@link SourceNames}); the devtools show it as a URL
     */
    static void evaluate(String code, int firstLine, String sourceName, ExecutionListener listener) {
        evaluate(HELPERS, code, firstLine, SourceNames.asUrl(sourceName), sourceName, listener::finished);
    }

    /**
     * Calls a plugin's evaluator: {@code globalThis[module][method](code)}, awaiting the result
     * when it is a promise (an {@code asyncEvaluator}).
     */
    static void callPlugin(String module, String method, String code, ExecutionListener listener) {
        callPlugin(HELPERS, module, method, code, listener::finished);
    }

    /** Whether {@code globalThis[module][method]} is a function. */
    @JSBody(params = {"module", "method"}, script = "var target = globalThis[module];"
            + "return !!target && typeof target[method] === 'function';")
    static native boolean hasFunction(String module, String method);

    // In these scripts local names are long on purpose: TeaVM renames the parameters to short
    // names (b, c, d...), and a local of the same name would shadow one.
    @JSBody(script = "return {"
            + "describe: function(value) {"
            + "  if (value === undefined) return null;"
            + "  if (value === null) return 'null';"
            + "  var valueType = typeof value;"
            + "  if (valueType === 'string') return JSON.stringify(value);"
            + "  if (valueType === 'number' || valueType === 'boolean' || valueType === 'bigint' || valueType === 'symbol') return String(value);"
            + "  if (valueType === 'function') return '[Function: ' + (value.name || 'anonymous') + ']';"
            + "  if (typeof Node !== 'undefined' && value instanceof Node) return '<' + (value.nodeName || 'node').toLowerCase() + '>';"
            + "  try { var json = JSON.stringify(value); if (json !== undefined) return json; } catch (ignored) {}"
            + "  return String(value);"
            + "},"
            + "format: function(thrown, sourceName, label) {"
            + "  var text = (thrown && thrown.name && thrown.message !== undefined) ? thrown.name + ': ' + thrown.message : 'Uncaught ' + String(thrown);"
            + "  if (!sourceName) return text;"
            + "  var stack = thrown && thrown.stack ? String(thrown.stack) : '';"
            + "  var lines = stack.split('\\n').filter(function(line) { return line.indexOf(sourceName) >= 0; });"
            + "  lines = lines.map(function(line) { var place = /:(\\d+):(\\d+)\\)?\\s*$/.exec(line);"
            + "    return place ? '    at ' + label + ', notebook line ' + place[1] + ', column ' + place[2] : line; });"
            + "  return lines.length ? text + '\\n' + lines.join('\\n') : text;"
            + "},"
            + "settle: function(result, sourceName, label, reply) {"
            + "  var helpers = this;"
            + "  if (result !== null && (typeof result === 'object' || typeof result === 'function') && typeof result.then === 'function') {"
            + "    Promise.resolve(result).then(function(settled) { reply(helpers.describe(settled), null); },"
            + "      function(thrown) { reply(null, helpers.format(thrown, sourceName, label)); });"
            + "  } else { reply(helpers.describe(result), null); }"
            + "}};")
    private static native Helpers createHelpers();

    @JSBody(params = {"helpers", "code", "firstLine", "sourceName", "label", "reply"}, script = ""
            + "var result;"
            + "try { result = (0, eval)('\\n'.repeat(firstLine) + code + '\\n//# sourceURL=' + sourceName); }"
            + "catch (thrown) { reply(null, helpers.format(thrown, sourceName, label)); return; }"
            + "helpers.settle(result, sourceName, label, reply);")
    private static native void evaluate(Helpers helpers, String code, int firstLine, String sourceName, String label,
                                       Reply reply);

    @JSBody(params = {"helpers", "module", "method", "code", "reply"}, script = ""
            + "var result;"
            + "try { var target = globalThis[module]; result = target[method](code); }"
            + "catch (thrown) { reply(null, helpers.format(thrown, null, null)); return; }"
            + "helpers.settle(result, null, null, reply);")
    private static native void callPlugin(Helpers helpers, String module, String method, String code, Reply reply);
}
