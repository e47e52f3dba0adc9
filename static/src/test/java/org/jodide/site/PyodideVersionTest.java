package org.jodide.site;

import org.jodide.pyodide.PyodideOptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default package index is the official one of the Pyodide the site ships: the version in
 * pyodide-loader's constant must be the one npm installs (package-lock.json), since the shipped
 * pyodide-lock.json does not say which version it belongs to.
 */
class PyodideVersionTest {
    private static String lockedPyodideVersion() throws IOException {
        String lock = Files.readString(Path.of("package-lock.json"));
        Matcher entry = Pattern.compile("\"node_modules/pyodide\"\\s*:\\s*\\{[^}]*?\"version\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(lock);
        assertTrue(entry.find(), "package-lock.json has no node_modules/pyodide entry with a version");
        return entry.group(1);
    }

    @Test
    void theConstantIsTheVersionNpmInstalls() throws IOException {
        assertEquals(lockedPyodideVersion(), PyodideOptions.PYODIDE_VERSION,
                "PyodideOptions.PYODIDE_VERSION must follow static/package-lock.json");
    }

    @Test
    void theDefaultPackageIndexIsTheOfficialOneOfThatVersion() throws IOException {
        assertEquals("https://cdn.jsdelivr.net/pyodide/v" + lockedPyodideVersion() + "/full/",
                PyodideOptions.OFFICIAL_PACKAGE_INDEX);
        assertEquals("https://cdn.jsdelivr.net/pyodide/v314.0.7/full/", PyodideOptions.defaults().effectivePackageIndexUrl());
    }

    @Test
    void withoutAnIndexTheShippedLockFileIsUsedAndWithOneTheIndexsOwn() {
        assertEquals("pyodide/pyodide-lock.json", PyodideOptions.defaults().lockFileUrl());
        PyodideOptions local = PyodideOptions.defaults().withPackageIndexUrl("http://127.0.0.1:9/index/");
        assertEquals("http://127.0.0.1:9/index/pyodide-lock.json", local.lockFileUrl());
        assertEquals("http://127.0.0.1:9/index/", local.effectivePackageIndexUrl());
    }

    @Test
    void theKernelsPythonIsFetchedNextToTheShippedPyodideEvenWithAnotherPackageIndex() {
        assertEquals("pyodide/jodide-kernel.json", PyodideOptions.defaults().kernelUrl());
        assertEquals("pyodide/jodide-kernel.json",
                PyodideOptions.defaults().withPackageIndexUrl("http://127.0.0.1:9/index/").kernelUrl());
    }
}
