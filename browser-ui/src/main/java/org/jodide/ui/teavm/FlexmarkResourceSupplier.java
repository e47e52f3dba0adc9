package org.jodide.ui.teavm;

import org.teavm.classlib.ResourceSupplier;
import org.teavm.classlib.ResourceSupplierContext;

/** TeaVM compile-time plugin: embeds the HTML entity table flexmark loads as a resource. */
public final class FlexmarkResourceSupplier implements ResourceSupplier {
    @Override
    public String[] supplyResources(ResourceSupplierContext context) {
        return new String[] {"com/vladsch/flexmark/util/sequence/entities.properties"};
    }
}
