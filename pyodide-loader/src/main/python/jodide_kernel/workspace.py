"""The user's variables, for the editor's workspace view."""

import inspect
import json
import reprlib

import __main__

from . import shell

# Characters of a value's repr shown at most (the last three are "...").
MAX_PREVIEW = 100


class _Preview(reprlib.Repr):
    """reprlib sized for a preview: containers show their first elements, and strings and bytes
    are cut before their repr is built, so a 100 MiB bytearray costs a 100-character repr, not a
    419-million-character one. Other objects get their own repr (numpy and pandas keep theirs short)."""

    def __init__(self):
        super().__init__()
        self.maxlevel = 3
        self.maxtuple = self.maxlist = self.maxarray = self.maxdict = MAX_PREVIEW // 2
        self.maxset = self.maxfrozenset = self.maxdeque = MAX_PREVIEW // 2
        self.maxlong = self.maxother = MAX_PREVIEW

    def repr_str(self, value, level):
        return repr(value[:MAX_PREVIEW + 1])

    def repr_bytes(self, value, level):
        return repr(value[:MAX_PREVIEW + 1])

    def repr_bytearray(self, value, level):
        return repr(value[:MAX_PREVIEW + 1])

    def repr_instance(self, value, level):
        # The object's own repr, cut at the end by preview(); a failing one is named there.
        return repr(value)


_PREVIEW = _Preview()


def preview(value):
    """A short repr of ``value``; never raises."""
    try:
        text = _PREVIEW.repr(value)
    except BaseException as exc:
        text = f"<repr failed: {type(exc).__name__}>"
    if len(text) > MAX_PREVIEW:
        text = text[:MAX_PREVIEW - 3] + "..."
    return text


def workspace(namespace=None):
    """The variables of ``namespace`` (default ``__main__``) as a JSON array of {name, type, preview},
    sorted by name; modules, names starting with ``_`` and the kernel's ``get_ipython`` are left out."""
    if namespace is None:
        namespace = __main__.__dict__
    rows = []
    for name, value in list(namespace.items()):
        if name.startswith("_") or inspect.ismodule(value) or shell.is_installed(name, value):
            continue
        rows.append({"name": name, "type": type(value).__name__, "preview": preview(value)})
    rows.sort(key=lambda row: row["name"])
    return json.dumps(rows)
