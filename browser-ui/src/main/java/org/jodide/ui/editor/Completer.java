package org.jodide.ui.editor;

import org.jodide.iomd.ChunkType;

import java.util.List;
import java.util.function.Consumer;

/**
 * Completes names in a code chunk for the source editor: the kernel's Python names, JavaScript
 * globals. The editor asks when the user types a name (or presses Ctrl+Space) and shows what
 * comes back; it completes fetch line types and chunk types itself.
 *
 * <pre>{@code
 * Completer completer = (request, names) -> {
 *     if (request.type() == ChunkType.PY) {
 *         kernel.complete(request.chunkText(), names);   // later, from the eval frame
 *     } else {
 *         names.accept(List.of());
 *     }
 * };
 * }</pre>
 */
interface Completer {
    /** Offers nothing. */
    Completer NONE = (request, names) -> names.accept(List.of());

    /**
     * Finds the names that may replace {@link Request#token()}. Must call {@code names} exactly
     * once, at once or later (an empty list when there is nothing to offer); each name is
     * inserted as given in place of the token.
     */
    void complete(Request request, Consumer<List<String>> names);

    /**
     * Where the user asks for completions.
     *
     * @param type      the chunk's type (a bare {@code %%} already resolved to the type above)
     * @param chunkText the chunk's body from its first character up to the cursor
     * @param lineText  the cursor's line up to the cursor
     * @param cursor    the cursor, a 0-based UTF-16 offset into the whole notebook
     */
    record Request(ChunkType type, String chunkText, String lineText, int cursor) {
        public Request {
            if (type == null || chunkText == null || lineText == null) {
                throw new IllegalArgumentException("type, chunkText and lineText must not be null");
            }
            if (cursor < 0) {
                throw new IllegalArgumentException("cursor must be >= 0, was " + cursor);
            }
        }

        /**
         * The text the names replace: the letters, digits, {@code _}, {@code $} and {@code .}
         * just before the cursor ({@code "os.pa"} in {@code "x = os.pa"}).
         */
        public String token() {
            int start = lineText.length();
            while (start > 0 && isTokenChar(lineText.charAt(start - 1))) {
                start--;
            }
            return lineText.substring(start);
        }

        private static boolean isTokenChar(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.';
        }
    }
}
