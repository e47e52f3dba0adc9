package org.jodide.iomd;

import org.jodide.iomd.internal.UrlResolver;

import java.util.Optional;

/**
 * A valid language plugin definition, read from the JSON of a plugin chunk:
 *
 * <pre>{@code
 * { "languageId": "lua", "displayName": "Lua", "url": "https://example.com/fengari.js",
 *   "module": "fengari", "evaluator": "evalLua", "pluginType": "language" }
 * }</pre>
 *
 * @param languageId     the word that names the language in a delimiter ({@code %% lua})
 * @param displayName    the name shown to people
 * @param url            the script that defines the language, as written (may be relative)
 * @param module         the global object the script defines
 * @param evaluator      the method of {@code module} that runs code and returns its value
 * @param asyncEvaluator the method that runs code and returns a promise, if any
 * @param pluginType     always {@code language} in this version
 * @param codeMirrorMode the editor's highlighting mode, if given
 * @param keybinding     the key that switches a chunk to this language, if given
 */
public record PluginSpec(String languageId, String displayName, String url, String module, String evaluator,
                         Optional<String> asyncEvaluator, String pluginType, Optional<String> codeMirrorMode,
                         Optional<String> keybinding) {

    /**
     * The script to load: {@link #url()} resolved against {@code baseUrl}, the notebook's own
     * address, by RFC 3986 section 5.2, as fetch lines are. With a null or empty base, the URL as written.
     */
    public String resolveUrl(String baseUrl) {
        return baseUrl == null || baseUrl.isEmpty() ? url : UrlResolver.resolve(baseUrl, url);
    }

    /**
     * Whether the plugin defines a language Jodide has built in ({@code py}, {@code js}, or another
     * chunk type, in any case): Iodide's notebooks loaded Python with such a plugin, which has
     * nothing to load here (docs/iodide.md, section 4).
     */
    public boolean definesBuiltInLanguage() {
        ChunkType type = ChunkType.fromKeyword(languageId);
        return type != ChunkType.UNKNOWN && type != ChunkType.PREAMBLE;
    }
}
