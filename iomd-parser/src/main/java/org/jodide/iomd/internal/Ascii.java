package org.jodide.iomd.internal;

/**
 * Allocation-free comparisons of ASCII words. (Java's {@code toLowerCase} allocates and, compiled to
 * JavaScript, is slow; the parser compares every delimiter's type word, so this matters.)
 */
public final class Ascii {
    private Ascii() {
    }

    /** Whether {@code s[from, to)} equals {@code lower} (an all-lower-case ASCII word), ignoring ASCII case. */
    public static boolean equalsIgnoreCase(String s, int from, int to, String lower) {
        if (to - from != lower.length()) {
            return false;
        }
        for (int i = 0; i < lower.length(); i++) {
            char c = s.charAt(from + i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s[from, to)} equals {@code word} exactly. */
    public static boolean equals(String s, int from, int to, String word) {
        return to - from == word.length() && s.startsWith(word, from);
    }
}
