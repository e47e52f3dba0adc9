package org.jodide.iomd;

import org.jodide.iomd.property.Invariants;
import org.jodide.iomd.spec.SpecExample;
import org.jodide.iomd.spec.SpecReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

/**
 * Parses every prefix and every suffix of every example of docs/iomd.md (as commonmark-java's
 * BoundsIntegrationTest does): cut anywhere, even inside a {@code \r\n} or a surrogate pair, a
 * text still parses without an exception into chunks that satisfy every invariant.
 */
class BoundsTest {
    private static final IomdParser PARSER = IomdParser.create();

    static List<SpecExample> examples() {
        return SpecReader.readExamples();
    }

    @ParameterizedTest(name = "prefixes and suffixes of {0}")
    @MethodSource("examples")
    void everyPrefixAndSuffixParses(SpecExample example) {
        String input = example.input();
        for (int i = 0; i <= input.length(); i++) {
            String prefix = input.substring(0, i);
            Invariants.check(PARSER.parse(prefix), prefix);
            String suffix = input.substring(i);
            Invariants.check(PARSER.parse(suffix), suffix);
        }
    }
}
