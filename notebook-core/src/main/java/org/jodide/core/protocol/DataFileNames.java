package org.jodide.core.protocol;

/**
 * The names data files may have: a plain file name, written as it is into Python's home folder,
 * so never a path, a folder's name ({@code .}, {@code ..}) or anything a file system refuses.
 */
public final class DataFileNames {
    /** Characters at most, as most file systems take. */
    public static final int MAX_LENGTH = 255;

    private DataFileNames() {
    }

    /** {@code name} when it may name a data file; else throws saying why. */
    public static String check(String name) {
        String problem = problem(name);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return name;
    }

    /** Why {@code name} may not name a data file, or null when it may. */
    public static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "a data file needs a name";
        }
        if (name.equals(".") || name.equals("..")) {
            return "\"" + name + "\" names a folder, not a file";
        }
        if (name.length() > MAX_LENGTH) {
            return "a data file's name has at most " + MAX_LENGTH + " characters";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\' || c < ' ') {
                return "\"" + name + "\" is not a plain file name (no /, \\ or control characters)";
            }
        }
        return null;
    }
}
