package org.jodide.core.markdown;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flexmark's regular expressions as the browser build runs them: the site's TeaVM build redirects
 * flexmark's calls of {@code Pattern.compile}, {@code Pattern.matcher} and the searches of a
 * {@code Matcher} here ({@code static/.../build/FlexmarkRedirects}). On the JVM flexmark calls
 * {@code java.util.regex} itself. Two things are done faster, with the same results:
 * <ul>
 *   <li><b>Each (regex, flags) is compiled once</b> and the same {@link Pattern} handed out
 *   afterwards: a Pattern is immutable and every match keeps its state in its own
 *   {@link Matcher}, so one instance serves every caller. flexmark builds some parsers per document
 *   (the tables extension's header-separator pattern, the heading parser's patterns), and in the
 *   browser compiling those patterns was most of the fixed cost of a render. The cache only grows
 *   with the distinct patterns flexmark asks for, which its options fix.
 *   <li><b>The first {@code find()} of a matcher of a start-anchored pattern</b> (every
 *   alternative begins with {@code ^}, no {@code MULTILINE}) is a {@code lookingAt()}: such a pattern
 *   can only match where the input (its region) begins, and TeaVM's engine tries a {@code find()}
 *   at every position of the input. flexmark's block parsers search each line with such patterns
 *   (list markers, code fences, headings), which made those searches a tenth of a render.
 * </ul>
 * Not thread-safe; the browser has one thread.
 */
public final class SharedPatterns {
    private static final Map<Key, Pattern> COMPILED = new HashMap<>();
    private static final Set<Pattern> START_ANCHORED = new HashSet<>();
    /** The matcher made last, if its pattern is start-anchored and it has not searched yet. */
    private static Matcher unsearched;

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
            if (isStartAnchored(regex, flags)) {
                START_ANCHORED.add(pattern);
            }
        }
        return pattern;
    }

    /** Same as {@code pattern.matcher(input)}. */
    public static Matcher matcher(Pattern pattern, CharSequence input) {
        Matcher matcher = pattern.matcher(input);
        unsearched = START_ANCHORED.contains(pattern) ? matcher : null;
        return matcher;
    }

    /** Same as {@code matcher.find()}. */
    public static boolean find(Matcher matcher) {
        if (matcher == unsearched) {
            unsearched = null;
            return matcher.lookingAt();
        }
        return matcher.find();
    }

    /** Same as {@code matcher.find(start)}. */
    public static boolean find(Matcher matcher, int start) {
        searched(matcher);
        return matcher.find(start);
    }

    /** Same as {@code matcher.matches()}. */
    public static boolean matches(Matcher matcher) {
        searched(matcher);
        return matcher.matches();
    }

    /** Same as {@code matcher.lookingAt()}. */
    public static boolean lookingAt(Matcher matcher) {
        searched(matcher);
        return matcher.lookingAt();
    }

    private static void searched(Matcher matcher) {
        if (matcher == unsearched) {
            unsearched = null;
        }
    }

    /**
     * Whether every match of {@code regex} starts where the input starts: each of its top-level
     * alternatives begins with {@code ^} and {@code ^} means the input's start (no
     * {@code MULTILINE}, {@code COMMENTS} or {@code LITERAL} flag, no inline flags; what {@code \\Q...\\E}
     * quotes is literal).
     * False whenever in doubt.
     */
    static boolean isStartAnchored(String regex, int flags) {
        if ((flags & (Pattern.MULTILINE | Pattern.COMMENTS | Pattern.LITERAL)) != 0
                || regex.contains("[]") || regex.contains("[^]")) {
            return false;
        }
        int groupDepth = 0;
        int classDepth = 0;
        boolean alternativeStart = true;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (alternativeStart && c != '^') {
                return false;
            }
            alternativeStart = false;
            if (c == '\\' && i + 1 < regex.length() && regex.charAt(i + 1) == 'Q') {
                int quoteEnd = regex.indexOf("\\E", i + 2);
                i = quoteEnd < 0 ? regex.length() : quoteEnd + 1;
            } else if (c == '\\') {
                i++;
            } else if (c == '[') {
                classDepth++;
            } else if (classDepth > 0) {
                classDepth -= c == ']' ? 1 : 0;
            } else if (c == '(') {
                if (i + 2 < regex.length() && regex.charAt(i + 1) == '?' && isInlineFlag(regex.charAt(i + 2))) {
                    return false;
                }
                groupDepth++;
            } else if (c == ')') {
                groupDepth--;
            } else if (c == '|' && groupDepth == 0) {
                alternativeStart = true;
            }
        }
        return !alternativeStart && classDepth == 0 && groupDepth == 0;
    }

    private static boolean isInlineFlag(char c) {
        return Character.isLetter(c) || c == '-';
    }

    private record Key(String regex, int flags) {
    }
}
