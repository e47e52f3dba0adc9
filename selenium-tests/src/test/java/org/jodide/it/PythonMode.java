package org.jodide.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Where the notebook runs Python, for ITs that must hold in both places: in the eval frame's worker
 * (the default on a cross-origin isolated page, as the test site is) or on the frame's main thread
 * ({@code ?python=main}; also where a host sends no COOP/COEP). With the system property
 * {@code jodide.it.pythonMode} (e.g. {@code -Djodide.it.pythonMode=WORKER}) only that mode runs:
 * the other is skipped when it opens the notebook.
 */
enum PythonMode {
    MAIN_THREAD("python=main"),
    WORKER("");

    /**
     * For {@code @EnumSource(value = PythonMode.class, names = DEFAULT_ONLY)}: ITs of behaviour the
     * two places share through the same kernel code (rich display, completion, the workspace,
     * packages, long output) run in the default place only, to keep the suite within its time;
     * the main thread is covered by RunChunksIT, InteropIT, FetchIT, PythonFaultsIT and
     * StopFallbackIT. Write {@code @EnumSource(PythonMode.class)} to run both.
     */
    static final String DEFAULT_ONLY = "WORKER";

    private final String parameter;

    PythonMode(String parameter) {
        this.parameter = parameter;
    }

    /** Opens the notebook in this mode and waits until Python is idle. */
    NotebookPage open(SiteExtension site) {
        return open(site, "");
    }

    /**
     * Opens the notebook in this mode with more query parameters ({@code "packageIndex=…&…"}, or
     * none) and waits until Python is idle.
     */
    NotebookPage open(SiteExtension site, String parameters) {
        NotebookPage page = site.notebookPage().openWith(query(parameters));
        page.replaceText("%% py\n1\n");
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        return page;
    }

    /**
     * The notebook page's query ({@code "?python=main&…"}, or "") for this mode and more parameters;
     * skips the test when {@code jodide.it.pythonMode} selects the other mode.
     */
    String query(String parameters) {
        String selected = System.getProperty("jodide.it.pythonMode", "");
        assumeTrue(selected.isEmpty() || selected.equals(name()), "only " + selected + " runs (jodide.it.pythonMode)");
        String query = parameter.isEmpty() || parameters.isEmpty() ? parameter + parameters : parameter + "&" + parameters;
        return query.isEmpty() ? "" : "?" + query;
    }
}
