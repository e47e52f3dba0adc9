package org.jodide.iomd.cli;

import org.jodide.iomd.Diagnostic;
import org.jodide.iomd.IomdParser;
import org.jodide.iomd.Notebook;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code jodide check FILE...}: validates notebooks for documentation CI. Prints each diagnostic
 * as {@code FILE:LINE:COLUMN: SEVERITY: MESSAGE} (1-based line and column, column in UTF-16 code
 * units) on standard output. Exit status: 0 when no file has errors (warnings allowed), 1 when
 * any file has an error or is not valid UTF-8, 2 when a file cannot be read or no file is given.
 *
 * <pre>{@code
 * java -cp iomd-parser/target/classes org.jodide.iomd.cli.CheckCommand docs/*.iomd
 * }</pre>
 */
public final class CheckCommand {
    public static final int OK = 0;
    public static final int ERRORS = 1;
    public static final int UNREADABLE = 2;

    private CheckCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Checks {@code files}, printing diagnostics to {@code out} and usage problems to {@code err}; returns the exit status. */
    public static int run(String[] files, PrintStream out, PrintStream err) {
        if (files.length == 0) {
            err.println("usage: jodide check FILE...");
            return UNREADABLE;
        }
        IomdParser parser = IomdParser.create();
        boolean errors = false;
        boolean unreadable = false;
        for (String file : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(Path.of(file));
            } catch (IOException | RuntimeException e) {
                err.println(file + ": cannot read: " + describe(e));
                unreadable = true;
                continue;
            }
            String text;
            try {
                text = strict().decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                out.println(file + ":1:1: error: not valid UTF-8; checked with invalid bytes replaced by U+FFFD");
                errors = true;
                text = new String(bytes, StandardCharsets.UTF_8);
            }
            // Browsers drop a byte order mark when they decode a file; so does the check.
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            Notebook notebook = parser.parse(text);
            for (Diagnostic diagnostic : notebook.diagnostics()) {
                out.println(diagnostic.format(file));
                errors |= diagnostic.isError();
            }
        }
        out.flush();
        return unreadable ? UNREADABLE : errors ? ERRORS : OK;
    }

    private static CharsetDecoder strict() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
