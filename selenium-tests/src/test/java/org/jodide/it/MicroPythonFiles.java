package org.jodide.it;

import java.util.List;

/**
 * What the editor page hands a frame that runs MicroPython and has the service worker store
 * (frame/micropython-loader.js: MICROPYTHON_FILES): the module that starts it, the port's module
 * script and its Wasm, as paths of the site.
 */
final class MicroPythonFiles {
    static final List<String> SITE_PATHS = List.of("micropython-support.js", "micropython/micropython.mjs", "micropython/micropython.wasm");

    private MicroPythonFiles() {
    }
}
