package org.jodide.iomd.ipynb;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Opens the notebook held by a web page (docs/iodide.md, section 1): a page Iodide saved or
 * exported holds its notebook in {@code <script id="jsmd" type="text/jsmd">} (later
 * {@code text/iomd}, as a documentation page embedding a notebook for Jodide does), read with
 * {@link IodideImport}; a page Jodide exported (Export HTML) holds the notebook's exact text, escaped,
 * in {@code <pre id="notebook-source">}.
 */
public final class NotebookPageImport {
    /** The file name endings of a web page. */
    public static final List<String> EXTENSIONS = List.of(".html", ".htm");
    /** Why a page without a notebook does not open, for messages. */
    public static final String NO_NOTEBOOK = "the page holds no notebook (Iodide's pages hold one in"
            + " <script type=\"text/jsmd\">, Jodide's exported pages under \"Notebook source\")";

    /** What Jodide's Export HTML writes before the source (then a line break) and after it. */
    private static final String EXPORTED_SOURCE_START = "<pre id=\"notebook-source\">";
    private static final String EXPORTED_SOURCE_END = "</pre>";

    private NotebookPageImport() {
    }

    /**
     * The notebook the page holds, as an .iomd notebook with what the user should know; empty when it
     * holds none. The page is searched with string searches, not regular expressions over it: pages
     * of Iodide's gallery hold notebooks of hundreds of kilobytes, and a lazy {@code (.*?)} across them
     * overflows the stack of the browser build's regex engine, which recurses per character.
     */
    public static Optional<IpynbImport.Imported> read(String html) {
        int exported = html.indexOf(EXPORTED_SOURCE_START);
        if (exported >= 0) {
            int from = exported + EXPORTED_SOURCE_START.length();
            int to = html.indexOf(EXPORTED_SOURCE_END, from);
            if (to >= 0) {
                return Optional.of(new IpynbImport.Imported(unescape(withoutTemplateLineBreak(html.substring(from, to))), List.of()));
            }
        }
        List<String> notebooks = notebookScripts(html);
        if (notebooks.isEmpty()) {
            return Optional.empty();
        }
        IpynbImport.Imported first = IodideImport.read(notebooks.get(0));
        if (notebooks.size() == 1) {
            return Optional.of(first);
        }
        List<String> notes = new ArrayList<>();
        notes.add("The page holds " + notebooks.size() + " notebooks: this is the first.");
        notes.addAll(first.notes());
        return Optional.of(new IpynbImport.Imported(first.iomd(), notes));
    }

    /** The text of every script element whose type is a notebook's, in order. */
    private static List<String> notebookScripts(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        List<String> notebooks = new ArrayList<>();
        int at = lower.indexOf("<script");
        while (at >= 0) {
            int nameEnd = at + "<script".length();
            int tagEnd = lower.indexOf('>', nameEnd);
            if (tagEnd < 0) {
                break;
            }
            boolean isScriptTag = nameEnd < lower.length() && !Character.isLetterOrDigit(lower.charAt(nameEnd))
                    && lower.charAt(nameEnd) != '-';
            int close = lower.indexOf("</script", tagEnd + 1);
            int contentEnd = close < 0 ? html.length() : close;
            if (isScriptTag && NotebookType.PATTERN.matcher(html.substring(nameEnd, tagEnd)).find()) {
                notebooks.add(withoutTemplateLineBreak(html.substring(tagEnd + 1, contentEnd)));
            }
            if (close < 0) {
                break;
            }
            at = lower.indexOf("<script", close + 1);
        }
        return notebooks;
    }

    /**
     * Iodide's page template writes a line break of its own before the notebook (and one after it,
     * kept: the notebook's last line ends with it, as in a file).
     */
    private static String withoutTemplateLineBreak(String content) {
        if (content.startsWith("\r\n")) {
            return content.substring(2);
        }
        return content.startsWith("\n") ? content.substring(1) : content;
    }

    /** Text escaped for HTML (the references Export HTML writes, and numeric ones) as it was. */
    private static String unescape(String escaped) {
        StringBuilder text = new StringBuilder(escaped.length());
        int last = 0;
        int amp = escaped.indexOf('&');
        while (amp >= 0) {
            int semicolon = escaped.indexOf(';', amp + 1);
            String reference = semicolon < 0 || semicolon - amp > 10 ? null : escaped.substring(amp + 1, semicolon);
            int codePoint = reference == null ? -1 : codePointOf(reference);
            if (codePoint >= 0) {
                text.append(escaped, last, amp).appendCodePoint(codePoint);
                last = semicolon + 1;
            }
            amp = escaped.indexOf('&', codePoint >= 0 ? last : amp + 1);
        }
        return text.append(escaped, last, escaped.length()).toString();
    }

    /** The character a reference ({@code amp}, {@code #60}, {@code #x3C}) stands for, or -1. */
    private static int codePointOf(String reference) {
        switch (reference) {
            case "amp":
                return '&';
            case "lt":
                return '<';
            case "gt":
                return '>';
            case "quot":
                return '"';
            case "apos":
                return '\'';
            default:
                break;
        }
        if (reference.length() < 2 || reference.charAt(0) != '#') {
            return -1;
        }
        boolean hex = reference.charAt(1) == 'x' || reference.charAt(1) == 'X';
        String digits = reference.substring(hex ? 2 : 1);
        if (digits.isEmpty()) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = Character.digit(digits.charAt(i), hex ? 16 : 10);
            if (digit < 0 || value > 0x10FFFF) {
                return -1;
            }
            value = value * (hex ? 16 : 10) + digit;
        }
        return Character.isValidCodePoint(value) ? value : -1;
    }

    /**
     * A script element's type that holds a notebook, in its attributes: text/jsmd or text/iomd.
     * Compiled when a page is first read, not when this class is first touched: the editor names
     * {@link #EXTENSIONS} as it starts, and the pattern then cost its start ~3 ms of TeaVM's regex
     * compiler.
     */
    private static final class NotebookType {
        static final Pattern PATTERN = Pattern.compile(
                "\\btype\\s*=\\s*([\"']?)text/(jsmd|iomd)\\1(?=[\\s/>]|$)", Pattern.CASE_INSENSITIVE);
    }
}
