package org.jodide.iomd.property;

import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.List;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * Generators of random iomd documents, built from the pieces that matter to the format: line
 * breaks of all kinds, {@code %} runs, type words, flags, escapes, fetch lines, JSON and odd
 * characters (surrogates, NUL, BOM). Half the documents are token soup, half are line-structured
 * notebooks; some are arbitrary Unicode.
 */
final class Documents {
    private static final List<String> TOKENS = List.of(
            "%%", "%%", "%%", "%", "%%%", " ", " ", "\t", "\n", "\n", "\n", "\r", "\r\n", "\r\n",
            "md", "py", "js", "css", "fetch", "fetch", "raw", "plugin", "plugin", "timeit", "PY", "skipRunAll",
            "\\", "\\%%", "\\\\%%", "x", "y = 1", "{", "}", "[", "]", "\"", "\"url\"", ":", "=", ",", "//", " //",
            "https://a.example/c.js", "./d.txt", "js: ", "text: v = ", "json: 1 = ", "css: ", "image: ",
            "\"languageId\": \"lua\"", "é", "😀", "\uD800", "\u0000", "\uFEFF", "\u00a0");

    private static final List<String> LINES = List.of(
            "%% md", "%% py", "%% js skipRunAll", "%%", "%%%", "%% fetch", "%% plugin", "%%timeit", "%% raw",
            "%%  ", "\\%%timeit", "\\\\%% x", "# title", "x = 1", "", "  ", "js: https://a.example/x.js",
            "text: t = ./t.txt // c", "json: 2x = a.json", "image: a.png", "css: ftp://x/y.css", "// comment",
            "{\"languageId\": \"lua\", \"displayName\": \"Lua\", \"url\": \"l.js\", \"module\": \"m\",",
            "\"evaluator\": \"e\", \"pluginType\": \"language\"}", "{", "}", "[1, 2", "\"x\": tru");

    private static final List<String> BREAKS = List.of("\n", "\n", "\n", "\r\n", "\r", "");

    private Documents() {
    }

    /** Random documents of up to a few hundred characters. */
    static Gen<String> documents() {
        Gen<String> soup = lists().of(Generate.pick(TOKENS)).ofSizeBetween(0, 60).map(Documents::join);
        Gen<String> lines = lists().of(Generate.pick(LINES).zip(Generate.pick(BREAKS), (l, b) -> l + b))
                .ofSizeBetween(0, 25).map(Documents::join);
        Gen<String> unicode = strings().allPossible().ofLengthBetween(0, 40);
        return soup.mix(lines, 50).mix(unicode, 10);
    }

    /** Text to insert by an edit. */
    static Gen<String> insertions() {
        return lists().of(Generate.pick(TOKENS)).ofSizeBetween(0, 6).map(Documents::join)
                .mix(Generate.pick(LINES).zip(Generate.pick(BREAKS), (l, b) -> b + l), 30);
    }

    /** A position as thousandths of a length, so it fits any document. */
    static Gen<Integer> permille() {
        return integers().between(0, 1000);
    }

    static int scale(int permille, int length) {
        return (int) ((long) permille * length / 1000);
    }

    private static String join(List<String> parts) {
        return String.join("", parts);
    }
}
