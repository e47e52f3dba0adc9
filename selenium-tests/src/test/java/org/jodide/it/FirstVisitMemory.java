package org.jodide.it;

import org.jodide.browser.BlobInternals;
import org.jodide.browser.BlobInternals.HeldBlob;
import org.jodide.browser.EveryTarget;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a first visit leaves in the browser's memory (docs/architecture.md, "What Python's start
 * keeps in memory"). A fresh browser (this class's own), so the visit is a first one: no stored copy
 * of Pyodide's files yet, so the editor page downloads them for the report's frame and hands them
 * over as Blobs, whose bytes the browser process keeps (~20 MiB) as long as anything can reach them.
 * The page, the frame and the Python worker each keep the files for a Retry or a restart; once the
 * service worker has stored the site's files, the stored copies take the downloads' place in all
 * three (page/handed-frame.js, frame/handed-pyodide-files.js), and Pyodide's unread response for
 * its Wasm is let go (pyodide/precompiled-wasm.js). A handed frame (a plain host) keeps what the
 * page gives it the same way (page/handed-frame-boot.js). FirstVisitMemoryIT and
 * PlainHostFirstVisitMemoryIT run it with either kind of frame.
 */
abstract class FirstVisitMemory {
    /** The site, served as the subclass's host serves it, and a browser of its own (a fresh profile). */
    abstract SiteExtension site();

    /**
     * What may stay: the Python worker's scripts (~0.25 MB), which a served frame keeps as it was
     * handed them, for the worker a restart makes (frame/worker-scripts.js).
     */
    private static final long AT_MOST_KEPT = 512L << 10;
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Test
    void aFirstVisitsDownloadsLeaveTheBrowsersMemoryOnceTheServiceWorkerHasStoredThem() throws InterruptedException {
        NotebookPage page = site().notebookPage().open();
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        page.replaceText("%% py\n1+1\n");
        assertEquals("2", page.runWithShiftEnter().value());
        List<HeldBlob> atFirst = BlobInternals.read(site().browser().driver());

        // A collection in every page, frame and worker each second, until the bytes are gone or the
        // limit has passed (the stored copies come once the service worker is ready).
        List<HeldBlob> blobs;
        long deadline = System.nanoTime() + LIMIT.toNanos();
        try (EveryTarget everywhere = new EveryTarget(site().browser().driver())) {
            while (true) {
                everywhere.collectGarbage();
                blobs = BlobInternals.read(site().browser().driver());
                if (BlobInternals.keptBytes(blobs) <= AT_MOST_KEPT || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(1000);
            }
            // The report's frame has an opaque origin, hence a process and a DevTools target of its own.
            assertTrue(everywhere.attachedTypes().contains("iframe"), "collected in the report's frame too: " + everywhere.attachedTypes());
        }
        assertTrue(BlobInternals.keptBytes(blobs) <= AT_MOST_KEPT, "the browser still keeps "
                + BlobInternals.keptBytes(blobs) + " bytes of Blobs " + LIMIT.toSeconds() + " s after Python was idle"
                + " (collected in every context): " + bigOnes(blobs) + "; when Python was idle: " + bigOnes(atFirst));
    }

    private static List<HeldBlob> bigOnes(List<HeldBlob> blobs) {
        return blobs.stream().filter(blob -> blob.keptBytes() + blob.handleBytes() > 100_000).toList();
    }
}
