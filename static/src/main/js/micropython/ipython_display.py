# IPython.display for MicroPython: the classes notebooks show rich output with, written into the
# port's /lib/IPython by micropython/index.js, as the Pyodide kernel's stand-in
# (jodide_kernel/ipython/display.py) serves them there. `display` is the kernel's (kernel.py, run in
# __main__), which shows each object in its richest form.
import jodide_page
from __main__ import _display as display


def clear_output(wait=False):
    """Clears what the running chunk showed: at once, or (wait) when it next shows something."""
    jodide_page.clear(bool(wait))


class _Shown:
    """Data shown as one mime type: the text (or bytes) itself, or read from a data file."""

    def __init__(self, data=None, url=None, filename=None, metadata=None):
        if url is not None:
            raise ValueError("MicroPython cannot fetch url=: pass the data itself")
        if data is None and filename is not None:
            with open(filename, "rb" if self._binary else "r") as file:
                data = file.read()
        self.data = data

    _binary = False

    def __repr__(self):
        return "<IPython.display.%s object>" % type(self).__name__


class HTML(_Shown):
    def _repr_html_(self):
        return self.data


class Markdown(_Shown):
    def _repr_markdown_(self):
        return self.data


class SVG(_Shown):
    def _repr_svg_(self):
        return self.data


class Latex(_Shown):
    def _repr_latex_(self):
        return self.data


class Math(_Shown):
    def _repr_latex_(self):
        return "$$%s$$" % self.data.strip().strip("$")


class Pretty(_Shown):
    def __repr__(self):
        return str(self.data)


class Image(_Shown):
    """A PNG or JPEG image from its bytes (data=) or a data file (filename=)."""

    _binary = True

    def __init__(self, data=None, url=None, filename=None, format=None, metadata=None, **kwargs):
        super().__init__(data, url, filename, metadata)
        if isinstance(self.data, str):
            raise ValueError("Image takes the image's bytes (data=b'...') or filename=")
        name = (filename or "").lower()
        self.format = (format or ("jpeg" if name.endswith((".jpg", ".jpeg")) else "png")).lower()

    def _repr_png_(self):
        return self.data if self.format == "png" else None

    def _repr_jpeg_(self):
        return self.data if self.format in ("jpeg", "jpg") else None
