"""Help on the name at the cursor, as Jupyter's Shift+Tab shows it: signature, type, value, docstring."""

import builtins
import inspect
import keyword
import re

import __main__

from .workspace import preview

# Characters of a docstring shown at most.
MAX_DOC = 4000

_NAME_TAIL = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\s*\.\s*[A-Za-z_][A-Za-z0-9_]*)*$")
_WORD_HEAD = re.compile(r"[A-Za-z0-9_]*")
_OPENING = {")": "(", "]": "[", "}": "{"}


def name_at(code, cursor):
    """The dotted name help is about: the callee of the call the cursor is in (``f`` in ``f(a, |``),
    else the name the cursor is on or after (``np.linspace`` in ``np.lins|pace``); None when there is none.
    Strings and comments before the cursor are skipped, as brackets in them do not count."""
    before = code[:cursor] + _WORD_HEAD.match(code, cursor).group(0)
    callees = _callees(before)
    if callees:
        return callees[-1]
    match = _NAME_TAIL.search(before)
    return re.sub(r"\s+", "", match.group(0)) if match else None


def _callees(text):
    """The names of the calls still open at the end of ``text``, innermost last."""
    stack = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == "#":
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
            continue
        if c in "\"'":
            i = _after_string(text, i)
            continue
        if c in "([{":
            name = _NAME_TAIL.search(text[:i].rstrip()) if c == "(" else None
            stack.append(re.sub(r"\s+", "", name.group(0)) if name and not keyword.iskeyword(name.group(0)) else None)
        elif c in ")]}" and stack:
            stack.pop()
        i += 1
    return [name for name in stack if name]


def _after_string(text, start):
    """Where the string literal starting at ``start`` ends (the end of ``text`` if it does not)."""
    quote = text[start]
    triple = text.startswith(quote * 3, start)
    delimiter = quote * 3 if triple else quote
    i = start + len(delimiter)
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text.startswith(delimiter, i):
            return i + len(delimiter)
        if not triple and text[i] == "\n":
            return i + 1
        i += 1
    return len(text)


def resolve(name, namespace):
    """The value of the dotted ``name`` in ``namespace`` or builtins; raises when there is none."""
    parts = name.split(".")
    if parts[0] in namespace:
        value = namespace[parts[0]]
    elif hasattr(builtins, parts[0]):
        value = getattr(builtins, parts[0])
    else:
        raise LookupError(parts[0])
    for part in parts[1:]:
        value = getattr(value, part)
    return value


def _signature(value, name):
    try:
        return name + str(inspect.signature(value))
    except (TypeError, ValueError):
        return None


def help_text(name, value):
    """What help shows for ``value`` named ``name``: its signature if it is callable, its type, its
    value when it is data, and its docstring (cut after ``MAX_DOC`` characters)."""
    lines = []
    if callable(value):
        signature = _signature(value, name)
        if signature:
            lines.append("Signature: " + signature)
    kind = type(value)
    lines.append("Type:      " + (kind.__qualname__ if kind.__module__ == "builtins" else kind.__module__ + "." + kind.__qualname__))
    if not (callable(value) or inspect.ismodule(value)):
        lines.append("Value:     " + preview(value))
    doc = inspect.getdoc(value) if callable(value) or inspect.ismodule(value) else None
    if doc:
        if len(doc) > MAX_DOC:
            doc = doc[:MAX_DOC] + "\n[…]"
        lines.append("Docstring:\n" + doc)
    return "\n".join(lines)


def inspect_at(code, cursor, namespace=None):
    """Help on the name at ``cursor`` in ``code`` (an offset in characters), looked up in
    ``namespace`` (default ``__main__``) and builtins: a text, or "" when there is no such name."""
    name = name_at(code, cursor)
    if not name:
        return ""
    try:
        value = resolve(name, __main__.__dict__ if namespace is None else namespace)
    except Exception:
        return ""
    try:
        return help_text(name, value)
    except Exception as failure:  # a failing __repr__ or property
        return f"{name}: help failed: {type(failure).__name__}: {failure}"


def help_at(before, after):
    """Help on the name at the cursor in ``before + after`` (the cursor between them), in ``__main__``."""
    return inspect_at(before + after, len(before))
