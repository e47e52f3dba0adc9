package org.jodide.site.build;

import org.junit.jupiter.api.Test;
import org.teavm.model.BasicBlock;
import org.teavm.model.ClassHolder;
import org.teavm.model.Instruction;
import org.teavm.model.MethodHolder;
import org.teavm.model.MethodReference;
import org.teavm.model.Program;
import org.teavm.model.ValueType;
import org.teavm.model.Variable;
import org.teavm.model.instructions.ExitInstruction;
import org.teavm.model.instructions.InvocationType;
import org.teavm.model.instructions.InvokeInstruction;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SharedFlexmarkPatternsTest {
    private static final MethodReference COMPILE = MethodReference.parse(
            "java.util.regex.Pattern.compile(Ljava/lang/String;)Ljava/util/regex/Pattern;");
    private static final MethodReference COMPILE_WITH_FLAGS = MethodReference.parse(
            "java.util.regex.Pattern.compile(Ljava/lang/String;I)Ljava/util/regex/Pattern;");
    private static final MethodReference MATCHER = MethodReference.parse(
            "java.util.regex.Pattern.matcher(Ljava/lang/CharSequence;)Ljava/util/regex/Matcher;");

    @Test
    void flexmarksPatternCompilesCallTheSharedPatterns() {
        ClassHolder cls = classCalling("com.vladsch.flexmark.ext.tables.internal.TableParagraphPreProcessor",
                COMPILE, COMPILE_WITH_FLAGS, MATCHER);
        new SharedFlexmarkPatterns().transformClass(cls, null);
        assertEquals(List.of(
                "org.jodide.core.markdown.SharedPatterns.compile(Ljava/lang/String;)Ljava/util/regex/Pattern;",
                "org.jodide.core.markdown.SharedPatterns.compile(Ljava/lang/String;I)Ljava/util/regex/Pattern;",
                MATCHER.toString()), calls(cls));
    }

    @Test
    void otherClassesKeepTheirCalls() {
        ClassHolder cls = classCalling("org.jodide.core.markdown.MathExtractor", COMPILE, COMPILE_WITH_FLAGS);
        new SharedFlexmarkPatterns().transformClass(cls, null);
        assertEquals(List.of(COMPILE.toString(), COMPILE_WITH_FLAGS.toString()), calls(cls));
    }

    @Test
    void theRedirectTargetsExistWithTheSameSignatures() throws Exception {
        Class<?> shared = Class.forName(SharedFlexmarkPatterns.SHARED_PATTERNS);
        assertEquals(java.util.regex.Pattern.class, shared.getMethod("compile", String.class).getReturnType());
        assertEquals(java.util.regex.Pattern.class, shared.getMethod("compile", String.class, int.class).getReturnType());
    }

    /** A class with one method that calls each of {@code targets} in turn (arguments are placeholders). */
    private static ClassHolder classCalling(String name, MethodReference... targets) {
        Program program = new Program();
        BasicBlock block = program.createBasicBlock();
        for (MethodReference target : targets) {
            InvokeInstruction invoke = new InvokeInstruction();
            invoke.setType(InvocationType.SPECIAL);
            invoke.setMethod(target);
            Variable[] arguments = new Variable[target.parameterCount()];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = program.createVariable();
            }
            invoke.setArguments(arguments);
            invoke.setReceiver(program.createVariable());
            block.add(invoke);
        }
        block.add(new ExitInstruction());
        MethodHolder method = new MethodHolder("build", ValueType.VOID);
        method.setProgram(program);
        ClassHolder cls = new ClassHolder(name);
        cls.addMethod(method);
        return cls;
    }

    private static List<String> calls(ClassHolder cls) {
        List<String> calls = new ArrayList<>();
        for (MethodHolder method : cls.getMethods()) {
            for (BasicBlock block : method.getProgram().getBasicBlocks()) {
                for (Instruction instruction : block) {
                    if (instruction instanceof InvokeInstruction invoke) {
                        calls.add(invoke.getMethod().toString());
                    }
                }
            }
        }
        return calls;
    }
}
