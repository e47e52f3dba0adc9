package org.jodide.iomd.ipynb;

import java.util.List;

/**
 * How many blank lines Jupytext puts between two cells of a Python script: two around a function
 * or class definition, as PEP 8 asks for top-level definitions, else one.
 */
final class Pep8Spacing {
    private Pep8Spacing() {
    }

    /**
     * The blank lines after a cell's lines (its marker line first), given all the lines that follow
     * it (none after the last cell, which still ends with a line break: one "blank line").
     */
    static int blankLinesBetween(List<String> previous, List<String> next) {
        if (next.isEmpty()) {
            return 1;
        }
        if (endsWithDefinition(previous)) {
            return hasCode(next) ? 2 : 1;
        }
        return endsWithCode(previous) && startsWithDefinition(next) ? 2 : 1;
    }

    private static boolean isDefinition(String line) {
        return line.startsWith("def ") || line.startsWith("async ") || line.startsWith("class ");
    }

    private static boolean startsWithDefinition(List<String> lines) {
        PythonStrings strings = new PythonStrings();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean quoted = strings.inString();
            strings.read(line);
            if (quoted) {
                continue;
            }
            if (line.isBlank()) {
                if (i > 0 && lines.get(i - 1).isBlank()) {
                    return false;
                }
                continue;
            }
            if (isDefinition(line)) {
                return true;
            }
            if (!(line.startsWith("#") || line.startsWith("@") || line.startsWith(" ") || line.startsWith(")"))) {
                return false;
            }
        }
        return false;
    }

    private static boolean endsWithDefinition(List<String> lines) {
        PythonStrings strings = new PythonStrings();
        List<String> unquoted = new java.util.ArrayList<>();
        for (String line : lines) {
            if (!strings.inString()) {
                unquoted.add(line);
            }
            strings.read(line);
        }
        for (int i = unquoted.size() - 1; i >= 0; i--) {
            String line = unquoted.get(i);
            if (line.isBlank()) {
                if (i < unquoted.size() - 1 && unquoted.get(i + 1).isBlank()) {
                    return false;
                }
                continue;
            }
            if (line.startsWith("#") || line.startsWith(" ") || line.startsWith(")")) {
                continue;
            }
            return isDefinition(line);
        }
        return false;
    }

    private static boolean endsWithCode(List<String> lines) {
        if (lines.isEmpty()) {
            return false;
        }
        String last = lines.get(lines.size() - 1);
        return !last.isBlank() && !last.startsWith("#");
    }

    private static boolean hasCode(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isEmpty()) {
                if (i > 0 && lines.get(i - 1).isBlank()) {
                    return false;
                }
                continue;
            }
            return true;
        }
        return false;
    }
}
