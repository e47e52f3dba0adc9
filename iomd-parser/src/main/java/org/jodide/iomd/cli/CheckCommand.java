package org.jodide.iomd.cli;

import org.jodide.iomd.Diagnostic;
import org.jodide.iomd.IomdParser;
import org.jodide.iomd.Notebook;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
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
            String invalidAt = firstInvalidByte(bytes);
            if (invalidAt != null) {
                out.println(file + ":" + invalidAt + ": error: not valid UTF-8; checked with invalid bytes replaced by U+FFFD");
                errors = true;
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
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

    /**
     * Where the first byte that is not valid UTF-8 is, as {@code LINE:COLUMN} (1-based; the column
     * in UTF-16 code units of the text before it on its line, as for diagnostics; a byte order
     * mark is not counted, as browsers drop it), or null when all of {@code bytes} is valid.
     */
    static String firstInvalidByte(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer decoded = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = strict().decode(in, decoded, true);
        if (!result.isError()) {
            return null;
        }
        decoded.flip();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < decoded.limit(); i++) {
            if (decoded.get(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = decoded.limit() - lineStart + 1;
        if (line == 1 && decoded.limit() > 0 && decoded.get(0) == '\uFEFF') {
            column--;
        }
        return line + ":" + column;
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
