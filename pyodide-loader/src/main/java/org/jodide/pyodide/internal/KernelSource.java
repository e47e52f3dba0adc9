package org.jodide.pyodide.internal;

/**
 * The Python side of the kernel, run once in a private namespace after Pyodide loads. User code
 * runs in {@code __main__} (so {@code pyodide.globals} is the user's namespace); nothing here
 * leaks into it.
 */
public final class KernelSource {
    private KernelSource() {
    }

    public static final String FILENAME = "<jodide kernel>";

    public static final String PYTHON = """
            import json
            import linecache
            import sys
            import traceback

            import __main__
            from pyodide.code import eval_code_async


            def _format_error(exc, filename):
                # Drop the frames of the kernel and of Pyodide: the user's traceback starts in their chunk.
                tb = exc.__traceback__
                while tb is not None and tb.tb_frame.f_code.co_filename != filename:
                    tb = tb.tb_next
                return "".join(traceback.format_exception(type(exc), exc, tb))


            async def run(code, filename, first_line):
                # Pad with blank lines so line numbers in tracebacks are lines of the notebook.
                source = "\\n" * first_line + code
                linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
                try:
                    value = await eval_code_async(source, __main__.__dict__, filename=filename)
                    text = None if value is None else repr(value)
                except BaseException as exc:
                    return json.dumps({"value": None, "error": _format_error(exc, filename)})
                finally:
                    sys.stdout.flush()
                    sys.stderr.flush()
                return json.dumps({"value": text, "error": None})
            """;
}
