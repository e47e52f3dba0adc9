package org.jodide.site.build;

import org.teavm.backend.javascript.JSModuleType;
import org.teavm.diagnostics.DefaultProblemTextConsumer;
import org.teavm.diagnostics.Problem;
import org.teavm.diagnostics.ProblemSeverity;
import org.teavm.tooling.ConsoleTeaVMToolLog;
import org.teavm.tooling.TeaVMTargetType;
import org.teavm.tooling.TeaVMTool;
import org.teavm.vm.TeaVMOptimizationLevel;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;

/**
 * Compiles the browser entry points with TeaVM into the site folder. Run by the build
 * (exec-maven-plugin) with the browser code and TeaVM on the classpath; this keeps us off
 * TeaVM's frozen Maven plugin. Every entry point gets {@link FlexmarkRedirects}, so that
 * flexmark compiles each regular expression once rather than once per rendered document and
 * escapes text without a regex.
 *
 * <p>Arguments: {@code siteDir cacheDir minify mainClass=file[,mainClass=file...]}. A {@code .js} file
 * is an ES module (TeaVM's JavaScript target); a {@code .wasm} file is a WebAssembly GC module, written
 * with the loader it needs, TeaVM's own ES module runtime, as {@code <name>-runtime.js} beside it
 * ({@code markdown.wasm} and {@code markdown-runtime.js}: see markdown-engine.js).
 */
public final class TeaVmSiteCompiler {
    private TeaVmSiteCompiler() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: TeaVmSiteCompiler siteDir cacheDir minify mainClass=file.js|file.wasm[,...]");
            System.exit(2);
        }
        File siteDir = new File(args[0]);
        File cacheDir = new File(args[1]);
        boolean minify = Boolean.parseBoolean(args[2]);
        boolean failed = false;
        for (String entry : args[3].split(",")) {
            String[] parts = entry.trim().split("=");
            if (parts.length != 2) {
                throw new IllegalArgumentException("entry point must be mainClass=file.js or mainClass=file.wasm, got: " + entry);
            }
            failed |= !compile(parts[0], siteDir, parts[1], new File(cacheDir, parts[1]), minify);
        }
        if (failed) {
            System.exit(1);
        }
    }

    private static boolean compile(String mainClass, File siteDir, String fileName, File cacheDir, boolean minify)
            throws Exception {
        long started = System.nanoTime();
        TeaVMTool tool = new TeaVMTool();
        tool.setLog(new ConsoleTeaVMToolLog(false));
        boolean wasm = fileName.endsWith(".wasm");
        if (wasm) {
            tool.setTargetType(TeaVMTargetType.WEBASSEMBLY_GC);
        } else {
            tool.setTargetType(TeaVMTargetType.JAVASCRIPT);
            tool.setJsModuleType(JSModuleType.ES2015);
        }
        tool.setMainClass(mainClass);
        tool.setEntryPointName("main");
        tool.setTargetDirectory(siteDir);
        tool.setTargetFileName(fileName);
        tool.setClassLoader(TeaVmSiteCompiler.class.getClassLoader());
        tool.getTransformers().add(FlexmarkRedirects.class.getName());
        tool.setObfuscated(minify);
        tool.setOptimizationLevel(minify ? TeaVMOptimizationLevel.ADVANCED : TeaVMOptimizationLevel.SIMPLE);
        tool.setSourceMapsFileGenerated(!minify);
        tool.setDebugInformationGenerated(false);
        tool.setIncremental(false);
        cacheDir.mkdirs();
        tool.setCacheDirectory(cacheDir);
        tool.generate();

        boolean ok = true;
        DefaultProblemTextConsumer text = new DefaultProblemTextConsumer();
        for (Problem problem : tool.getProblemProvider().getProblems()) {
            text.clear();
            problem.render(text);
            boolean severe = problem.getSeverity() == ProblemSeverity.ERROR;
            ok &= !severe;
            System.err.println((severe ? "ERROR " : "WARNING ") + mainClass + ": " + text.getText()
                    + (problem.getLocation() != null && problem.getLocation().getSourceLocation() != null
                        ? " at " + problem.getLocation().getSourceLocation() : ""));
        }
        if (wasm && ok) {
            copyWasmRuntime(siteDir, fileName, minify);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("TeaVM: " + mainClass + " -> " + new File(siteDir, fileName)
                + " (" + new File(siteDir, fileName).length() / 1024 + " KiB, " + millis + " ms)"
                + (ok ? "" : " FAILED"));
        return ok;
    }

    /** TeaVM's loader of WebAssembly GC modules (an ES module exporting {@code load}), from TeaVM's jar. */
    private static void copyWasmRuntime(File siteDir, String wasmFileName, boolean minify) throws IOException {
        String resource = "org/teavm/backend/wasm/wasm-gc-module-runtime" + (minify ? ".min.js" : ".js");
        File target = new File(siteDir, wasmFileName.substring(0, wasmFileName.length() - ".wasm".length()) + "-runtime.js");
        try (InputStream runtime = TeaVmSiteCompiler.class.getClassLoader().getResourceAsStream(resource)) {
            if (runtime == null) {
                throw new IOException("TeaVM's WebAssembly GC runtime is not on the classpath: " + resource);
            }
            Files.copy(runtime, target.toPath(), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
