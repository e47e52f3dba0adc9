package org.jodide.ui.teavm;

import org.teavm.classlib.ReflectionContext;
import org.teavm.classlib.ReflectionSupplier;
import org.teavm.model.ClassReader;
import org.teavm.model.FieldReader;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * TeaVM compile-time plugin: keeps the fields of flexmark's enums reachable by reflection,
 * which flexmark's {@code BitFieldSet} reads. Without it, markdown rendering fails in the
 * browser while it works on the JVM.
 */
public final class FlexmarkReflectionSupplier implements ReflectionSupplier {
    @Override
    public Collection<String> getAccessibleFields(ReflectionContext context, String className) {
        if (!className.startsWith("com.vladsch.flexmark.")) {
            return List.of();
        }
        ClassReader cls = context.getClassSource().get(className);
        if (cls == null || !"java.lang.Enum".equals(cls.getParent())) {
            return List.of();
        }
        List<String> fields = new ArrayList<>();
        for (FieldReader field : cls.getFields()) {
            fields.add(field.getName());
        }
        return fields;
    }
}
