"""Rich display, following IPython's protocol.

The richest form of a value is chosen in this order: ``_repr_mimebundle_``, ``_repr_html_``,
``_repr_svg_``, ``_repr_png_``, ``_repr_jpeg_``, ``_repr_markdown_``, ``_repr_latex_``, then
``repr``. It is sent to the editor through the display sink as (mime type, data, display id or
"", update); binary images travel as base64.

``display`` takes IPython's arguments (``raw``, ``include``, ``exclude``, ``clear``, ``display_id``;
``metadata`` and ``transient`` are accepted and unused), and :func:`clear_output` clears what the
running chunk showed, at once or (``wait=True``) when it next shows something: the Java side keeps
that wait (``PythonRuntime``). A display shown with a ``display_id`` can be shown again in its
place (:func:`update_display`, a :class:`DisplayHandle`'s ``update``), from its chunk or a later
one: the sink gets the id and whether it is an update; the page keeps the displays by id.
Within :func:`captured` (``%%capture``), displays and clearings go to other sinks instead.

Matplotlib: :func:`install` sets ``MPLBACKEND`` to ``agg`` (no window); after a run, if
``matplotlib.pyplot`` was imported, :func:`show_open_figures` displays every open figure as a PNG
and closes it, the way JupyterLite's inline backend shows plots.
"""

import base64
import builtins
import contextlib
import inspect
import io
import json
import os
import sys

from .bounded_repr import bounded_repr

_display_sink = None
_clear_sink = None

# (method, mime type) in the order the richest form is chosen.
REPR_METHODS = (
    ("_repr_html_", "text/html"),
    ("_repr_svg_", "image/svg+xml"),
    ("_repr_png_", "image/png"),
    ("_repr_jpeg_", "image/jpeg"),
    ("_repr_markdown_", "text/markdown"),
    ("_repr_latex_", "text/latex"),
)
MIME_ORDER = tuple(mime for _, mime in REPR_METHODS)


def install(sink, clear_sink=None):
    """Sends rich output to ``sink(mime, data, display_id, update)`` and clearings to ``clear_sink(wait)`` from now on, and makes ``display`` a builtin."""
    global _display_sink, _clear_sink
    _display_sink = sink
    _clear_sink = clear_sink
    os.environ.setdefault("MPLBACKEND", "agg")
    builtins.display = display


@contextlib.contextmanager
def captured(sink, clear_sink):
    """Sends rich output to ``sink`` and clearings to ``clear_sink`` (as :func:`install` takes them) within the block only: %%capture's."""
    global _display_sink, _clear_sink
    saved = _display_sink, _clear_sink
    _display_sink, _clear_sink = sink, clear_sink
    try:
        yield
    finally:
        _display_sink, _clear_sink = saved


def as_text(mime, data):
    """The data of one mime type as text: base64 for binary images, JSON for dicts and lists."""
    if isinstance(data, (bytes, bytearray, memoryview)):
        if mime.startswith("image/") and mime != "image/svg+xml":
            return base64.b64encode(bytes(data)).decode("ascii")
        return bytes(data).decode("utf-8", "replace")
    if isinstance(data, (dict, list)):
        return json.dumps(data)
    return str(data)


def _unwrap(data):
    # IPython lets a _repr_*_ method return (data, metadata).
    return data[0] if isinstance(data, tuple) else data


def mime_bundle(value):
    """Every form ``value`` offers, by mime type; ``text/plain`` is always there: its repr, built
    only as far as :func:`richest` shows it (:func:`~jodide_kernel.bounded_repr.bounded_repr`)."""
    bundle = {}
    if not inspect.isclass(value):
        method = getattr(value, "_repr_mimebundle_", None)
        if callable(method):
            data = _unwrap(method())
            if isinstance(data, dict):
                bundle.update(data)
        for name, mime in REPR_METHODS:
            if mime in bundle:
                continue
            method = getattr(value, name, None)
            if callable(method):
                data = _unwrap(method())
                if data is not None:
                    bundle[mime] = data
    if "text/plain" not in bundle:
        bundle["text/plain"] = bounded_repr(value, VALUE_TEXT_LENGTH)
    return bundle


#: Longest ``text/plain`` form of a value or display shown, in characters: the same bound as the
#: frame's for JavaScript values (frame/value-text.js, ``VALUE_TEXT_LENGTH``). ``list(range(10**7))``
#: as a chunk's last line would otherwise send an 89-million-character line to the page (and its repr
#: is built only this far: :func:`mime_bundle`).
VALUE_TEXT_LENGTH = 10_000
#: What ends a text cut at ``VALUE_TEXT_LENGTH`` (the frame writes the same).
VALUE_CUT_MARKER = f" … [value cut: only its first {VALUE_TEXT_LENGTH:,} characters are shown]"


def bounded_plain_text(text):
    """``text`` as the page shows a value's plain text: cut at ``VALUE_TEXT_LENGTH``, saying so."""
    if len(text) <= VALUE_TEXT_LENGTH:
        return text
    return text[:VALUE_TEXT_LENGTH] + VALUE_CUT_MARKER


def richest(bundle):
    """(mime type, text) of the richest form in ``bundle``; None when it has no form the editor shows.
    Its plain text is cut as :func:`bounded_plain_text` says."""
    for mime in MIME_ORDER + ("text/plain",):
        if mime in bundle:
            text = as_text(mime, bundle[mime])
            return mime, bounded_plain_text(text) if mime == "text/plain" else text
    return None


def _send(mime, data, display_id="", update=False):
    sys.stdout.flush()
    sys.stderr.flush()
    if _display_sink is not None:
        _display_sink(mime, data, display_id, update)


class DisplayHandle:
    """What ``display(..., display_id=...)`` returns, as in IPython."""

    def __init__(self, display_id=None):
        self.display_id = new_display_id() if display_id in (None, True) else str(display_id)

    def __repr__(self):
        return f"<DisplayHandle display_id={self.display_id}>"

    def display(self, obj, **kwargs):
        """Shows ``obj`` after what the chunk showed so far, as one more display of this id."""
        display(obj, display_id=self.display_id, **kwargs)

    def update(self, obj, **kwargs):
        update_display(obj, display_id=self.display_id, **kwargs)


def new_display_id():
    """A fresh display id, as ``display_id=True`` makes one."""
    return os.urandom(16).hex()


def _richest_of(value, raw, include, exclude):
    bundle = dict(value) if raw else mime_bundle(value)
    if include is not None:
        bundle = {mime: data for mime, data in bundle.items() if mime in include}
    if exclude is not None:
        bundle = {mime: data for mime, data in bundle.items() if mime not in exclude}
    return richest(bundle)


def display(*objects, include=None, exclude=None, metadata=None, transient=None, display_id=None,
            raw=False, clear=False, **kwargs):
    """Shows each object in the output of the running chunk, in its richest form (IPython's arguments).

    With ``display_id`` (``True`` for a new one) the objects can be shown again in place
    (:func:`update_display`), and the :class:`DisplayHandle` is returned.
    """
    if clear:
        clear_output(wait=True)
    handle = None if display_id in (None, False) else DisplayHandle(display_id)
    for value in objects:
        shown = _richest_of(value, raw, include, exclude)
        if shown is not None:
            _send(*shown, handle.display_id if handle else "", False)
    return handle


def update_display(obj, *, display_id, include=None, exclude=None, metadata=None, transient=None, raw=False, **kwargs):
    """Shows ``obj`` in place of what the displays of ``display_id`` show, this chunk's or earlier ones' (nothing if none)."""
    shown = _richest_of(obj, raw, include, exclude)
    if shown is not None:
        _send(*shown, str(display_id), True)


def clear_output(wait=False):
    """Clears what the running chunk showed: at once, or (``wait``) when it next shows something."""
    sys.stdout.flush()
    sys.stderr.flush()
    if _clear_sink is not None:
        _clear_sink(bool(wait))


def show_open_figures():
    """Displays every open Matplotlib figure as a PNG and closes it (nothing if pyplot was never imported)."""
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is None:
        return
    for number in pyplot.get_fignums():
        figure = pyplot.figure(number)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", bbox_inches="tight")
        pyplot.close(figure)
        _send("image/png", base64.b64encode(buffer.getvalue()).decode("ascii"))
