package org.jodide.core;

/**
 * Whether the open notebook may run code by merely being shown, as Iodide's markdown did: with
 * {@link #TRUSTED}, raw HTML in markdown keeps its inline event handlers ({@code onclick}) and
 * {@code ?view=report} runs the notebook on load.
 *
 * <p>spec (docs/iomd.md, differences from Iodide): a notebook written in this editor (the page's
 * own text, a draft or unsaved changes restored from this browser) is trusted; one opened from
 * elsewhere (a link {@code #iomd=}, {@code ?notebook=URL}, a file) is untrusted until the user runs
 * a chunk, Run all, Run above/below or a console input: until then its markdown is sanitized and
 * its CSS not applied. Running is the user's consent: from then on its code runs anyway, and the
 * editor remembers it for that place and that exact text (browser-ui's TrustedNotebooks).
 */
public enum Trust {
    TRUSTED,
    UNTRUSTED;

    /** The trust after the user ran some of the notebook's code: always {@link #TRUSTED}. */
    public Trust afterUserRun() {
        return TRUSTED;
    }
}
