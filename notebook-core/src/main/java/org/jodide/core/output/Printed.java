package org.jodide.core.output;

/**
 * What printed text is made of once its escape sequences are read ({@link AnsiEscapes}): text in a
 * style, and the erasures that act on the line being written ({@link TerminalLine}).
 */
public sealed interface Printed permits StyledText, EraseInLine {
}
