package org.jodide.pyodide;

import org.teavm.jso.JSObject;

/**
 * One of the user's data files as Python's folder gets it: its name, its bytes (an
 * {@code ArrayBuffer}) and when it was added or last saved (ISO 8601, {@code 2026-12-03T06:00:00.000Z}),
 * which becomes its modification time there.
 */
public record DataFile(String name, JSObject bytes, String lastUpdated) {
}
