package org.jodide.site.build;

import org.teavm.model.BasicBlock;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.Instruction;
import org.teavm.model.MethodHolder;
import org.teavm.model.MethodReference;
import org.teavm.model.Variable;
import org.teavm.model.instructions.InvocationType;
import org.teavm.model.instructions.InvokeInstruction;

import java.util.Map;

/**
 * TeaVM class transformer: in flexmark's classes, calls of a few static methods become calls of
 * equivalents in notebook-core that are faster in the browser and give the same results. flexmark's
 * code stays as it is; only the calls' targets change, and the JVM build is untouched.
 * <ul>
 *   <li>{@code Pattern.compile(regex)} and {@code Pattern.compile(regex, flags)} →
 *   {@code SharedPatterns.compile}, which compiles each (regex, flags) once. flexmark 0.64 builds
 *   some parsers for every document (the tables extension's {@code TableParagraphPreProcessor},
 *   the heading parser's {@code HeadingParsing}), each compiling its patterns afresh; TeaVM's regex
 *   compiler made that most of the fixed cost of a render. A {@link java.util.regex.Pattern} is
 *   immutable, so sharing one changes no result.
 *   <li>{@code pattern.matcher(input)} and a matcher's searches ({@code find()}, {@code find(start)},
 *   {@code matches()}, {@code lookingAt()}) → {@code SharedPatterns.matcher(pattern, input)},
 *   {@code SharedPatterns.find(matcher)}…: the first {@code find()} of a matcher of a start-anchored
 *   pattern is a {@code lookingAt()}, where TeaVM's engine would try every position of the line.
 *   These are instance calls made static calls, the receiver becoming the first argument.
 *   <li>{@code Escaping.escapeHtml(text, preserveEntities)}, {@code Escaping.unescapeString(text[,
 *   unescapeEntities])} and {@code Escaping.normalizeEOL(text[, endWithEOL])} → {@code
 *   FlexmarkEscaping}'s character loops: flexmark's search every text written with a regex that
 *   TeaVM's engine tries at every position, and copy each text into a {@code StringBuilder}
 *   character by character. {@code FlexmarkEscapingTest}
 *   checks on the JVM that both give the same results.
 * </ul>
 *
 * <p>Registered by {@link TeaVmSiteCompiler} for every entry point; classes outside flexmark are
 * left alone.
 */
public final class FlexmarkRedirects implements ClassHolderTransformer {
    static final String FLEXMARK_PACKAGE = "com.vladsch.flexmark.";
    static final String SHARED_PATTERNS = "org.jodide.core.markdown.SharedPatterns";
    static final String FLEXMARK_ESCAPING = "org.jodide.core.markdown.FlexmarkEscaping";
    private static final String ESCAPING = "com.vladsch.flexmark.util.sequence.Escaping";
    private static final String PATTERN = "java.util.regex.Pattern";
    private static final String MATCHER = "java.util.regex.Matcher";

    /** Each static call redirected: flexmark's target → ours, with the same signature. */
    static final Map<MethodReference, MethodReference> REDIRECTS = Map.of(
            method(PATTERN, "compile(Ljava/lang/String;)Ljava/util/regex/Pattern;"),
            method(SHARED_PATTERNS, "compile(Ljava/lang/String;)Ljava/util/regex/Pattern;"),
            method(PATTERN, "compile(Ljava/lang/String;I)Ljava/util/regex/Pattern;"),
            method(SHARED_PATTERNS, "compile(Ljava/lang/String;I)Ljava/util/regex/Pattern;"),
            method(ESCAPING, "escapeHtml(Ljava/lang/CharSequence;Z)Ljava/lang/String;"),
            method(FLEXMARK_ESCAPING, "escapeHtml(Ljava/lang/CharSequence;Z)Ljava/lang/String;"),
            method(ESCAPING, "unescapeString(Ljava/lang/CharSequence;)Ljava/lang/String;"),
            method(FLEXMARK_ESCAPING, "unescapeString(Ljava/lang/CharSequence;)Ljava/lang/String;"),
            method(ESCAPING, "unescapeString(Ljava/lang/CharSequence;Z)Ljava/lang/String;"),
            method(FLEXMARK_ESCAPING, "unescapeString(Ljava/lang/CharSequence;Z)Ljava/lang/String;"),
            method(ESCAPING, "normalizeEOL(Ljava/lang/CharSequence;)Ljava/lang/String;"),
            method(FLEXMARK_ESCAPING, "normalizeEOL(Ljava/lang/CharSequence;)Ljava/lang/String;"),
            method(ESCAPING, "normalizeEOL(Ljava/lang/CharSequence;Z)Ljava/lang/String;"),
            method(FLEXMARK_ESCAPING, "normalizeEOL(Ljava/lang/CharSequence;Z)Ljava/lang/String;"));

    /** Each instance call redirected to a static method taking the receiver first: flexmark's target → ours. */
    static final Map<MethodReference, MethodReference> RECEIVER_REDIRECTS = Map.of(
            method(PATTERN, "matcher(Ljava/lang/CharSequence;)Ljava/util/regex/Matcher;"),
            method(SHARED_PATTERNS, "matcher(Ljava/util/regex/Pattern;Ljava/lang/CharSequence;)Ljava/util/regex/Matcher;"),
            method(MATCHER, "find()Z"),
            method(SHARED_PATTERNS, "find(Ljava/util/regex/Matcher;)Z"),
            method(MATCHER, "find(I)Z"),
            method(SHARED_PATTERNS, "find(Ljava/util/regex/Matcher;I)Z"),
            method(MATCHER, "matches()Z"),
            method(SHARED_PATTERNS, "matches(Ljava/util/regex/Matcher;)Z"),
            method(MATCHER, "lookingAt()Z"),
            method(SHARED_PATTERNS, "lookingAt(Ljava/util/regex/Matcher;)Z"));

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        if (!cls.getName().startsWith(FLEXMARK_PACKAGE)) {
            return;
        }
        for (MethodHolder method : cls.getMethods()) {
            if (method.hasProgram()) {
                redirect(method);
            }
        }
    }

    private static void redirect(MethodHolder method) {
        for (BasicBlock block : method.getProgram().getBasicBlocks()) {
            for (Instruction instruction : block) {
                if (instruction instanceof InvokeInstruction invoke) {
                    MethodReference target = REDIRECTS.get(invoke.getMethod());
                    if (target != null) {
                        invoke.setMethod(target);
                    }
                    MethodReference receiverTarget = RECEIVER_REDIRECTS.get(invoke.getMethod());
                    if (receiverTarget != null && invoke.getInstance() != null) {
                        Variable[] arguments = new Variable[invoke.getArguments().size() + 1];
                        arguments[0] = invoke.getInstance();
                        for (int i = 1; i < arguments.length; i++) {
                            arguments[i] = invoke.getArguments().get(i - 1);
                        }
                        invoke.setInstance(null);
                        invoke.setType(InvocationType.SPECIAL);
                        invoke.setArguments(arguments);
                        invoke.setMethod(receiverTarget);
                    }
                }
            }
        }
    }

    private static MethodReference method(String className, String nameAndDescriptor) {
        return MethodReference.parse(className + "." + nameAndDescriptor);
    }
}
