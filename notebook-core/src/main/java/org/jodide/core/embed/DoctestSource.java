package org.jodide.core.embed;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a Python doctest session, as documentation pages show their examples (the "pycon" style of
 * the NumPy and SciPy docs), into the code it runs. For
 *
 * <pre>
 * Sum an array:
 * &gt;&gt;&gt; a = np.array([1, 2,
 * ...               3])
 * &gt;&gt;&gt; a.sum()
 * 6
 * </pre>
 *
 * {@link #code} gives {@code "a = np.array([1, 2,\n              3])\na.sum()"} and {@link #examples}
 * gives {@code ("a = np.array([1, 2,\n              3])", "")} and {@code ("a.sum()", "6")}.
 *
 * <p>Rules, those of Python's {@code doctest} parser and jupyterlite-sphinx's {@code try_examples}
 * where the two agree:
 * <ul>
 *   <li>{@code \r\n} and {@code \r} become {@code \n}, then the indentation common to all non-blank
 *       lines is removed (the block may be indented inside HTML).</li>
 *   <li>A <em>statement</em> line is one whose first non-blank characters are {@code >>>}. The prompt
 *       and one space or tab after it are stripped; a bare {@code >>>} is an empty line.</li>
 *   <li>A <em>continuation</em> line directly follows a statement or another continuation and is
 *       {@code ...} alone or followed by a space or tab. The prompt and that one space or tab are
 *       stripped, so the rest keeps its own indentation; a bare {@code ...} is an empty line. Anywhere
 *       else, a line starting with {@code ...} is not a prompt: after output it is more output (an
 *       Ellipsis in a repr), as {@code doctest} reads it.</li>
 *   <li>Expected output is the lines after a statement's last line up to the next statement or a
 *       blank line; a line {@code <BLANKLINE>} stands for an empty output line. Text before the
 *       first statement and after a blank line is prose and is dropped.</li>
 * </ul>
 * Text without any statement line is not a session: {@link #code} returns it dedented.
 */
public final class DoctestSource {
    /** One {@code >>>} statement with its continuations, prompts stripped, and the output shown after it. */
    public record Example(String source, String expectedOutput) {}

    private static final String STATEMENT_PROMPT = ">>>";
    private static final String CONTINUATION_PROMPT = "...";
    private static final String BLANK_LINE_MARKER = "<BLANKLINE>";

    private DoctestSource() {}

    /** Whether some line of {@code text} is a {@code >>>} statement. */
    public static boolean isSession(String text) {
        for (String line : lines(text)) {
            if (isStatement(line)) {
                return true;
            }
        }
        return false;
    }

    /** The runnable code of a session: its statements and continuations, prompts stripped, joined with "\n". */
    public static String code(String session) {
        List<String> lines = dedentedLines(session);
        List<Example> examples = parse(lines);
        if (examples.isEmpty()) {
            return String.join("\n", lines);
        }
        List<String> sources = new ArrayList<>();
        for (Example example : examples) {
            sources.add(example.source());
        }
        return String.join("\n", sources);
    }

    /** Each statement of a session with its expected output ("" when none), in order. */
    public static List<Example> examples(String session) {
        return parse(dedentedLines(session));
    }

    private static List<Example> parse(List<String> lines) {
        List<Example> examples = new ArrayList<>();
        List<String> source = null;
        List<String> output = new ArrayList<>();
        String statementIndent = "";
        boolean outputEnded = false;
        for (String line : lines) {
            String indent = indentation(line);
            String unindented = line.substring(indent.length());
            if (isStatement(line)) {
                if (source != null) {
                    examples.add(new Example(String.join("\n", source), String.join("\n", output)));
                }
                source = new ArrayList<>();
                source.add(afterPrompt(unindented));
                output = new ArrayList<>();
                statementIndent = indent;
                outputEnded = false;
            } else if (source == null || outputEnded) {
                continue; // prose
            } else if (output.isEmpty() && isContinuation(unindented)) {
                source.add(afterPrompt(unindented));
            } else if (unindented.isEmpty()) {
                outputEnded = true;
            } else {
                String shown = line.startsWith(statementIndent) ? line.substring(statementIndent.length()) : unindented;
                output.add(shown.stripTrailing().equals(BLANK_LINE_MARKER) ? "" : shown);
            }
        }
        if (source != null) {
            examples.add(new Example(String.join("\n", source), String.join("\n", output)));
        }
        return examples;
    }

    private static boolean isStatement(String line) {
        return line.startsWith(STATEMENT_PROMPT, indentation(line).length());
    }

    private static boolean isContinuation(String unindented) {
        return unindented.equals(CONTINUATION_PROMPT)
                || unindented.startsWith(CONTINUATION_PROMPT + " ")
                || unindented.startsWith(CONTINUATION_PROMPT + "\t");
    }

    /** The line without its three-character prompt and the one space or tab after it. */
    private static String afterPrompt(String unindented) {
        String rest = unindented.substring(3);
        return rest.startsWith(" ") || rest.startsWith("\t") ? rest.substring(1) : rest;
    }

    /** The lines of {@code text} without the leading whitespace common to all non-blank lines; blank lines become "". */
    private static List<String> dedentedLines(String text) {
        List<String> lines = lines(text);
        String common = null;
        for (String line : lines) {
            String indent = indentation(line);
            if (indent.length() == line.length()) {
                continue; // blank
            }
            common = common == null ? indent : commonPrefix(common, indent);
        }
        int cut = common == null ? 0 : common.length();
        List<String> dedented = new ArrayList<>(lines.size());
        for (String line : lines) {
            boolean blank = indentation(line).length() == line.length();
            dedented.add(blank ? "" : line.substring(cut));
        }
        return dedented;
    }

    /** The lines of {@code text}, split at {@code \n}, {@code \r\n} or {@code \r}; one empty line for "". */
    private static List<String> lines(String text) {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        List<String> lines = new ArrayList<>();
        int start = 0;
        int newline;
        while ((newline = normalized.indexOf('\n', start)) >= 0) {
            lines.add(normalized.substring(start, newline));
            start = newline + 1;
        }
        lines.add(normalized.substring(start));
        return lines;
    }

    private static String indentation(String line) {
        int end = 0;
        while (end < line.length() && (line.charAt(end) == ' ' || line.charAt(end) == '\t')) {
            end++;
        }
        return line.substring(0, end);
    }

    private static String commonPrefix(String a, String b) {
        int end = 0;
        while (end < a.length() && end < b.length() && a.charAt(end) == b.charAt(end)) {
            end++;
        }
        return a.substring(0, end);
    }
}
