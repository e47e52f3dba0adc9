"""A value's ``repr``, built only as far as the page shows it.

The page shows the first ``VALUE_TEXT_LENGTH`` characters of a chunk's value (display.py), but
``repr(list(range(10**7)))`` builds all 89 million characters first: about a second under Pyodide
in Node, several in a browser, and as many bytes of WebAssembly memory. :func:`bounded_repr` writes
the built-in containers (``list``, ``tuple``, ``dict``, ``set``, ``frozenset``, exactly those types:
a subclass may have its own ``repr``) element by element and stops once it has more than ``limit``
characters; a long ``str`` or ``bytes`` is quoted from its start only. Everything else is its own
``repr``. What it gives is what the page would have shown::

    text = bounded_repr(value, limit)
    text[:limit] == repr(value)[:limit]          # always
    text == repr(value)  if len(text) <= limit   # else len(text) > limit: there was more

One difference: a value nested deeper than ``repr`` can write (a ``RecursionError``) shows its
start when the start is all that shows.

IPython's pretty printer bounds the same case differently (the first 1,000 items of a sequence,
then ``...``); Jodide keeps ``repr``'s text and cuts it where the page says so.
"""

#: The containers written element by element, and what ``repr`` writes for one met again inside itself
#: (CPython's ``Py_ReprEnter``).
_AGAIN = {list: "[...]", tuple: "(...)", dict: "{...}", set: "set(...)", frozenset: "frozenset(...)"}


class _Full(Exception):
    """Raised once more than the limit has been written: nothing after it would show."""


def bounded_repr(value, limit):
    """``repr(value)``, or, when that is longer than ``limit`` characters, a text of more than
    ``limit`` characters whose first ``limit`` are those of ``repr(value)``. Whatever ``repr``
    raises, this raises."""
    writer = _Writer(limit)
    try:
        writer.value(value)
    except _Full:
        pass
    except RuntimeError:
        # A container changed while it was written (an element's repr added to it), or nesting
        # deeper than this writer's recursion allows: repr itself, whole, as before. (A RuntimeError
        # an element's own __repr__ raised is raised again by it.)
        return repr(value)
    return "".join(writer.pieces)


class _Writer:
    def __init__(self, limit):
        self.limit = limit
        self.length = 0
        self.pieces = []
        self.open = set()  # ids of the containers being written

    def put(self, text):
        self.pieces.append(text)
        self.length += len(text)
        if self.length > self.limit:
            raise _Full

    def value(self, value):
        kind = type(value)
        if kind in _AGAIN and value:
            self.container(value, kind)
        elif (kind is str or kind is bytes) and len(value) > self.limit - self.length:
            self.put(_quoted_start(value, self.limit - self.length + 1))
        else:
            self.put(repr(value))

    def container(self, value, kind):
        if id(value) in self.open:
            self.put(_AGAIN[kind])
            return
        self.open.add(id(value))
        try:
            if kind is dict:
                self.put("{")
                for index, (key, item) in enumerate(value.items()):
                    if index:
                        self.put(", ")
                    self.value(key)
                    self.put(": ")
                    self.value(item)
                self.put("}")
            elif kind is list:
                self.items("[", value, "]")
            elif kind is tuple:
                self.items("(", value, ",)" if len(value) == 1 else ")")
            elif kind is set:
                self.items("{", value, "}")
            else:
                self.items("frozenset({", value, "})")
        finally:
            self.open.discard(id(value))

    def items(self, opening, items, closing):
        self.put(opening)
        for index, item in enumerate(items):
            if index:
                self.put(", ")
            self.value(item)
        self.put(closing)


def _quoted_start(text, length):
    """The first ``length`` characters (at least) of ``repr(text)`` for a ``str`` or ``bytes`` longer
    than ``length``, quoting only its start. ``repr`` picks its quote from the whole text (double
    quotes when it holds a ``'`` and no ``"``) and escapes only that quote; the start is quoted with
    the quote characters the whole text holds added after it, so it picks the same quote and
    escapes the same way, and what those added characters became lies beyond ``length``."""
    start = text[:length]
    for quote in ("'", '"') if isinstance(text, str) else (b"'", b'"'):
        if quote in text and quote not in start:
            start += quote
    return repr(start)


__all__ = ["bounded_repr"]
