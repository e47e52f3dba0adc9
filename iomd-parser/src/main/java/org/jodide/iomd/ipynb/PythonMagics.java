package org.jodide.iomd.ipynb;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Jupyter's magics in a Python script, as Jupytext writes and reads them: a code cell's magic
 * ({@code %time f()}, {@code %%capture}, {@code !pip install x}, {@code files = !ls}, {@code len?},
 * {@code cd data}) is commented out so that the script stays Python, and a comment that looks like
 * one is commented once more so that reading gives it back as a comment; reading takes one comment
 * sign off each. Lines inside a triple-quoted string are left alone, and a magic's continuation
 * lines (after a trailing {@code \}) go with it. Spec: docs/percent.md, sections 2 and 5.
 */
final class PythonMagics {
    /** A line or cell magic, commented zero or more times. */
    private static final Pattern MAGIC = Pattern.compile("^\\s*(# |#)*(%|%%|%%%)[a-zA-Z]");
    /** A shell command or a help request. */
    private static final Pattern HELP_OR_SHELL = Pattern.compile("^\\s*(# |#)*\\s*(\\?|!)\\s*[A-Za-z.~$\\\\/{}]");
    /** A magic's result assigned to a name: {@code files = !ls}. */
    private static final Pattern ASSIGNED = Pattern.compile("^(# |#)*\\s*([a-zA-Z_][a-zA-Z_$0-9]*)\\s*=\\s*(%|%%|%%%|!)[a-zA-Z](.*)");
    /** A help request after a name: {@code len?}. */
    private static final Pattern NAME_HELP = Pattern.compile("^\\s*(# )*[^\\s]*\\?\\s*$");
    /** A shell command IPython runs without {@code !} (automagic), when no {@code =} or {@code ,} follows it. */
    private static final Pattern SHELL_WORD = Pattern.compile(
            "^(# |#)*(cat|cd|cp|mv|rm|rmdir|mkdir|copy|ddir|echo|ls|ldir|ren)($|\\s$|\\s[^=,])");
    private static final Pattern CONTINUED = Pattern.compile(".*\\\\\\s*$");

    private PythonMagics() {
    }

    /** The code cell's lines as a script holds them: each magic, and each comment that would read as one, commented once more. */
    static List<String> commented(List<String> lines) {
        return rewrite(lines, true);
    }

    /** The script's code lines as the cell holds them: one comment sign taken off each magic, commented or not. */
    static List<String> uncommented(List<String> lines) {
        return rewrite(lines, false);
    }

    private static List<String> rewrite(List<String> lines, boolean comment) {
        List<String> out = new ArrayList<>(lines.size());
        PythonStrings strings = new PythonStrings();
        boolean continuation = false;
        for (String line : lines) {
            if (!strings.inString() && (continuation || isMagic(line))) {
                out.add(comment ? commentedLine(line, continuation) : uncommentedLine(line));
                continuation = CONTINUED.matcher(line).matches();
            } else {
                out.add(line);
            }
            strings.read(line);
        }
        return out;
    }

    static boolean isMagic(String line) {
        return MAGIC.matcher(line).lookingAt() || HELP_OR_SHELL.matcher(line).lookingAt()
                || ASSIGNED.matcher(line).lookingAt() || NAME_HELP.matcher(line).matches()
                || SHELL_WORD.matcher(line).lookingAt();
    }

    /** {@code "  %time x"} → {@code "  # %time x"}; a continuation line gets its sign at its very start. */
    private static String commentedLine(String line, boolean continuation) {
        if (continuation) {
            return "# " + line;
        }
        int indent = 0;
        while (indent < line.length() && Character.isWhitespace(line.charAt(indent))) {
            indent++;
        }
        return line.substring(0, indent) + "# " + line.substring(indent);
    }

    /** {@code "  # %time x"} → {@code "  %time x"}, {@code "#%time"} → {@code "%time"}; a line without a sign stays. */
    private static String uncommentedLine(String line) {
        int indent = 0;
        while (indent < line.length() && Character.isWhitespace(line.charAt(indent))) {
            indent++;
        }
        if (line.startsWith("# ", indent)) {
            return line.substring(0, indent) + line.substring(indent + 2);
        }
        if (line.startsWith("#", indent)) {
            return line.substring(0, indent) + line.substring(indent + 1);
        }
        return line;
    }
}
