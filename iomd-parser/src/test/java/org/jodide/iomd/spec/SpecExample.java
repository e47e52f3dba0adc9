package org.jodide.iomd.spec;

/**
 * One numbered example of docs/iomd.md.
 *
 * @param number   1-based, in document order
 * @param section  the title of the enclosing {@code ##} section, without its number
 * @param docLine  1-based line of the example's opening fence in the document
 * @param baseUrl  the notebook address given as {@code base=URL} after {@code example}, or null
 * @param input    the iomd text, with the visible notation decoded
 * @param expected the expected chunks, in the notation of {@link ChunkNotation}, lines joined by \n
 */
public record SpecExample(int number, String section, int docLine, String baseUrl, String input, String expected) {
    @Override
    public String toString() {
        return "example " + number + " (section " + section + ")";
    }
}
