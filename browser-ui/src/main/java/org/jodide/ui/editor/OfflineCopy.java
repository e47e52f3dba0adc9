package org.jodide.ui.editor;

import org.jodide.core.kernel.Kernel;
import org.jodide.core.kernel.KernelSettled;
import org.teavm.jso.JSBody;

/**
 * The app's offline copy: the site's service worker (sw.js), registered once the page's start is over,
 * when the kernel has loaded or could not load (KernelSettled). Its install downloads the app shell
 * again and compiles its scripts for the code cache, and its cache writes hold up the page's reads of
 * stored copies: on a first visit, registered at the load event, it delayed the first Python result by
 * ~100-150 ms (MicroPython ~720 against ~620 ms, Pyodide ~1,110 against ~960 ms, measured). The
 * registration itself waits for an idle moment of the page (page/offline.js).
 */
final class OfflineCopy {
    private OfflineCopy() {
    }

    static void registerOnceStarted(Kernel kernel) {
        KernelSettled.whenSettled(kernel, OfflineCopy::register);
    }

    @JSBody(script = "window.jodidePageSupport.registerOfflineCache();")
    private static native void register();
}
