package org.jodide.core.jupyter;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Jupyter kernel's traceback (IPython's, its ANSI colours already stripped) in the notebook's
 * terms: IPython names the code it ran {@code Cell In[4], line 2} and numbers the lines it quotes
 * from 1; the notebook's reader knows the code as a chunk whose first line is some line of the
 * notebook. Each {@code Cell In[n], line k} becomes {@code File "py chunk at line 12", line 14}
 * (as local Python's tracebacks say, {@link org.jodide.core.kernel.SourceNames}), and the
 * numbers of the quoted lines under it count from the chunk's first line. Tracebacks of other
 * files (a library's frames) are left as they are.
 */
public final class JupyterTraceback {
    /**
     * {@code Cell In[4], line 2} and what follows on its line ({@code , in f()}); IPython before 8.8
     * wrote {@code Cell In [4], line 2} (Debian's ipykernel 6.17 runs one such).
     */
    private static final Pattern CELL = Pattern.compile("^(\\s*)Cell In ?\\[\\d+\\], line (\\d+)(.*)$");
    /** A quoted line: {@code       2 def f():} or {@code ----> 3     return 1/0}. */
    private static final Pattern QUOTED = Pattern.compile("^(\\s*|-*> ?\\s*)(\\d+)( .*|)$");

    private JupyterTraceback() {
    }

    /**
     * @param traceback  the kernel's traceback lines joined with line feeds
     * @param firstLine  0-based notebook line of the code's first line
     * @param sourceName what the notebook calls the code ({@code py chunk at line 12})
     */
    public static String inNotebookLines(String traceback, int firstLine, String sourceName) {
        String[] lines = traceback.split("\n", -1);
        StringBuilder out = new StringBuilder(traceback.length() + 64);
        boolean inCellFrame = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher cell = CELL.matcher(line);
            if (cell.matches()) {
                inCellFrame = true;
                int shown = Integer.parseInt(cell.group(2)) + firstLine;
                line = cell.group(1) + "File \"" + sourceName + "\", line " + shown + cell.group(3);
            } else if (line.isBlank()) {
                inCellFrame = false;
            } else if (inCellFrame) {
                Matcher quoted = QUOTED.matcher(line);
                if (quoted.matches()) {
                    String number = Integer.toString(Integer.parseInt(quoted.group(2)) + firstLine);
                    line = renumbered(quoted.group(1), quoted.group(2), number) + quoted.group(3);
                }
            }
            if (i > 0) {
                out.append('\n');
            }
            out.append(line);
        }
        return out.toString();
    }

    /** The quoted line's margin with {@code number} in place of {@code was}, right-aligned where it was. */
    private static String renumbered(String margin, String was, String number) {
        int grow = number.length() - was.length();
        if (grow > 0 && margin.endsWith(" ".repeat(grow)) && margin.isBlank()) {
            return margin.substring(0, margin.length() - grow) + number;
        }
        return margin + number;
    }
}
