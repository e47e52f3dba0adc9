package org.jodide.iomd.internal;

import org.jodide.iomd.NotebookPython;
import org.jodide.iomd.FetchLine;
import org.jodide.iomd.PluginSpec;

import java.util.List;

/**
 * What is read from a chunk's text after the scan, on first use: its diagnostics (positioned
 * relative to the chunk start), its valid fetch lines (spans relative to the chunk start) and
 * the plugin it defines (or null), and for the preamble the Python it names (or null).
 */
record ChunkDetails(List<ChunkDiagnostic> diagnostics, List<FetchLine> fetchLines, PluginSpec plugin, NotebookPython python) {
    static final ChunkDetails NONE = new ChunkDetails(List.of(), List.of(), null, null);
}
