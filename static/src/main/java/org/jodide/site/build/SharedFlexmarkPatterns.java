package org.jodide.site.build;

import org.teavm.model.BasicBlock;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.Instruction;
import org.teavm.model.MethodHolder;
import org.teavm.model.MethodReference;
import org.teavm.model.instructions.InvokeInstruction;

import java.util.Map;

/**
 * TeaVM class transformer: in flexmark's classes, calls of {@code Pattern.compile(regex)} and
 * {@code Pattern.compile(regex, flags)} become calls of {@code SharedPatterns.compile} (notebook-core),
 * which compiles each (regex, flags) once. flexmark 0.64 builds some parsers for every document
 * (the tables extension's {@code TableParagraphPreProcessor}, the heading parser's
 * {@code HeadingParsing}), each compiling its patterns afresh; TeaVM's regex compiler made that
 * most of the fixed cost of a render in the browser. flexmark's code stays as it is; only the
 * call's target changes, and a {@link java.util.regex.Pattern} is immutable, so sharing one
 * changes no result.
 *
 * <p>Registered by {@link TeaVmSiteCompiler} for every entry point; classes outside flexmark are
 * left alone.
 */
public final class SharedFlexmarkPatterns implements ClassHolderTransformer {
    static final String FLEXMARK_PACKAGE = "com.vladsch.flexmark.";
    static final String SHARED_PATTERNS = "org.jodide.core.markdown.SharedPatterns";

    private static final Map<MethodReference, MethodReference> REDIRECTS = Map.of(
            MethodReference.parse("java.util.regex.Pattern.compile(Ljava/lang/String;)Ljava/util/regex/Pattern;"),
            MethodReference.parse(SHARED_PATTERNS + ".compile(Ljava/lang/String;)Ljava/util/regex/Pattern;"),
            MethodReference.parse("java.util.regex.Pattern.compile(Ljava/lang/String;I)Ljava/util/regex/Pattern;"),
            MethodReference.parse(SHARED_PATTERNS + ".compile(Ljava/lang/String;I)Ljava/util/regex/Pattern;"));

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
                }
            }
        }
    }
}
