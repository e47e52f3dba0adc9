"""Runs one chunk in the user's namespace and reports its value or its error."""

import json
import linecache
import sys
import textwrap

import __main__

from . import display
from .tracebacks import format_error


async def run(code, filename, first_line, namespace=None):
    """Runs ``code`` (a chunk starting at 0-based notebook line ``first_line``) in ``namespace``
    (default ``__main__``); returns JSON ``{"value": repr or null, "error": traceback or null}``.
    A value with a rich form is displayed instead of returned."""
    from pyodide.code import eval_code_async, should_quiet

    if namespace is None:
        namespace = __main__.__dict__
    # Dedent and look for a trailing semicolon in the chunk alone: done by Pyodide on the padded
    # source below, both read every line above the chunk, which made Run All quadratic.
    code = textwrap.dedent(code)
    quiet = should_quiet(code)
    # Pad with blank lines so line numbers in tracebacks are lines of the notebook.
    source = "\n" * first_line + code
    linecache.cache[filename] = (len(source), None, ["\n"] * first_line + code.splitlines(True), filename)
    try:
        value = await eval_code_async(source, namespace, filename=filename, dedent=False,
                                      quiet_trailing_semicolon=False)
        if quiet:
            value = None
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
