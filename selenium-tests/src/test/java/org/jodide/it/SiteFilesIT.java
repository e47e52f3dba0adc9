package org.jodide.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Loading the notebook asks for no file the site lacks (the favicon included). */
class SiteFilesIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    @Test
    void theEditorAndItsFrameLoadWithoutA404() throws Exception {
        NotebookPage page = SITE.notebookPage().open();
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        assertEquals("favicon.svg", page.script("return document.querySelector('link[rel=icon]').getAttribute('href');"));
        assertEquals(List.of(), SITE.server().notFoundPaths());
    }

    @Test
    void theFaviconIsServedInBothForms() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String[] file : new String[][] {{"favicon.svg", "image/svg+xml"}, {"favicon.ico", "image/x-icon"}}) {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(SITE.server().uri() + file[0])).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode(), file[0]);
            assertEquals(file[1], response.headers().firstValue("Content-Type").orElseThrow(), file[0]);
        }
    }
}
