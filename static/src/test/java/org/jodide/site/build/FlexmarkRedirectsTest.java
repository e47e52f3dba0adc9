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

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlexmarkRedirectsTest {
    private static final MethodReference COMPILE = MethodReference.parse(
            "java.util.regex.Pattern.compile(Ljava/lang/String;)Ljava/util/regex/Pattern;");
    private static final MethodReference COMPILE_WITH_FLAGS = MethodReference.parse(
            "java.util.regex.Pattern.compile(Ljava/lang/String;I)Ljava/util/regex/Pattern;");
    private static final MethodReference ESCAPE_HTML = MethodReference.parse(
            "com.vladsch.flexmark.util.sequence.Escaping.escapeHtml(Ljava/lang/CharSequence;Z)Ljava/lang/String;");
    private static final MethodReference NORMALIZE_EOL = MethodReference.parse(
            "com.vladsch.flexmark.util.sequence.Escaping.normalizeEOL(Ljava/lang/CharSequence;)Ljava/lang/String;");
    private static final MethodReference NORMALIZE_EOL_ENDING = MethodReference.parse(
            "com.vladsch.flexmark.util.sequence.Escaping.normalizeEOL(Ljava/lang/CharSequence;Z)Ljava/lang/String;");
    private static final MethodReference MATCHER = MethodReference.parse(
            "java.util.regex.Pattern.matcher(Ljava/lang/CharSequence;)Ljava/util/regex/Matcher;");
    private static final MethodReference FIND = MethodReference.parse("java.util.regex.Matcher.find()Z");

    @Test
    void flexmarksPatternCompilesCallTheSharedPatterns() {
        ClassHolder cls = classCalling("com.vladsch.flexmark.ext.tables.internal.TableParagraphPreProcessor",
                COMPILE, COMPILE_WITH_FLAGS);
        new FlexmarkRedirects().transformClass(cls, null);
        assertEquals(List.of(
                "org.jodide.core.markdown.SharedPatterns.compile(Ljava/lang/String;)Ljava/util/regex/Pattern;",
                "org.jodide.core.markdown.SharedPatterns.compile(Ljava/lang/String;I)Ljava/util/regex/Pattern;"), calls(cls));
    }

    @Test
    void otherClassesKeepTheirCalls() {
        ClassHolder cls = classCalling("org.jodide.core.markdown.MathExtractor", COMPILE, COMPILE_WITH_FLAGS);
        new FlexmarkRedirects().transformClass(cls, null);
        assertEquals(List.of(COMPILE.toString(), COMPILE_WITH_FLAGS.toString()), calls(cls));
        // The equivalents fall back on flexmark's own methods: those calls must stay.
        ClassHolder equivalents = classCalling(FlexmarkRedirects.FLEXMARK_ESCAPING, NORMALIZE_EOL_ENDING);
        new FlexmarkRedirects().transformClass(equivalents, null);
        assertEquals(List.of(NORMALIZE_EOL_ENDING.toString()), calls(equivalents));
    }

    @Test
    void flexmarksEscapingCallsTheFasterEquivalents() {
        ClassHolder cls = classCalling("com.vladsch.flexmark.util.html.HtmlAppendableBase", ESCAPE_HTML, NORMALIZE_EOL,
                NORMALIZE_EOL_ENDING);
        new FlexmarkRedirects().transformClass(cls, null);
        assertEquals(List.of(
                "org.jodide.core.markdown.FlexmarkEscaping.escapeHtml(Ljava/lang/CharSequence;Z)Ljava/lang/String;",
                "org.jodide.core.markdown.FlexmarkEscaping.normalizeEOL(Ljava/lang/CharSequence;)Ljava/lang/String;",
                "org.jodide.core.markdown.FlexmarkEscaping.normalizeEOL(Ljava/lang/CharSequence;Z)Ljava/lang/String;"), calls(cls));
    }

    @Test
    void flexmarksMatchersAndSearchesGoThroughTheSharedPatterns() {
        Program program = new Program();
        BasicBlock block = program.createBasicBlock();
        Variable pattern = program.createVariable();
        Variable line = program.createVariable();
        Variable matcher = program.createVariable();
        Variable found = program.createVariable();
        block.add(virtualCall(MATCHER, pattern, matcher, line));
        block.add(virtualCall(FIND, matcher, found));
        block.add(new ExitInstruction());
        ClassHolder cls = classWith("com.vladsch.flexmark.parser.core.ListBlockParser", program);

        new FlexmarkRedirects().transformClass(cls, null);

        InvokeInstruction matcherCall = (InvokeInstruction) block.getFirstInstruction();
        InvokeInstruction findCall = (InvokeInstruction) matcherCall.getNext();
        assertEquals("org.jodide.core.markdown.SharedPatterns.matcher(Ljava/util/regex/Pattern;Ljava/lang/CharSequence;)"
                + "Ljava/util/regex/Matcher;", matcherCall.getMethod().toString());
        assertNull(matcherCall.getInstance());
        assertEquals(InvocationType.SPECIAL, matcherCall.getType());
        assertEquals(List.of(pattern, line), matcherCall.getArguments());
        assertEquals(matcher, matcherCall.getReceiver());
        assertEquals("org.jodide.core.markdown.SharedPatterns.find(Ljava/util/regex/Matcher;)Z", findCall.getMethod().toString());
        assertEquals(List.of(matcher), findCall.getArguments());
        assertEquals(found, findCall.getReceiver());
    }

    @Test
    void everyRedirectTargetExistsWithItsSourcesSignature() throws Exception {
        for (var redirect : FlexmarkRedirects.REDIRECTS.entrySet()) {
            MethodReference from = redirect.getKey();
            MethodReference to = redirect.getValue();
            assertEquals(from.getDescriptor(), to.getDescriptor(), to.toString());
            assertEquals(from.getName(), to.getName(), to.toString());
            Method source = javaMethod(from);
            Method target = javaMethod(to);
            assertTrue(Modifier.isStatic(source.getModifiers()) && Modifier.isStatic(target.getModifiers()), to.toString());
            assertTrue(Modifier.isPublic(target.getModifiers()), to + " must be public");
            assertEquals(source.getReturnType(), target.getReturnType(), to.toString());
        }
        for (var redirect : FlexmarkRedirects.RECEIVER_REDIRECTS.entrySet()) {
            MethodReference from = redirect.getKey();
            MethodReference to = redirect.getValue();
            Method source = javaMethod(from);
            Method target = javaMethod(to);
            assertTrue(!Modifier.isStatic(source.getModifiers()) && Modifier.isStatic(target.getModifiers()), to.toString());
            assertTrue(Modifier.isPublic(target.getModifiers()), to + " must be public");
            List<Class<?>> receiverFirst = new ArrayList<>(List.of(source.getDeclaringClass()));
            receiverFirst.addAll(List.of(source.getParameterTypes()));
            assertEquals(receiverFirst, List.of(target.getParameterTypes()), to.toString());
            assertEquals(source.getReturnType(), target.getReturnType(), to.toString());
        }
    }

    private static InvokeInstruction virtualCall(MethodReference method, Variable instance, Variable receiver, Variable... arguments) {
        InvokeInstruction invoke = new InvokeInstruction();
        invoke.setType(InvocationType.VIRTUAL);
        invoke.setMethod(method);
        invoke.setInstance(instance);
        invoke.setArguments(arguments);
        invoke.setReceiver(receiver);
        return invoke;
    }

    private static ClassHolder classWith(String name, Program program) {
        MethodHolder method = new MethodHolder("parse", ValueType.VOID);
        method.setProgram(program);
        ClassHolder cls = new ClassHolder(name);
        cls.addMethod(method);
        return cls;
    }

    private static Method javaMethod(MethodReference reference) throws Exception {
        Class<?>[] parameters = new Class<?>[reference.parameterCount()];
        for (int i = 0; i < parameters.length; i++) {
            ValueType type = reference.parameterType(i);
            parameters[i] = type == ValueType.BOOLEAN ? boolean.class : type == ValueType.INTEGER ? int.class
                    : Class.forName(((ValueType.Object) type).getClassName());
        }
        return Class.forName(reference.getClassName()).getMethod(reference.getName(), parameters);
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
        return classWith(name, program);
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
