"""The user's variables, for the editor's workspace view."""

import inspect
import json

import __main__

# Characters of a value's repr shown at most (the last three are "...").
MAX_PREVIEW = 100


def preview(value):
    """A short repr of ``value``; never raises."""
    try:
        text = repr(value)
    except BaseException as exc:
        text = f"<repr failed: {type(exc).__name__}>"
    if len(text) > MAX_PREVIEW:
        text = text[:MAX_PREVIEW - 3] + "..."
    return text


def workspace(namespace=None):
    """The variables of ``namespace`` (default ``__main__``) as a JSON array of {name, type, preview},
    sorted by name; modules and names starting with ``_`` are left out."""
    if namespace is None:
        namespace = __main__.__dict__
    rows = []
    for name, value in list(namespace.items()):
        if name.startswith("_") or inspect.ismodule(value):
            continue
        rows.append({"name": name, "type": type(value).__name__, "preview": preview(value)})
    rows.sort(key=lambda row: row["name"])
    return json.dumps(rows)
