package org.jodide.ui.teavm;

import org.teavm.classlib.ResourceSupplier;
import org.teavm.classlib.ResourceSupplierContext;

import java.net.URL;

/**
 * TeaVM compile-time plugin: embeds the resources flexmark loads: the HTML entity table and the
 * emoji extension's shortcode table, {@code /EmojiReference.txt}.
 *
 * <p>The emoji table embedded is this module's trimmed copy (80 KB), not flexmark-ext-emoji's
 * (725 KB, which doubled editor.js): browser-ui's resources come before the flexmark jars on the
 * compiler's classpath, and the build fails here if that ever changes. The copy keeps the rows
 * with a shortcut and Unicode characters, and of their columns only shortcut, category,
 * unicodeChars and aliasShortcuts (the rest are {@code " "}, flexmark's empty value): all that
 * Unicode output reads. Regenerate it after a flexmark upgrade with
 * <pre>
 * unzip -p flexmark-ext-emoji-VERSION.jar EmojiReference.txt | awk -F'\t' 'BEGIN{OFS="\t"} NR==1 {print; next}
 *   $1!=" " &amp;&amp; $5!=" " {print $1,$2," "," ",$5," "," "," ",$9," "}' &gt; browser-ui/src/main/resources/EmojiReference.txt
 * </pre>
 */
public final class FlexmarkResourceSupplier implements ResourceSupplier {
    static final String EMOJI_TABLE = "EmojiReference.txt";

    @Override
    public String[] supplyResources(ResourceSupplierContext context) {
        URL table = context.getClassLoader().getResource(EMOJI_TABLE);
        if (table == null || table.toString().contains("flexmark-ext-emoji")) {
            throw new IllegalStateException("The trimmed " + EMOJI_TABLE + " of browser-ui must come first on the"
                    + " TeaVM classpath, but it resolves to " + table);
        }
        return new String[] {"com/vladsch/flexmark/util/sequence/entities.properties", EMOJI_TABLE};
    }
}
