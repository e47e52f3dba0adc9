"""``IPython.display`` as Jodide provides it: IPython's display classes and functions over Jodide's display.

Each object shows through its ``_repr_*_`` methods, as IPython's do, so ``display(HTML(...))`` and a
chunk ending in ``Markdown(...)`` show as in Jupyter. Given: ``display``, ``clear_output``,
``update_display`` (for displays of the chunk that runs), ``DisplayHandle``, ``DisplayObject``,
``TextDisplayObject``, ``HTML``, ``Markdown``, ``Latex``, ``Math``, ``SVG``, ``JSON``, ``Pretty``,
``Code``, ``Image`` and the ``display_<format>`` functions. Not given (an ImportError names them):
``Javascript`` (code in outputs does not run in Jodide), ``IFrame``, ``Audio``, ``Video`` and the
widgets' helpers.
"""

import base64
import html
import json
import os

from jodide_kernel.display import DisplayHandle, clear_output, display, update_display

__all__ = [
    "Code", "DisplayHandle", "DisplayObject", "HTML", "Image", "JSON", "Latex", "Markdown", "Math", "Pretty", "SVG",
    "TextDisplayObject", "clear_output", "display", "display_html", "display_jpeg", "display_json", "display_latex",
    "display_markdown", "display_png", "display_pretty", "display_svg", "update_display",
]


def _is_url(text):
    return isinstance(text, str) and text.startswith(("http://", "https://"))


def _fetch_text(url):
    # A synchronous request, as IPython's urllib one is (pyodide.http.open_url: text only).
    from pyodide.http import open_url

    return open_url(url).read()


class DisplayObject:
    """Data to show, given, or read from ``filename`` or fetched from ``url`` (as IPython's are)."""

    _read_flags = "r"

    def __init__(self, data=None, url=None, filename=None, metadata=None):
        if isinstance(data, os.PathLike):
            data = os.fspath(data)
        if _is_url(data) and url is None:
            url, data = data, None
        elif isinstance(data, str) and filename is None and "\n" not in data and len(data) < 4096 and os.path.isfile(data):
            filename, data = data, None
        self.data = data
        self.url = url
        self.filename = None if filename is None else os.fspath(filename)
        self.metadata = metadata or {}
        self.reload()
        self._check_data()

    def reload(self):
        """Reads the data again from its file or URL."""
        if self.filename is not None:
            with open(self.filename, self._read_flags) as file:
                self.data = file.read()
        elif self.url is not None:
            self.data = _fetch_text(self.url)

    def _check_data(self):
        pass

    def __repr__(self):
        return f"<IPython.core.display.{type(self).__name__} object>"


class TextDisplayObject(DisplayObject):
    """A display object whose data is text."""

    def _check_data(self):
        if isinstance(self.data, bytes):
            self.data = self.data.decode("utf-8", "replace")
        if self.data is not None and not isinstance(self.data, str):
            raise TypeError(f"{type(self).__name__} expects text, not {type(self.data).__name__}")


class HTML(TextDisplayObject):
    def _repr_html_(self):
        return self.data

    def __html__(self):
        return self.data


class Markdown(TextDisplayObject):
    def _repr_markdown_(self):
        return self.data


class Latex(TextDisplayObject):
    def _repr_latex_(self):
        return self.data


class Math(TextDisplayObject):
    """An equation, shown in display style (IPython's ``Math``)."""

    def _repr_latex_(self):
        return r"$\displaystyle %s$" % (self.data or "").strip().strip("$")


class SVG(DisplayObject):
    def _check_data(self):
        if isinstance(self.data, bytes):
            self.data = self.data.decode("utf-8", "replace")

    def _repr_svg_(self):
        return self.data


class Pretty(TextDisplayObject):
    def _repr_mimebundle_(self):
        return {"text/plain": self.data}


class Code(TextDisplayObject):
    """Source code, shown as text (IPython colours it with Pygments)."""

    def __init__(self, data=None, url=None, filename=None, language=None):
        self.language = language
        super().__init__(data=data, url=url, filename=filename)

    def _repr_mimebundle_(self):
        return {"text/plain": self.data}


class JSON(DisplayObject):
    """JSON data (a dict or a list, or its text), shown as indented text."""

    def __init__(self, data=None, url=None, filename=None, expanded=False, metadata=None, root="root", **kwargs):
        self.expanded = expanded
        self.root = root
        super().__init__(data=data, url=url, filename=filename, metadata=metadata)

    def _check_data(self):
        if isinstance(self.data, (str, bytes)):
            self.data = json.loads(self.data)
        if not isinstance(self.data, (dict, list)):
            raise TypeError(f"JSON expects a dict or a list, not {type(self.data).__name__}")

    def _repr_mimebundle_(self):
        return {"application/json": self.data, "text/plain": json.dumps(self.data, indent=2, default=str)}


_IMAGE_MAGIC = ((b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8", "jpeg"), (b"GIF8", "gif"))
_IMAGE_TYPES = {"png": "image/png", "jpeg": "image/jpeg", "jpg": "image/jpeg", "gif": "image/gif", "webp": "image/webp"}


class Image(DisplayObject):
    """A PNG, JPEG, GIF or WebP picture: bytes, a file, or a URL the page loads (IPython's ``Image``)."""

    _read_flags = "rb"

    def __init__(self, data=None, url=None, filename=None, format=None, embed=None, width=None, height=None,
                 retina=False, unconfined=False, metadata=None, alt=None):
        if _is_url(data) and url is None:
            url, data = data, None
        self.format = None if format is None else format.lower()
        self.embed = embed if embed is not None else url is None
        self.width = width
        self.height = height
        self.retina = retina
        self.unconfined = unconfined
        self.alt = alt
        if url is not None and not self.embed:
            # Shown as <img src="url">: the page loads it, nothing is read here.
            self.data, self.url, self.filename, self.metadata = None, url, None, metadata or {}
            return
        super().__init__(data=data, url=None, filename=filename, metadata=metadata)
        if self.format is None and self.filename is not None:
            self.format = os.path.splitext(self.filename)[1].lstrip(".").lower() or None
        if self.format is None and isinstance(self.data, (bytes, bytearray)):
            self.format = next((name for magic, name in _IMAGE_MAGIC if self.data.startswith(magic)), None)
            if self.format is None and self.data[:4] == b"RIFF" and self.data[8:12] == b"WEBP":
                self.format = "webp"
        if self.format not in _IMAGE_TYPES:
            raise ValueError(f"Image: cannot tell a PNG, JPEG, GIF or WebP picture from this data (format={format!r})")

    def _check_data(self):
        if self.data is not None and not isinstance(self.data, (bytes, bytearray)):
            raise TypeError(f"Image expects bytes, a file name or a URL, not {type(self.data).__name__}")

    def _attributes(self):
        parts = []
        for name, value in (("width", self.width), ("height", self.height), ("alt", self.alt)):
            if value is not None:
                parts.append(f' {name}="{html.escape(str(value), quote=True)}"')
        return "".join(parts)

    def _repr_html_(self):
        if self.url is not None and not self.embed:
            return f'<img src="{html.escape(self.url, quote=True)}"{self._attributes()}>'
        if self.width is None and self.height is None and self.alt is None and self.format in ("png", "jpeg", "jpg"):
            return None  # the picture itself (_repr_png_, _repr_jpeg_) is the richest form
        encoded = base64.b64encode(bytes(self.data)).decode("ascii")
        return f'<img src="data:{_IMAGE_TYPES[self.format]};base64,{encoded}"{self._attributes()}>'

    def _repr_png_(self):
        return bytes(self.data) if self.embed and self.format == "png" else None

    def _repr_jpeg_(self):
        return bytes(self.data) if self.embed and self.format in ("jpeg", "jpg") else None


def _display_function(name, mime):
    """IPython's ``display_<format>``: each object in that format only, or (``raw``) each given as its data."""

    def display_format(*objs, raw=False, metadata=None):
        if raw:
            for data in objs:
                display({mime: data}, raw=True)
        else:
            display(*objs, include=[mime])

    display_format.__name__ = display_format.__qualname__ = name
    display_format.__doc__ = f"Shows each object as {mime} (its data itself with raw=True), as IPython's {name}."
    return display_format


display_html = _display_function("display_html", "text/html")
display_markdown = _display_function("display_markdown", "text/markdown")
display_latex = _display_function("display_latex", "text/latex")
display_svg = _display_function("display_svg", "image/svg+xml")
display_png = _display_function("display_png", "image/png")
display_jpeg = _display_function("display_jpeg", "image/jpeg")
display_json = _display_function("display_json", "application/json")
display_pretty = _display_function("display_pretty", "text/plain")
