package org.jodide.iomd;

/**
 * Every problem the parser reports. Each code has one severity; the spec ({@code docs/iomd.md})
 * gives an example of each.
 */
public enum DiagnosticCode {
    /** A delimiter names a type that is not md, js, py, css, fetch, raw or plugin. */
    UNKNOWN_CHUNK_TYPE(Severity.WARNING),
    /** A bare {@code %%} with no typed chunk above it to inherit from. */
    BARE_DELIMITER_WITHOUT_TYPE(Severity.WARNING),
    /** A fetch line without {@code TYPE:} in front. */
    FETCH_MISSING_TYPE(Severity.ERROR),
    /** A fetch line whose type is not one of the fetch kinds. */
    FETCH_UNKNOWN_TYPE(Severity.ERROR),
    /** A fetch line whose URL is empty, has blanks or control characters, or an unsupported scheme. */
    FETCH_BAD_URL(Severity.ERROR),
    /** A data fetch line without {@code NAME =}, or whose name is not a usable variable name. */
    FETCH_BAD_VARIABLE_NAME(Severity.ERROR),
    /** A plugin chunk that is not well-formed JSON. */
    PLUGIN_JSON_SYNTAX(Severity.ERROR),
    /** A plugin chunk whose JSON value is not an object. */
    PLUGIN_NOT_AN_OBJECT(Severity.ERROR),
    /** A plugin chunk without a required field. */
    PLUGIN_MISSING_FIELD(Severity.ERROR),
    /** A plugin field with a value of the wrong kind. */
    PLUGIN_BAD_FIELD(Severity.ERROR),
    /** A plugin field written twice. */
    PLUGIN_DUPLICATE_FIELD(Severity.ERROR),
    /** A plugin field this version does not know; it is ignored. */
    PLUGIN_UNKNOWN_FIELD(Severity.WARNING),
    /** A preamble line {@code python: WORD} whose word names no Python ({@link NotebookPython}). */
    UNKNOWN_PYTHON(Severity.WARNING);

    private final Severity severity;

    DiagnosticCode(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
