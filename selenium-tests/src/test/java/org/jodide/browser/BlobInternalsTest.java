package org.jodide.browser;

import org.jodide.browser.BlobInternals.HeldBlob;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** chrome://blob-internals' text as Chromium 156 shows it (copied from a first visit of the notebook). */
class BlobInternalsTest {
    private static final String PAGE = """
            c4c38783-dcc9-44d4-81e1-0f0402090676
            Refcount: 1
            Status: BlobStatus::DONE: Blob built with no errors.
            Content Type: application/json
            Type: readable data handle
            URL: <MojoDataItem>
            Length: 100,340
            6a623f0b-270d-4213-bd4f-56b003ff2dbe
            Refcount: 1
            Status: BlobStatus::DONE: Blob built with no errors.
            Content Type: application/wasm
            Count: 3
            Index: 0
            Type: data
            Length: 524,288
            Index: 1
            Type: data
            Length: 524,288
            Index: 2
            Type: file
            Path: /tmp/profile/blob_storage/0
            Modification Time: Saturday, December 5, 2026 at 10:01:02 AM
            Offset: 0
            Length: 4,000,000
            """;

    @Test
    void eachBlobsKeptBytesAreItsDataAndFileItemsAndItsHandlesTheRest() {
        List<HeldBlob> blobs = BlobInternals.parse(PAGE);
        assertEquals(List.of(
                new HeldBlob("c4c38783-dcc9-44d4-81e1-0f0402090676", "application/json", 0, 100_340),
                new HeldBlob("6a623f0b-270d-4213-bd4f-56b003ff2dbe", "application/wasm", 2 * 524_288 + 4_000_000, 0)), blobs);
        assertEquals(2 * 524_288 + 4_000_000, BlobInternals.keptBytes(blobs));
    }

    @Test
    void aPageWithoutBlobsHasNone() {
        assertEquals(List.of(), BlobInternals.parse("No blobs"));
    }
}
