"""Runs one chunk in the user's namespace and reports its value or its error."""

import json
import linecache
import sys

import __main__

from . import display
from .tracebacks import format_error


async def run(code, filename, first_line, namespace=None):
    """Runs ``code`` (a chunk starting at 0-based notebook line ``first_line``) in ``namespace``
    (default ``__main__``); returns JSON ``{"value": repr or null, "error": traceback or null}``.
    A value with a rich form is displayed instead of returned."""
    from pyodide.code import eval_code_async

    if namespace is None:
        namespace = __main__.__dict__
    # Pad with blank lines so line numbers in tracebacks are lines of the notebook.
    source = "\n" * first_line + code
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    try:
        value = await eval_code_async(source, namespace, filename=filename)
        display.show_open_figures()
        text = None
        if value is not None:
            mime, data = display.richest(display.mime_bundle(value))
            if mime == "text/plain":
                text = data
            else:
                display.display(value)
    except BaseException as exc:
        return json.dumps({"value": None, "error": format_error(exc, filename)})
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    return json.dumps({"value": text, "error": None})
