package org.jodide.bench;

import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URI;
import java.util.Map;

/**
 * Makes the browser meet a site as a first-time visitor would: nothing in its HTTP cache, and
 * nothing the site kept in the browser (Cache Storage, where the notebook page keeps its stored
 * copies of Pyodide's files, the service worker and its cache, IndexedDB, local and session
 * storage). Emptying only the HTTP cache left Jodide's stored copies in place, so a "cold"
 * navigation of the notebook got Pyodide without downloading it while the bare page downloaded it.
 */
final class FirstVisit {
    /** What {@code Storage.clearDataForOrigin} empties: everything a page of the site may keep. */
    static final String SITE_DATA = "local_storage,session_storage,indexeddb,cache_storage,service_workers";

    private FirstVisit() {
    }

    /** Forgets everything of {@code url}'s origin and empties the HTTP cache; call from another page (about:blank). */
    static void forget(ChromeDriver driver, URI url) {
        forgetSiteData(driver, url);
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
    }

    /** Forgets everything {@code url}'s origin kept in the browser ({@link #SITE_DATA}), leaving the HTTP cache as it is. */
    static void forgetSiteData(ChromeDriver driver, URI url) {
        driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of(
                "origin", url.getScheme() + "://" + url.getAuthority(), "storageTypes", SITE_DATA));
    }
}
