package org.jodide.iomd.cli;

import org.jodide.iomd.IomdParser;
import org.jodide.iomd.ipynb.ImportFormat;
import org.jodide.iomd.ipynb.IpynbExport;
import org.jodide.iomd.ipynb.IpynbImport;
import org.jodide.iomd.ipynb.NotConvertible;
import org.jodide.iomd.ipynb.PercentScriptExport;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code jodide convert [--force] [--to ipynb|py] FILE...}: a Jupyter notebook {@code x.ipynb}, a
 * Python script in {@code # %%} cells {@code x.py}, an Iodide notebook {@code x.jsmd} or a page
 * holding a notebook {@code x.html} (Iodide's, or one Jodide exported) becomes {@code x.iomd} beside
 * it, and an {@code x.iomd} becomes {@code x.ipynb} (without outputs), or {@code x.py} with
 * {@code --to py}, as Open…, Download .ipynb and Download .py do in the page (docs/ipynb.md,
 * docs/percent.md, docs/iodide.md). An existing file is not overwritten
 * unless {@code --force} is given. Prints each file written and the notes of each .ipynb opened;
 * problems go to standard error. Exit status: 0 when every file was converted, 1 when a file could
 * not be (not a notebook, would overwrite), 2 on a usage error or an unreadable file.
 *
 * <pre>{@code
 * java -cp iomd-parser/target/classes org.jodide.iomd.cli.ConvertCommand analysis.ipynb
 * }</pre>
 */
public final class ConvertCommand {
    public static final int OK = 0;
    public static final int NOT_CONVERTED = 1;
    public static final int UNREADABLE = 2;

    /** What an .iomd may become. */
    private static final List<String> TARGETS = List.of("ipynb", "py");
    /** The file endings converted, for messages: ".ipynb, .py, .jsmd, .html, .htm or .iomd". */
    private static final String NOTEBOOK_ENDINGS = Arrays.stream(ImportFormat.values())
            .flatMap(format -> format.extensions().stream()).collect(Collectors.joining(", ")) + " or .iomd";

    private ConvertCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Converts the files named in {@code args}; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean force = false;
        String to = "ipynb";
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--force")) {
                force = true;
            } else if (args[i].equals("--to") && i + 1 < args.length && TARGETS.contains(args[i + 1])) {
                to = args[++i];
            } else if (args[i].startsWith("--")) {
                files.clear();
                break;
            } else {
                files.add(args[i]);
            }
        }
        if (files.isEmpty()) {
            err.println("usage: jodide convert [--force] [--to ipynb|py] FILE.ipynb|FILE.py|FILE.jsmd|FILE.html|FILE.iomd...");
            return UNREADABLE;
        }
        int status = OK;
        for (String file : files) {
            status = Math.max(status, convert(Path.of(file), force, to, out, err));
        }
        out.flush();
        return status;
    }

    private static int convert(Path file, boolean force, String to, PrintStream out, PrintStream err) {
        String name = file.getFileName().toString();
        Optional<ImportFormat> from = ImportFormat.named(name);
        boolean toIomd = from.isPresent();
        if (!toIomd && !name.toLowerCase(Locale.ROOT).endsWith(".iomd")) {
            err.println(file + ": not converted: the name must end with " + NOTEBOOK_ENDINGS);
            return NOT_CONVERTED;
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            err.println(file + ": cannot read: " + e.getMessage());
            return UNREADABLE;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String base = name.substring(0, name.lastIndexOf('.'));
        Path target = file.resolveSibling(base + (toIomd ? ".iomd" : "." + to));
        String converted;
        List<String> notes = List.of();
        if (toIomd) {
            IpynbImport.Imported imported;
            try {
                imported = from.get().convert(text);
            } catch (NotConvertible e) {
                err.println(file + (e.line() > 0 ? ":" + e.line() + ":" + e.column() : "") + ": not converted: " + e.reason());
                return NOT_CONVERTED;
            }
            converted = imported.iomd();
            notes = imported.notes();
        } else if (to.equals("py")) {
            converted = PercentScriptExport.write(IomdParser.create().parse(text));
        } else {
            converted = IpynbExport.write(IomdParser.create().parse(text));
        }
        if (Files.exists(target) && !force) {
            err.println(target + ": exists: not overwritten (--force overwrites it)");
            return NOT_CONVERTED;
        }
        try {
            Files.writeString(target, converted, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            err.println(target + ": cannot write: " + e.getMessage());
            return UNREADABLE;
        }
        out.println(file + " -> " + target);
        for (String note : notes) {
            out.println("  " + note);
        }
        return OK;
    }
}
