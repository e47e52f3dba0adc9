package org.jodide.it;

/**
 * Where the notebook runs Python, for ITs that must hold in both places: on the eval frame's main
 * thread (the default) or in the frame's worker ({@code ?python=worker}).
 */
enum PythonMode {
    MAIN_THREAD(""),
    WORKER("?python=worker");

    private final String query;

    PythonMode(String query) {
        this.query = query;
    }

    /** Opens the notebook in this mode and waits until Python is idle. */
    NotebookPage open(SiteExtension site) {
        NotebookPage page = site.notebookPage().openWith(query);
        page.replaceText("%% py\n1\n");
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        return page;
    }
}
