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

/**
 * Compiles the browser entry points with TeaVM into the site folder. Run by the build
 * (exec-maven-plugin) with the browser code and TeaVM on the classpath; this keeps us off
 * TeaVM's frozen Maven plugin. Every entry point gets {@link SharedFlexmarkPatterns}, so that
 * flexmark compiles each regular expression once rather than once per rendered document.
 *
 * <p>Arguments: {@code siteDir cacheDir minify mainClass=file.js[,mainClass=file.js...]}.
 */
public final class TeaVmSiteCompiler {
    private TeaVmSiteCompiler() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: TeaVmSiteCompiler siteDir cacheDir minify mainClass=file.js[,...]");
            System.exit(2);
        }
        File siteDir = new File(args[0]);
        File cacheDir = new File(args[1]);
        boolean minify = Boolean.parseBoolean(args[2]);
        boolean failed = false;
        for (String entry : args[3].split(",")) {
            String[] parts = entry.trim().split("=");
            if (parts.length != 2) {
                throw new IllegalArgumentException("entry point must be mainClass=file.js, got: " + entry);
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
        tool.setTargetType(TeaVMTargetType.JAVASCRIPT);
        tool.setJsModuleType(JSModuleType.ES2015);
        tool.setMainClass(mainClass);
        tool.setEntryPointName("main");
        tool.setTargetDirectory(siteDir);
        tool.setTargetFileName(fileName);
        tool.setClassLoader(TeaVmSiteCompiler.class.getClassLoader());
        tool.getTransformers().add(SharedFlexmarkPatterns.class.getName());
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
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("TeaVM: " + mainClass + " -> " + new File(siteDir, fileName)
                + " (" + new File(siteDir, fileName).length() / 1024 + " KiB, " + millis + " ms)"
                + (ok ? "" : " FAILED"));
        return ok;
    }
}
