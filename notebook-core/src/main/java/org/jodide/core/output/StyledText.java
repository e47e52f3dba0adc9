package org.jodide.core.output;

/** Printed text in one {@link AnsiStyle}. */
public record StyledText(String text, AnsiStyle style) implements Printed {
    public static StyledText plain(String text) {
        return new StyledText(text, AnsiStyle.PLAIN);
    }
}
