package org.jodide.it;

import org.jodide.site.SiteServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Packages load from a package index laid out like the official one (its own pyodide-lock.json
 * next to the wheels), built here and served on another port; and without {@code ?packageIndex=}
 * the official index of the shipped Pyodide version is the one asked.
 */
class PackageIndexIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    @Test
    void importingAModuleLoadsItsPackageFromTheIndexGivenInTheUrl(@TempDir Path index) throws Exception {
        try (SiteServer packages = LocalPackageIndex.serve(index)) {
            String indexUrl = packages.uri().toString();
            NotebookPage page = SITE.notebookPage().openWith("?packageIndex=" + indexUrl);
            page.replaceText(LocalPackageIndex.CHUNK);
            NotebookPage.ConsoleEntry entry = page.runWithShiftEnter();

            assertEquals(LocalPackageIndex.GREETING_VALUE, entry.value(), entry.error() + "\n" + entry.output());
            assertTrue(entry.output().contains("Loading " + LocalPackageIndex.MODULE + " from " + indexUrl), entry.output());
            assertTrue(entry.output().contains("Loaded " + LocalPackageIndex.PACKAGE), "Pyodide's progress shows: " + entry.output());
            assertEquals(List.of(), packages.notFoundPaths(), "the index served its lock file and the wheel");
        }
    }

    /**
     * The report's frame has an opaque origin, so whatever it fetches itself is downloaded again at
     * every visit; the editor page fetches the index's files for it (page/package-files.js), so a
     * revisit takes the wheel from the browser's cache: this index, which sends validators, is only
     * asked whether it changed (304).
     */
    @Test
    void aRevisitTakesThePackageFromTheBrowsersCacheInsteadOfDownloadingItAgain(@TempDir Path index) throws Exception {
        try (SiteServer packages = LocalPackageIndex.serve(index)) {
            LocalPackageIndex.assertARevisitDownloadsNothingAgain(SITE.notebookPage(), packages);
        }
    }

    /**
     * A package loaded once loads again when its index cannot be reached (offline, or the index
     * down): the editor page keeps the index's files it fetched in Cache Storage
     * (page/package-store.js), once it has answered the frame, and gives that copy when the fetch fails.
     */
    @Test
    void aPackageLoadedOnceLoadsAgainWhenItsIndexCannotBeReached(@TempDir Path index) throws Exception {
        try (SiteServer packages = LocalPackageIndex.serve(index)) {
            String query = "?packageIndex=" + packages.uri();
            NotebookPage page = SITE.notebookPage().openWith(query);
            page.replaceText(LocalPackageIndex.CHUNK);
            NotebookPage.ConsoleEntry online = page.runWithShiftEnter();
            assertEquals(LocalPackageIndex.GREETING_VALUE, online.value(), online.error() + "\n" + online.output());
            LocalPackageIndex.awaitCopiesKept(SITE.browser().driver(), packages);

            packages.close();
            page.reopenWith(query);
            page.replaceText(LocalPackageIndex.CHUNK);
            NotebookPage.ConsoleEntry indexDown = page.runWithShiftEnter();
            assertEquals(LocalPackageIndex.GREETING_VALUE, indexDown.value(), indexDown.error() + "\n" + indexDown.output());
        }
    }

    /**
     * An index whose lock file cannot be read: Python starts with the site's package list, which does
     * not know the index's modules; importing one says why instead of only ModuleNotFoundError.
     */
    @Test
    void anIndexWithoutItsLockFileSaysSoWhenItsModuleIsImported(@TempDir Path index) throws Exception {
        try (SiteServer packages = LocalPackageIndex.serve(index)) {
            Files.delete(index.resolve("pyodide-lock.json"));
            NotebookPage page = SITE.notebookPage().openWith("?packageIndex=" + packages.uri());
            page.replaceText(LocalPackageIndex.CHUNK);
            NotebookPage.ConsoleEntry entry = page.runWithShiftEnter();
            assertEquals("error", entry.state());
            assertTrue(entry.error().contains("ModuleNotFoundError"), entry.error());
            assertTrue(entry.output().contains("Loading " + LocalPackageIndex.MODULE + " from " + packages.uri()
                    + " (its pyodide-lock.json could not be read: HTTP 404"), entry.output());
            assertTrue(entry.output().contains("the site's package list was used)"), entry.output());
        }
    }

    @Test
    void withoutAnIndexTheOfficialIndexOfTheShippedVersionIsAsked() {
        // No internet here: the official index cannot answer, but the message names the URL that was asked.
        NotebookPage page = SITE.notebookPage().openWith("?packageTimeoutMs=10000");
        page.replaceText("%% py\nimport numpy\n");
        NotebookPage.ConsoleEntry entry = page.runWithShiftEnter();
        String official = "https://cdn.jsdelivr.net/pyodide/v314.0.7/full/";
        assertEquals("error", entry.state());
        assertTrue(entry.output().contains("Loading numpy from " + official), entry.output());
        assertTrue(entry.error().contains(official), entry.error());
        assertFalse(entry.error().contains("vundefined"), entry.error());
    }
}
