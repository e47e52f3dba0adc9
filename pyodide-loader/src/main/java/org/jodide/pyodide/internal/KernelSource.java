package org.jodide.pyodide.internal;

/**
 * The Python side of the kernel, run once in a private namespace after Pyodide loads. User code
 * runs in {@code __main__} (so {@code pyodide.globals} is the user's namespace); nothing here
 * leaks into it except the {@code display} builtin.
 *
 * <p>Rich display follows IPython's protocol, in this order: {@code _repr_mimebundle_},
 * {@code _repr_html_}, {@code _repr_svg_}, {@code _repr_png_}, {@code _repr_jpeg_},
 * {@code _repr_markdown_}, {@code _repr_latex_}, then {@code repr}. The richest form is sent to
 * the editor through the display sink as (mime type, data); binary images travel as base64.
 *
 * <p>Matplotlib hook: before a run, {@code MPLBACKEND} is set to {@code agg} (no window);
 * after a run, if {@code matplotlib.pyplot} was imported, every open figure is displayed as a
 * PNG and closed, the way JupyterLite's inline backend shows plots.
 */
public final class KernelSource {
    private KernelSource() {
    }

    public static final String FILENAME = "<jodide kernel>";

    public static final String PYTHON = """
            import base64
            import builtins
            import inspect
            import io
            import json
            import linecache
            import os
            import sys
            import traceback

            import __main__
            from pyodide.code import eval_code_async

            os.environ.setdefault("MPLBACKEND", "agg")

            _display_sink = None

            # (method, mime type) in the order the richest form is chosen.
            _REPR_METHODS = (
                ("_repr_html_", "text/html"),
                ("_repr_svg_", "image/svg+xml"),
                ("_repr_png_", "image/png"),
                ("_repr_jpeg_", "image/jpeg"),
                ("_repr_markdown_", "text/markdown"),
                ("_repr_latex_", "text/latex"),
            )
            _MIME_ORDER = tuple(mime for _, mime in _REPR_METHODS)


            def set_display_sink(sink):
                global _display_sink
                _display_sink = sink


            def _as_text(mime, data):
                if isinstance(data, (bytes, bytearray, memoryview)):
                    if mime.startswith("image/") and mime != "image/svg+xml":
                        return base64.b64encode(bytes(data)).decode("ascii")
                    return bytes(data).decode("utf-8", "replace")
                if isinstance(data, (dict, list)):
                    return json.dumps(data)
                return str(data)


            def _mime_bundle(value):
                bundle = {}
                if not inspect.isclass(value):
                    method = getattr(value, "_repr_mimebundle_", None)
                    if callable(method):
                        data = method()
                        if isinstance(data, tuple):
                            data = data[0]
                        if isinstance(data, dict):
                            bundle.update(data)
                    for name, mime in _REPR_METHODS:
                        if mime in bundle:
                            continue
                        method = getattr(value, name, None)
                        if callable(method):
                            data = method()
                            if isinstance(data, tuple):
                                data = data[0]
                            if data is not None:
                                bundle[mime] = data
                bundle.setdefault("text/plain", repr(value))
                return bundle


            def _richest(bundle):
                for mime in _MIME_ORDER:
                    if mime in bundle:
                        return mime, _as_text(mime, bundle[mime])
                return "text/plain", _as_text("text/plain", bundle["text/plain"])


            def display(*objects):
                \"""Shows each object in the output of the running chunk, in its richest form.\"""
                for value in objects:
                    mime, data = _richest(_mime_bundle(value))
                    sys.stdout.flush()
                    sys.stderr.flush()
                    if _display_sink is not None:
                        _display_sink(mime, data)


            builtins.display = display


            def _show_open_figures():
                pyplot = sys.modules.get("matplotlib.pyplot")
                if pyplot is None:
                    return
                for number in pyplot.get_fignums():
                    figure = pyplot.figure(number)
                    buffer = io.BytesIO()
                    figure.savefig(buffer, format="png", bbox_inches="tight")
                    pyplot.close(figure)
                    if _display_sink is not None:
                        _display_sink("image/png", base64.b64encode(buffer.getvalue()).decode("ascii"))


            def missing_imports(code):
                \"""Top-level modules that code imports and that are not installed, comma-separated.\"""
                import importlib.util
                from pyodide.code import find_imports

                try:
                    names = find_imports(code)
                except SyntaxError:
                    return ""  # the run itself reports the syntax error
                missing = set()
                for name in names:
                    top = name.split(".")[0]
                    try:
                        if importlib.util.find_spec(top) is None:
                            missing.add(top)
                    except (ImportError, ValueError):
                        missing.add(top)
                return ",".join(sorted(missing))


            def complete(token):
                \"""Names that complete token in the user's namespace (rlcompleter), as JSON, at most 200.\"""
                import rlcompleter

                completer = rlcompleter.Completer(__main__.__dict__)
                names = []
                try:
                    for state in range(200):
                        name = completer.complete(token, state)
                        if name is None:
                            break
                        if name not in names:
                            names.append(name)
                except BaseException:
                    pass  # a failing __getattr__ or property: offer what was found
                return json.dumps(names)


            def workspace():
                \"""The user's variables as JSON: name, type and a short repr, modules and _names left out.\"""
                rows = []
                for name, value in list(__main__.__dict__.items()):
                    if name.startswith("_") or inspect.ismodule(value):
                        continue
                    try:
                        preview = repr(value)
                    except BaseException as exc:
                        preview = f"<repr failed: {type(exc).__name__}>"
                    if len(preview) > 100:
                        preview = preview[:97] + "..."
                    rows.append({"name": name, "type": type(value).__name__, "preview": preview})
                rows.sort(key=lambda row: row["name"])
                return json.dumps(rows)


            # Frames a traceback shows at most (the first ones; the rest are counted).
            _TRACEBACK_FRAMES = 100


            def _format_error(exc, filename):
                if isinstance(exc, SystemExit):
                    # A notebook has no process to end: the run stops, Python and its variables stay.
                    return (f"SystemExit: {exc.code}\\n"
                            "sys.exit(), exit() and quit() end only this chunk's run; Python keeps its variables.\\n")
                # Drop the frames of the kernel and of Pyodide: the user's traceback starts in their chunk.
                tb = exc.__traceback__
                while tb is not None and tb.tb_frame.f_code.co_filename != filename:
                    tb = tb.tb_next
                depth = 0
                frame = tb
                while frame is not None:
                    depth += 1
                    frame = frame.tb_next
                if depth <= _TRACEBACK_FRAMES:
                    return "".join(traceback.format_exception(type(exc), exc, tb))
                # Deep recursion: formatting every frame of a 100,000-deep traceback takes minutes.
                lines = traceback.format_exception(type(exc), exc, tb, limit=_TRACEBACK_FRAMES)
                last = traceback.format_exception_only(type(exc), exc)
                shown = lines[:len(lines) - len(last)]
                return ("".join(shown) + f"  ... {depth - _TRACEBACK_FRAMES} more frames not shown\\n"
                        + "".join(last))


            async def run(code, filename, first_line):
                # Pad with blank lines so line numbers in tracebacks are lines of the notebook.
                source = "\\n" * first_line + code
                linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
                try:
                    value = await eval_code_async(source, __main__.__dict__, filename=filename)
                    _show_open_figures()
                    text = None
                    if value is not None:
                        mime, data = _richest(_mime_bundle(value))
                        if mime == "text/plain":
                            text = data
                        else:
                            display(value)
                except BaseException as exc:
                    return json.dumps({"value": None, "error": _format_error(exc, filename)})
                finally:
                    sys.stdout.flush()
                    sys.stderr.flush()
                return json.dumps({"value": text, "error": None})
            """;
}
