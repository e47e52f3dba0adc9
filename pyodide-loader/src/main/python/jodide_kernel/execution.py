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
import warnings
from inspect import CO_COROUTINE
from types import CodeType

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


# A chunk that starts below this notebook line is compiled from its own text and its code moved to
# its notebook lines (_compile_moved); one above it is padded with blank lines (parse), which costs
# Python's tokenizer a pass over them: ~25 µs per 1,000 lines in Node for every run, so a Run All of
# a long notebook grew with the square of its length. Moving costs a few µs whatever the line (the
# warnings its compile gives are caught to move them too), so short notebooks keep the padding, and so
# does a chunk with a class (its __firstlineno__ is a constant of its body's code).
_PADDED_UP_TO = 256


def _moved(code, lines):
    """``code`` and the code objects nested in it (functions, classes, lambdas) ``lines`` lines further
    down: a code object's line table counts from its ``co_firstlineno``."""
    if code is None or lines == 0:
        return code
    consts = code.co_consts
    if any(isinstance(const, CodeType) for const in consts):
        consts = tuple(_moved(const, lines) if isinstance(const, CodeType) else const for const in consts)
        return code.replace(co_firstlineno=code.co_firstlineno + lines, co_consts=consts)
    return code.replace(co_firstlineno=code.co_firstlineno + lines)


def _compile_moved(code, filename, first_line):
    """(quiet, value code, body code) of a chunk as :class:`_Chunk` compiles it, parsed and compiled
    from its own text and then moved down to its notebook lines, with the line numbers of a
    SyntaxError or of a warning the compile gives."""
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            quiet, value_code, body_code = _compile_tree(*parse(code, filename, 0), filename)
    except SyntaxError as error:
        if error.lineno is not None:
            error.lineno += first_line
        if getattr(error, "end_lineno", None) is not None:
            error.end_lineno += first_line
        raise
    finally:
        for warning in caught:
            lineno = warning.lineno + first_line if warning.filename == filename else warning.lineno
            warnings.warn_explicit(warning.message, warning.category, warning.filename, lineno)
    return quiet, _moved(value_code, first_line), _moved(body_code, first_line)


def _compile_tree(tree, code, filename):
    """(quiet, value code, body code) of ``tree``, the tree of ``code``: its last expression compiled
    apart as the run's value, unless a trailing semicolon makes the chunk quiet."""
    # After the parse, which reports broken code as a SyntaxError (the tokenizer would not).
    # Only code with a semicolon can end with one: the tokenizer is a tenth of a chunk's cost.
    quiet = ";" in code and _should_quiet(code)
    last = tree.body[-1] if tree.body else None
    value_code = None
    if isinstance(last, ast.Expr) and not quiet:
        tree.body.pop()
        value_code = compile(ast.Expression(last.value), filename, "eval", _FLAGS)
    body_code = compile(tree, filename, "exec", _FLAGS) if tree.body else None
    return quiet, value_code, body_code


def _remember_lines(filename, first_line, code):
    """Puts ``code`` in linecache at its notebook lines (from 0-based line ``first_line``), where
    tracebacks, warnings and ``inspect`` read it. A list of every line from the notebook's first,
    as linecache keeps a file's, cost each chunk a list entry per line above it (memory that grew
    with the square of a long notebook's length); a lazy entry makes that list only if something
    reads the chunk's lines. linecache looks lazy entries up only for names that are not in angle
    brackets (its ``lazycache``): a chunk is named ``py chunk at line 12``; other names keep the list."""
    if filename.startswith("<") and filename.endswith(">"):
        linecache.cache[filename] = (first_line + len(code), None, ["\n"] * first_line + code.splitlines(True), filename)
    else:
        linecache.cache[filename] = (lambda: "\n" * first_line + code,)


class _Chunk:
    """One chunk compiled the way Pyodide's ``CodeRunner`` compiles it (the last expression is the
    value, top-level ``await`` allowed), its line numbers lines of the notebook (padded with blank
    lines, or compiled apart and moved there: ``_PADDED_UP_TO``).

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
            _remember_lines(filename, first_line, code)
        # A class body keeps its first line as a constant (__firstlineno__, which inspect reads), which
        # moving the code would leave at the chunk's own line: a chunk that may define one is padded.
        if first_line <= _PADDED_UP_TO or "class" in code:
            self.quiet, self.value_code, self.body_code = _compile_tree(*parse(code, filename, first_line), filename)
        else:
            self.quiet, self.value_code, self.body_code = _compile_moved(code, filename, first_line)

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
