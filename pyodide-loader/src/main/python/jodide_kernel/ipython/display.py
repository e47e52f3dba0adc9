"""``IPython.display`` as Jodide provides it: IPython's display classes and functions over Jodide's display.

Each object shows through its ``_repr_*_`` methods, as IPython's do, so ``display(HTML(...))`` and a
chunk ending in ``Markdown(...)`` show as in Jupyter. Given: ``display``, ``clear_output``,
``update_display`` (for displays of the chunk that runs), ``DisplayHandle``, ``DisplayObject``,
``TextDisplayObject``, ``HTML``, ``Markdown``, ``Latex``, ``Math``, ``SVG``, ``JSON``, ``Pretty``,
``Code``, ``Image``, ``Audio`` (a sound from samples, bytes, a file or a URL), ``Video``, ``IFrame`` and
``YouTubeVideo`` (a page in a frame of the output, sandboxed: its scripts run in an origin of their own)
and the ``display_<format>`` functions. Not given (an ImportError names them): ``Javascript`` (code in
outputs does not run in Jodide: a js chunk runs it) and the widgets' helpers.
"""

import base64
import html
import json
import os
import struct

from jodide_kernel.display import DisplayHandle, clear_output, display, update_display

__all__ = [
    "Audio", "Code", "DisplayHandle", "DisplayObject", "HTML", "IFrame", "Image", "JSON", "Latex", "Markdown", "Math",
    "Pretty", "SVG", "Video", "YouTubeVideo",
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


_AUDIO_TYPES = {"wav": "audio/wav", "mp3": "audio/mpeg", "ogg": "audio/ogg", "oga": "audio/ogg", "opus": "audio/ogg",
                "flac": "audio/flac", "m4a": "audio/mp4", "aac": "audio/aac", "webm": "audio/webm"}
_VIDEO_TYPES = {"mp4": "video/mp4", "m4v": "video/mp4", "webm": "video/webm", "ogv": "video/ogg", "ogg": "video/ogg",
                "mov": "video/quicktime"}


def _type_of(name, types, default):
    """The media type a file name or URL names by its extension (a URL's query aside), else ``default``."""
    path = name.split("?", 1)[0].split("#", 1)[0] if _is_url(name) else name
    return types.get(os.path.splitext(path)[1].lstrip(".").lower(), default)


def _samples_as_wav(samples, rate, normalize):
    """A 16-bit PCM WAV file of ``samples``: one channel's values, or one sequence per channel (a NumPy
    array of either shape too, read through its ``tolist()``)."""
    if rate is None:
        raise ValueError("Audio: rate (samples per second) is needed to play samples")
    if hasattr(samples, "tolist"):
        samples = samples.tolist()
    samples = list(samples)
    rows = [list(row) for row in samples] if samples and isinstance(samples[0], (list, tuple)) else [samples]
    if len({len(row) for row in rows}) > 1:
        raise ValueError("Audio: every channel needs as many samples")
    channels = len(rows)
    interleaved = [float(value) for frame in zip(*rows) for value in frame]
    peak = max((abs(value) for value in interleaved), default=0.0)
    scaled = _scale(peak, normalize)
    frames = struct.pack(f"<{len(interleaved)}h", *(round(value * scaled) for value in interleaved))
    rate = int(rate)
    header = struct.pack("<4sI4s4sIHHIIHH4sI", b"RIFF", 36 + len(frames), b"WAVE", b"fmt ", 16, 1, channels, rate,
                         rate * channels * 2, channels * 2, 16, b"data", len(frames))
    return header + frames


def _scale(peak, normalize):
    """The factor that makes samples 16-bit integers: the loudest at full scale, or [-1, 1] as given."""
    if normalize:
        return 32767 / peak if peak > 0 else 0.0
    if peak > 1:
        raise ValueError("Audio: with normalize=False, samples must lie between -1 and 1")
    return 32767


class Audio(DisplayObject):
    """A sound with the browser's player: samples (a NumPy array or lists, at ``rate`` per second), the
    bytes of a sound file, a file, or a URL the page loads (IPython's ``Audio``)."""

    _read_flags = "rb"

    def __init__(self, data=None, filename=None, url=None, embed=None, rate=None, autoplay=False, normalize=True,
                 element_id=None):
        if _is_url(data) and url is None:
            url, data = data, None
        if url is not None and embed:
            raise ValueError("Audio: a sound from a URL is played from there: leave embed unset (or False)")
        self.embed = url is None
        self.autoplay = autoplay
        self.element_id = element_id
        self.mimetype = None
        if url is not None:
            self.data, self.url, self.filename, self.metadata = None, url, None, {}
            self.mimetype = _type_of(url, _AUDIO_TYPES, None)
            return
        if data is not None and not isinstance(data, (bytes, bytearray, str, os.PathLike)):
            data = _samples_as_wav(data, rate, normalize)
            self.mimetype = "audio/wav"
        super().__init__(data=data, filename=filename)
        if self.mimetype is None:
            self.mimetype = (_type_of(self.filename, _AUDIO_TYPES, "audio/wav") if self.filename
                             else _sniffed_audio_type(self.data))

    def _check_data(self):
        if isinstance(self.data, bytearray):
            self.data = bytes(self.data)
        if not isinstance(self.data, bytes):
            raise TypeError(f"Audio expects samples, the bytes of a sound file, a file name or a URL, not {type(self.data).__name__}")

    def _repr_html_(self):
        source = (html.escape(self.url, quote=True) if not self.embed
                  else f"data:{self.mimetype};base64,{base64.b64encode(self.data).decode('ascii')}")
        kind = f' type="{self.mimetype}"' if self.mimetype else ""
        element_id = f' id="{html.escape(str(self.element_id), quote=True)}"' if self.element_id is not None else ""
        autoplay = " autoplay" if self.autoplay else ""
        return (f'<audio controls{autoplay}{element_id}><source src="{source}"{kind}>'
                "Your browser cannot play this sound.</audio>")


def _sniffed_audio_type(data):
    """The type of a sound file's bytes, by their first bytes (WAV when unknown)."""
    if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        return "audio/wav"
    if data[:3] == b"ID3" or data[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        return "audio/mpeg"
    if data[:4] == b"OggS":
        return "audio/ogg"
    if data[:4] == b"fLaC":
        return "audio/flac"
    return "audio/wav"


class Video(DisplayObject):
    """A video with the browser's player: a URL the page loads, or (embedded) the bytes of a file
    (IPython's ``Video``). A file is always embedded: the browser cannot reach Python's folder."""

    _read_flags = "rb"

    def __init__(self, data=None, url=None, filename=None, embed=False, mimetype=None, width=None, height=None,
                 html_attributes="controls"):
        if isinstance(data, os.PathLike):
            data = os.fspath(data)
        if _is_url(data) and url is None:
            url, data = data, None
        elif isinstance(data, str) and filename is None:
            filename, data = data, None
        if url is not None and embed:
            raise ValueError("Video: a video from a URL is played from there: leave embed=False")
        if data is not None and mimetype is None:
            raise ValueError("Video: the bytes of a video need their mimetype (for instance 'video/mp4')")
        self.embed = url is None
        self.width = width
        self.height = height
        self.html_attributes = html_attributes
        name = url or filename
        self.mimetype = mimetype or (_type_of(name, _VIDEO_TYPES, "video/mp4") if name else None)
        if url is not None:
            self.data, self.url, self.filename, self.metadata = None, url, None, {}
            return
        super().__init__(data=data, url=None, filename=filename)

    def _check_data(self):
        if isinstance(self.data, bytearray):
            self.data = bytes(self.data)
        if not isinstance(self.data, bytes):
            raise TypeError(f"Video expects the bytes of a video, a file name or a URL, not {type(self.data).__name__}")

    def _repr_html_(self):
        size = "".join(f' {name}="{int(value)}"' for name, value in (("width", self.width), ("height", self.height))
                       if value is not None)
        attributes = f" {html.escape(self.html_attributes, quote=True)}" if self.html_attributes else ""
        if not self.embed:
            return (f'<video src="{html.escape(self.url, quote=True)}"{attributes}{size}>'
                    "Your browser cannot play this video.</video>")
        encoded = base64.b64encode(self.data).decode("ascii")
        return (f'<video{attributes}{size}><source src="data:{self.mimetype};base64,{encoded}" type="{self.mimetype}">'
                "Your browser cannot play this video.</video>")


class IFrame:
    """A web page in a frame of the output (IPython's ``IFrame``): ``src`` with ``kwargs`` as its query,
    ``extras`` more attributes written as given. The frame is sandboxed to scripts only, whatever the
    attributes ask: the page runs in an origin of its own, and a page that refuses to be framed shows
    nothing."""

    def __init__(self, src, width, height, extras=None, **kwargs):
        self.src = src
        self.width = width
        self.height = height
        self.extras = list(extras or [])
        self.params = kwargs

    def _repr_html_(self):
        from urllib.parse import urlencode

        query = ("&" if "?" in self.src else "?") + urlencode(self.params) if self.params else ""
        extras = "".join(f" {extra}" for extra in self.extras)
        return (f'<iframe width="{html.escape(str(self.width), quote=True)}"'
                f' height="{html.escape(str(self.height), quote=True)}"'
                f' src="{html.escape(self.src + query, quote=True)}" frameborder="0" allowfullscreen{extras}></iframe>')


class YouTubeVideo(IFrame):
    """A YouTube video in the site's player (IPython's ``YouTubeVideo``): ``id`` as in its address,
    ``kwargs`` the player's parameters (``start=30``)."""

    def __init__(self, id, width=400, height=300, allow_autoplay=False, **kwargs):
        self.id = id
        extras = list(kwargs.pop("extras", []))
        if allow_autoplay:
            kwargs["autoplay"] = 1
            extras.append('allow="autoplay"')
        super().__init__(f"https://www.youtube-nocookie.com/embed/{id}", width, height, extras, **kwargs)


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
