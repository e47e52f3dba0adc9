package org.jodide.ui.teavm;

import org.teavm.classlib.ResourceSupplier;
import org.teavm.classlib.ResourceSupplierContext;

/** TeaVM compile-time plugin: embeds the resources flexmark loads: the HTML entity table and the emoji table. */
public final class FlexmarkResourceSupplier implements ResourceSupplier {
    @Override
    public String[] supplyResources(ResourceSupplierContext context) {
        // EmojiReference.txt: the emoji extension's shortcode table, read on the first emoji rendered.
        return new String[] {"com/vladsch/flexmark/util/sequence/entities.properties", "EmojiReference.txt"};
    }
}
