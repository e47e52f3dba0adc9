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

from . import display, magics, shell
from .tracebacks import format_error


# Top-level ``await`` is allowed: a chunk that awaits compiles to a coroutine (CO_COROUTINE).
_FLAGS = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT


def _should_quiet(code):
    from pyodide.code import should_quiet

    return should_quiet(code)


def parse(code, filename, first_line):
    """(the syntax tree of ``code``, the code it is the tree of): a chunk's code starting at 0-based
    notebook line ``first_line``, parsed so that line numbers are lines of the notebook; top-level
    ``await`` is allowed, and code that does not parse is parsed again with its magics as calls."""
    try:
        return compile("\n" * first_line + code, filename, "exec", _FLAGS | ast.PyCF_ONLY_AST), code
    except SyntaxError:
        # IPython's magics, shell escapes and help (%pip, %time, !pip, %%time, len?): only code that does not
        # parse is looked at; tracebacks still quote the chunk as written (linecache).
        transformed = magics.transform(code) if ("%" in code or "!" in code or "?" in code) else None
        if transformed is None:
            raise
        return compile("\n" * first_line + transformed.code, filename, "exec", _FLAGS | ast.PyCF_ONLY_AST), transformed.code


class _Chunk:
    """One chunk compiled the way Pyodide's ``CodeRunner`` compiles it (the last expression is the
    value, top-level ``await`` allowed), padded so that line numbers are lines of the notebook.

    Parsed once: ``CodeRunner`` parses, rewrites the last expression into a ``raise`` of its value,
    walks the tree to fix locations and compiles; here the last expression is compiled apart, as an
    ``eval`` of the same node. Run All of one-line chunks spent most of its Python time on that.

    A cell magic's body is compiled as a chunk too, with ``cache=False``: its lines are already in
    linecache, where its chunk put them."""

    def __init__(self, code, filename, first_line, cache=True):
        # Only an indented chunk can have a margin to remove; dedenting reads every line.
        if code[:1] in (" ", "\t"):
            code = textwrap.dedent(code)
        if cache:
            linecache.cache[filename] = (first_line + len(code), None, ["\n"] * first_line + code.splitlines(True), filename)
        tree, code = parse(code, filename, first_line)
        # After the parse, which reports broken code as a SyntaxError (the tokenizer would not).
        # Only code with a semicolon can end with one: the tokenizer is a tenth of a chunk's cost.
        self.quiet = ";" in code and _should_quiet(code)
        last = tree.body[-1] if tree.body else None
        self.value_code = None
        if isinstance(last, ast.Expr) and not self.quiet:
            tree.body.pop()
            self.value_code = compile(ast.Expression(last.value), filename, "eval", _FLAGS)
        self.body_code = compile(tree, filename, "exec", _FLAGS) if tree.body else None

    @property
    def awaits(self):
        return any(code is not None and code.co_flags & CO_COROUTINE for code in (self.body_code, self.value_code))

    def run(self, namespace):
        """Runs a chunk that does not await; returns the value of its last expression (or None)."""
        if self.body_code is not None:
            exec(self.body_code, namespace)
        return None if self.value_code is None else eval(self.value_code, namespace)

    async def run_async(self, namespace):
        """Runs a chunk that may await; returns the value of its last expression (or None)."""
        for code in (self.body_code, self.value_code):
            if code is None:
                continue
            result = eval(code, namespace)
            if code.co_flags & CO_COROUTINE:
                result = await result
        return None if self.value_code is None else result

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
    (default ``__main__``, given ``get_ipython``: ``shell``) if it does not await at top level; returns the JSON reply of
    :func:`run`, or None, having run nothing, for a chunk that awaits (run it with :func:`run`)."""
    if namespace is None:
        namespace = __main__.__dict__
    shell.install(namespace)
    try:
        chunk = _Chunk(code, filename, first_line)
        if chunk.awaits:
            return None
        return chunk.reply(chunk.run(namespace))
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
    shell.install(namespace)
    try:
        chunk = _Chunk(code, filename, first_line)
        return chunk.reply(await chunk.run_async(namespace))
    except BaseException as exc:
        return _failed(exc, filename)
    finally:
        _flush()
