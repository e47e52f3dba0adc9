# Jodide's side of MicroPython (imported into MicroPython's __main__ by micropython/index.js): runs a
# chunk's code with the notebook's line numbers and its last expression's value, formats errors as
# tracebacks, lists the user's variables and completes names. Answers are JSON strings: the JS side
# reads them without MicroPython's proxies. MicroPython has no ast module, so the last expression is
# found by lines: the last line that starts at the left margin, when it compiles as an expression.
import binascii
import builtins
import io
import json
import sys

import jodide_page

_USER = globals()
_NO_MODULE_HINT = (
    "\nMicroPython has no module {0!r}: it has a small part of the standard library and no packages"
    " such as numpy or pandas. Choose \"Python (Pyodide)\" in the Kernel menu to run this notebook"
    " with the full CPython and its scientific packages."
)


def _jodide_input(prompt=""):
    # The port's own input() waits for a stdin that never comes: the page would hang. The report's
    # frame may show dialogs (its sandbox allows modals), so the question is the browser's prompt
    # (jodide_page.ask, which first sends what the run printed), and the question and its answer
    # stay in the output, as a terminal shows them.
    question = str(prompt)
    answer = jodide_page.ask(question)
    if answer is None:
        raise EOFError("no answer to input(): the question was dismissed")
    print(question + answer)
    return answer


builtins.input = _jodide_input


def _last_expression(lines, name, awaits=False):
    """The index of the last line of `lines` when it is an expression at the left margin (with
    `awaits`, one that may start with `await `), else -1."""
    last = len(lines) - 1
    while last >= 0 and (not lines[last].strip() or lines[last].lstrip().startswith("#")):
        last -= 1
    if last < 0 or lines[last][:1] in (" ", "\t", ")", "]", "}"):
        return -1
    expression = lines[last][len("await "):] if awaits and lines[last].startswith("await ") else lines[last]
    try:
        compile(expression, name, "eval")
    except SyntaxError:
        return -1
    return last


def _split_last_expression(padded, name):
    """The code without its last line, and that line as a statement that keeps its value in
    _jodide_value, when the last line is an expression at the left margin; else the code and None.
    (MicroPython's compile in "eval" mode refuses the blank lines that keep notebook line numbers, so
    the expression runs as an assignment in "exec" mode, at its own line.)"""
    lines = padded.rstrip().split("\n")
    last = _last_expression(lines, name)
    if last < 0:
        return padded, None
    keeping = compile("\n" * last + "_jodide_value = " + lines[last], name, "exec")
    return "\n".join(lines[:last]), keeping


def _traceback(error):
    text = io.StringIO()
    sys.print_exception(error, text)
    # The kernel's own frame (this file ran as "<stdin>") is not the user's.
    formatted = "\n".join(line for line in text.getvalue().split("\n") if not line.startswith('  File "<stdin>"'))
    return _hinted(formatted)


def _hinted(formatted):
    """A traceback with the way to Pyodide after a module MicroPython lacks."""
    marker = "ImportError: no module named '"
    at = formatted.rfind(marker)
    if at < 0:
        return formatted
    missing = formatted[at + len(marker):].split("'")[0]
    return formatted.rstrip("\n") + _NO_MODULE_HINT.format(missing.split(".")[0]) + "\n"


def _jodide_awaited_error(traceback, name):
    """The traceback of a chunk that awaited (the port ran it as "<stdin>"), naming the chunk, with hints."""
    return json.dumps({"error": _hinted(traceback.replace('File "<stdin>"', 'File "%s"' % name))})


# A value's text as the page shows it: the bound of Pyodide's kernel (display.VALUE_TEXT_LENGTH) and of
# the frame's JavaScript values (value-text.js), with the same marker.
_VALUE_TEXT_LENGTH = 10000
_VALUE_CUT_MARKER = " \u2026 [value cut: only its first 10,000 characters are shown]"


def _bounded(text):
    return text if len(text) <= _VALUE_TEXT_LENGTH else text[:_VALUE_TEXT_LENGTH] + _VALUE_CUT_MARKER


class _Full(Exception):
    pass


# What repr writes for a container met again inside itself (CPython's words; MicroPython's own repr
# would recurse until it fails).
_AGAIN = {list: "[...]", tuple: "(...)", dict: "{...}", set: "set(...)"}
try:
    _AGAIN[frozenset] = "frozenset(...)"
except NameError:  # a port built without frozenset
    pass


def _quoted_start(text, length):
    # The first `length` characters of repr(text), quoting only its start: repr picks its quote from
    # the whole text, so the quotes the whole text holds are added after the start (beyond `length`).
    start = text[:length]
    for quote in ("'", '"') if isinstance(text, str) else (b"'", b'"'):
        if quote in text and quote not in start:
            start += quote
    return repr(start)


def _bounded_repr(value, limit):
    """repr(value), written only as far as the page shows it: when repr is longer than `limit`, a text
    of more than `limit` characters whose first `limit` are repr's (Pyodide's kernel's bounded_repr.py).
    The workspace lists every global after each run, and a value's repr shows its first 10,000
    characters: a list of a million numbers is not written whole for either."""
    pieces = []
    state = [0, set()]  # characters written; ids of the containers being written

    def put(text):
        pieces.append(text)
        state[0] += len(text)
        if state[0] > limit:
            raise _Full

    def items(opening, elements, closing):
        put(opening)
        first = True
        for element in elements:
            if not first:
                put(", ")
            first = False
            write(element)
        put(closing)

    def write(item):
        kind = type(item)
        if kind in _AGAIN and item:
            if id(item) in state[1]:
                put(_AGAIN[kind])
                return
            state[1].add(id(item))
            if kind is dict:
                put("{")
                first = True
                for key, element in item.items():
                    if not first:
                        put(", ")
                    first = False
                    write(key)
                    put(": ")
                    write(element)
                put("}")
            elif kind is list:
                items("[", item, "]")
            elif kind is tuple:
                items("(", item, ",)" if len(item) == 1 else ")")
            elif kind is set:
                items("{", item, "}")
            else:
                items("frozenset({", item, "})")
            state[1].discard(id(item))
        elif (kind is str or kind is bytes) and len(item) > limit - state[0]:
            put(_quoted_start(item, limit - state[0] + 1))
        else:
            put(repr(item))

    try:
        write(value)
    except _Full:
        pass
    except RuntimeError:  # nested deeper than this writer recurses, or changed while written: repr's own
        return repr(value)
    return "".join(pieces)


def _jodide_run(code, name, first_line):
    # Blank lines before the code make MicroPython count the notebook's lines.
    padded = "\n" * first_line + code
    try:
        body, expression = _split_last_expression(padded, name)
        try:
            compiled = compile(body, name, "exec")
        except SyntaxError as error:
            if "'await' outside function" not in str(error):
                raise
            # Nothing ran: the page runs it with the port's top-level await (micropython/index.js).
            return json.dumps({"awaiting": _awaiting_source(padded, name)})
        exec(compiled, _USER)
        value = None
        if expression is not None:
            exec(expression, _USER)
            value = _USER.pop("_jodide_value", None)
        return _shown_value(value)
    except BaseException as error:  # noqa: B902 - the user's code may raise anything, SystemExit too
        return json.dumps({"error": _traceback(error)})


def _shown_value(value):
    """The answer of a run whose last expression had `value`: its rich form goes to the page, else its repr is the value."""
    form = None if value is None else _rich_form(value)
    if form is not None:
        jodide_page.display(form[0], form[1])
        value = None
    return json.dumps({"value": None if value is None else _bounded(_bounded_repr(value, _VALUE_TEXT_LENGTH))})


def _awaiting_source(padded, name):
    """A chunk that awaits at its top level, for the port's runPythonAsync: its lines where they were,
    the last one, when it is an expression at the left margin (awaited or not), keeping its value in
    _jodide_value for _jodide_awaited."""
    _USER.pop("_jodide_value", None)
    lines = padded.rstrip().split("\n")
    last = _last_expression(lines, name, awaits=True)
    if last < 0:
        return padded
    lines[last] = "_jodide_value = " + lines[last]
    return "\n".join(lines)


def _jodide_awaited():
    """The answer of a chunk that awaited, once the port has run it."""
    return _shown_value(_USER.pop("_jodide_value", None))


# Rich display, as the Pyodide kernel's (jodide_kernel/display.py; micropython-kernel.test.js checks
# that the order is its): a value's richest form, chosen in this order (after _repr_mimebundle_'s),
# goes to the page instead of its repr.
_REPR_METHODS = (
    ("_repr_html_", "text/html"),
    ("_repr_svg_", "image/svg+xml"),
    ("_repr_png_", "image/png"),
    ("_repr_jpeg_", "image/jpeg"),
    ("_repr_markdown_", "text/markdown"),
    ("_repr_latex_", "text/latex"),
)


def _unwrap(data):
    # IPython lets a _repr_*_ method return (data, metadata).
    return data[0] if isinstance(data, tuple) else data


def _as_text(mime, data):
    if isinstance(data, (bytes, bytearray, memoryview)):
        if mime.startswith("image/") and mime != "image/svg+xml":
            return binascii.b2a_base64(bytes(data)).decode().strip()
        return bytes(data).decode()
    if isinstance(data, (dict, list)):
        return json.dumps(data)
    return str(data)


def _rich_form(value):
    """(mime type, text) of the richest form value offers besides its repr, or None. A class has none
    (its _repr_*_ are unbound methods)."""
    if isinstance(value, type):
        return None
    bundle = {}
    method = getattr(value, "_repr_mimebundle_", None)
    if callable(method):
        data = _unwrap(method())
        if isinstance(data, dict):
            bundle = data
    for name, mime in _REPR_METHODS:
        if mime in bundle:
            return mime, _as_text(mime, bundle[mime])
        method = getattr(value, name, None)
        if callable(method):
            data = _unwrap(method())
            if data is not None:
                return mime, _as_text(mime, data)
    if "text/plain" in bundle:
        return "text/plain", _bounded(_as_text("text/plain", bundle["text/plain"]))
    return None


def _display(*objects, **options):
    """IPython's display: each object in the running chunk's output, in its richest form (options
    such as display_id are taken and not used: MicroPython shows each display once)."""
    for value in objects:
        form = _rich_form(value) or ("text/plain", _bounded(_bounded_repr(value, _VALUE_TEXT_LENGTH)))
        jodide_page.display(form[0], form[1])


builtins.display = _display


_HIDDEN = set(_USER)


def _user_names():
    return sorted(name for name in _USER if not name.startswith("_") and name not in _HIDDEN)


def _jodide_variables():
    listed = []
    for name in _user_names():
        value = _USER[name]
        if type(value).__name__ in ("module", "function", "type"):
            continue
        text = _bounded_repr(value, 100)
        listed.append({"name": name, "type": type(value).__name__, "preview": text if len(text) <= 100 else text[:99] + "…"})
    return json.dumps(listed)


def _jodide_complete(token):
    if "." in token:
        owner, _, start = token.rpartition(".")
        try:
            names = dir(eval(owner, _USER))
        except BaseException:  # noqa: B902 - completing must never raise
            return json.dumps([])
        return json.dumps(sorted(owner + "." + n for n in names if n.startswith(start) and not n.startswith("__")))
    builtins = dir(__import__("builtins"))
    return json.dumps(sorted(set(n for n in list(_USER) + builtins if n.startswith(token) and not n.startswith("_"))))


# `await jodide.python.get(name)` in a js chunk (docs/interop.md): a copy of a global, the same copies as
# Pyodide's and a Jupyter server's. It is written in the encoding of a Jupyter server's copies (JSON with
# "$jodide" marks for what JSON lacks; the spec heads static/src/main/js/jupyter/global-value.js) and
# decoded by the same code (frame/python-copies.js): big ints as BigInts, nan and infinities as
# themselves, sets as Sets, bytes, bytearray, memoryview and array.array as typed arrays. MicroPython's
# memoryview does not say its items' format: its bytes come as a Uint8Array.
_COPY_MARK = "$jodide"
_ITEM_KINDS = {"b": "int", "h": "int", "i": "int", "l": "int", "q": "int", "B": "uint", "H": "uint", "I": "uint",
               "L": "uint", "Q": "uint", "f": "float", "d": "float"}
_LARGEST_EXACT_INT = 2 ** 53 - 1
_COPY_DEPTH = 100


class _NoCopy(Exception):
    """Why a global has no JavaScript copy: the type it holds (``kind``), or in words (``why``)."""

    def __init__(self, type_name=None, why=None):
        super().__init__(why or type_name)
        self.answer = {"type": type_name} if why is None else {"why": why}


def _buffer_copy(value):
    import array

    if isinstance(value, (bytes, bytearray, memoryview)):
        return {_COPY_MARK: "buffer", "type": "uint1", "base64": _base64(bytes(value))}
    if isinstance(value, array.array):
        typecode = repr(value[:0])[len("array('")]  # "array('d')": its type, not its items
        if typecode not in _ITEM_KINDS:
            raise _NoCopy(why="its array holds items of type %r, which no typed array has" % typecode)
        size = len(bytes(array.array(typecode, [0])))
        return {_COPY_MARK: "buffer", "type": "%s%d" % (_ITEM_KINDS[typecode], size), "base64": _base64(bytes(value))}
    return None


def _base64(data):
    return binascii.b2a_base64(data).decode("ascii").rstrip("\n")


def _encoded(value, depth):
    import math

    if depth > _COPY_DEPTH:
        raise _NoCopy(why="it is nested more than %d levels deep (or holds itself)" % _COPY_DEPTH)
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value if -_LARGEST_EXACT_INT <= value <= _LARGEST_EXACT_INT else {_COPY_MARK: "int", "digits": str(value)}
    if isinstance(value, float):
        return value if math.isfinite(value) else {_COPY_MARK: "float", "value": repr(value)}
    if isinstance(value, (list, tuple)):
        return [_encoded(item, depth + 1) for item in value]
    if isinstance(value, (set, frozenset)):
        return {_COPY_MARK: "set", "items": [_encoded(item, depth + 1) for item in value]}
    if isinstance(value, dict):
        entries = []
        for key, item in value.items():
            if isinstance(key, bool) or not isinstance(key, (str, int)):
                raise _NoCopy(why="a dict key %r is neither a string nor an int" % (key,))
            entries.append([str(key), _encoded(item, depth + 1)])
        return {_COPY_MARK: "dict", "entries": entries} if _COPY_MARK in value else dict(entries)
    buffer = _buffer_copy(value)
    if buffer is not None:
        return buffer
    raise _NoCopy(type(value).__name__)


def _jodide_get(name):
    """{value} (encoded), {missing: true}, or {noCopy: {type} or {why}}, as JSON."""
    if name not in _USER:
        return json.dumps({"missing": True})
    try:
        return json.dumps({"value": _encoded(_USER[name], 0)})
    except _NoCopy as refused:
        return json.dumps({"noCopy": refused.answer})
    except RuntimeError:  # the port's stack ends before _COPY_DEPTH levels (60 to 80 of them)
        return json.dumps({"noCopy": {"why": "it is nested more deeply than MicroPython can copy (or holds itself)"}})
