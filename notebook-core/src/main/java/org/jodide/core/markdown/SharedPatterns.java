package org.jodide.core.markdown;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@link Pattern#compile(String, int)} that compiles each (regex, flags) once and hands out the
 * same {@link Pattern} afterwards: a Pattern is immutable and every match keeps its state in its
 * own {@link java.util.regex.Matcher}, so one instance serves every caller.
 *
 * <p>The site's TeaVM build redirects flexmark's calls of {@code Pattern.compile} here
 * ({@code static/.../build/SharedFlexmarkPatterns}): flexmark builds some parsers per document
 * (the tables extension's header-separator pattern, the heading parser's patterns), and in the
 * browser compiling those patterns was most of the fixed cost of a render. On the JVM flexmark
 * calls {@code Pattern.compile} itself. The cache only grows with the distinct patterns flexmark
 * asks for, which its options fix. Not thread-safe; the browser has one thread.
 */
public final class SharedPatterns {
    private static final Map<Key, Pattern> COMPILED = new HashMap<>();

    private SharedPatterns() {
    }

    /** Same as {@link Pattern#compile(String)}, compiled once. */
    public static Pattern compile(String regex) {
        return compile(regex, 0);
    }

    /** Same as {@link Pattern#compile(String, int)}, compiled once per (regex, flags). */
    public static Pattern compile(String regex, int flags) {
        Key key = new Key(regex, flags);
        Pattern pattern = COMPILED.get(key);
        if (pattern == null) {
            pattern = Pattern.compile(regex, flags);
            COMPILED.put(key, pattern);
        }
        return pattern;
    }

    private record Key(String regex, int flags) {
    }
}
