"""Runs one chunk in the user's namespace and reports its value or its error.

A chunk without top-level ``await`` runs at once (:func:`run_now`), which is what almost every
chunk is: awaiting a coroutine from JavaScript costs an event-loop round trip per chunk, about
five times the chunk itself in a Run All of one-line chunks. A chunk that awaits runs as a
coroutine (:func:`run`).
"""

import ast
import json
import linecache
import sys
import textwrap
from inspect import CO_COROUTINE

import __main__

from . import display
from .tracebacks import format_error


class _Chunk:
    """One chunk compiled as Pyodide compiles it (the last expression is the value), with
    top-level ``await`` allowed, and padded so that line numbers are lines of the notebook."""

    def __init__(self, code, filename, first_line):
        from pyodide.code import CodeRunner, should_quiet

        # Dedent and look for a trailing semicolon in the chunk alone: done by Pyodide on the padded
        # source below, both read every line above the chunk, which made Run All quadratic.
        code = textwrap.dedent(code)
        source = "\n" * first_line + code
        linecache.cache[filename] = (len(source), None, ["\n"] * first_line + code.splitlines(True), filename)
        self.runner = CodeRunner(source, filename=filename, dedent=False, quiet_trailing_semicolon=False,
                                 flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT).compile()
        # After the compile, which reports broken code as a SyntaxError (the tokenizer would not).
        # Only code with a semicolon can end with one: the tokenizer is a tenth of a chunk's cost.
        self.quiet = ";" in code and should_quiet(code)

    @property
    def awaits(self):
        code = self.runner.code
        return code is not None and bool(code.co_flags & CO_COROUTINE)

    def reply(self, value):
        """The run's JSON reply for the chunk's value; a value with a rich form is displayed instead."""
        if self.quiet:
            value = None
        display.show_open_figures()
        text = None
        if value is not None:
            mime, data = display.richest(display.mime_bundle(value))
            if mime == "text/plain":
                text = data
            else:
                display.display(value)
        return json.dumps({"value": text, "error": None})


def _failed(exc, filename):
    return json.dumps({"value": None, "error": format_error(exc, filename)})


def _flush():
    sys.stdout.flush()
    sys.stderr.flush()


def run_now(code, filename, first_line, namespace=None):
    """Runs ``code`` (a chunk starting at 0-based notebook line ``first_line``) in ``namespace``
    (default ``__main__``) if it does not await at top level; returns the JSON reply of
    :func:`run`, or None, having run nothing, for a chunk that awaits (run it with :func:`run`)."""
    if namespace is None:
        namespace = __main__.__dict__
    try:
        chunk = _Chunk(code, filename, first_line)
        if chunk.awaits:
            return None
        return chunk.reply(chunk.runner.run(namespace))
    except BaseException as exc:
        return _failed(exc, filename)
    finally:
        _flush()


async def run(code, filename, first_line, namespace=None):
    """Runs ``code`` (a chunk starting at 0-based notebook line ``first_line``) in ``namespace``
    (default ``__main__``); returns JSON ``{"value": repr or null, "error": traceback or null}``.
    A value with a rich form is displayed instead of returned."""
    if namespace is None:
        namespace = __main__.__dict__
    try:
        chunk = _Chunk(code, filename, first_line)
        return chunk.reply(await chunk.runner.run_async(namespace))
    except BaseException as exc:
        return _failed(exc, filename)
    finally:
        _flush()
