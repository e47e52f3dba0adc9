package org.jodide.iomd.ipynb;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one list of formats opened converted, as the page and {@code ./jodide convert} use it. */
class ImportFormatTest {
    @Test
    void aFileIsOfTheFormatItsNameEndsWithWhateverTheCase() {
        assertEquals(Optional.of(ImportFormat.JUPYTER), ImportFormat.named("Analysis.IPYNB"));
        assertEquals(Optional.of(ImportFormat.PERCENT_SCRIPT), ImportFormat.named("cells.py"));
        assertEquals(Optional.of(ImportFormat.IODIDE), ImportFormat.named("old.jsmd"));
        assertEquals(Optional.of(ImportFormat.WEB_PAGE), ImportFormat.named("report.HTM"));
        assertEquals(Optional.of(".htm"), ImportFormat.WEB_PAGE.extensionOf("report.HTM"));
        assertEquals(Optional.empty(), ImportFormat.named("notes.iomd"));
        assertEquals(Optional.empty(), ImportFormat.named(null));
    }

    @Test
    void aJupyterNotebookIsKnownByItsTextWhereItsNameSaysNothing() {
        assertEquals(Optional.of(ImportFormat.JUPYTER), ImportFormat.of("download", " {\"nbformat\": 4, \"cells\": []}"));
        assertEquals(Optional.empty(), ImportFormat.of("download", "%% md\n# {\"nbformat\"}\n"));
        assertEquals(Optional.empty(), ImportFormat.named("download"), "by its name alone it is not one");
    }

    @Test
    void aBrokenNotebookSaysWhatIsWrongAndWhere() {
        NotConvertible broken = assertThrows(NotConvertible.class,
                () -> ImportFormat.JUPYTER.convert("{\"nbformat\": 4,\n \"cells\": 3}"));
        assertEquals(2, broken.line());
        assertTrue(broken.column() > 0);
        assertTrue(broken.reason().startsWith("not a Jupyter notebook that can be read: \"cells\""), broken.reason());
        assertEquals("not a Jupyter notebook that can be read: line 2, column " + broken.column() + ": "
                + broken.reason().substring("not a Jupyter notebook that can be read: ".length()), broken.getMessage());
        assertTrue(broken.getCause() instanceof IpynbException, "the cause is kept");
    }

    @Test
    void aPageWithoutANotebookIsRefusedAsAWhole() throws NotConvertible {
        NotConvertible page = assertThrows(NotConvertible.class, () -> ImportFormat.WEB_PAGE.convert("<p>prose</p>"));
        assertEquals(NotebookPageImport.NO_NOTEBOOK, page.reason());
        assertEquals(0, page.line());
        String iodide = "<script id=\"jsmd\" type=\"text/jsmd\">\n%% md\n# Hi\n</script>";
        assertEquals("%% md\n# Hi\n", ImportFormat.WEB_PAGE.convert(iodide).iomd());
    }
}
