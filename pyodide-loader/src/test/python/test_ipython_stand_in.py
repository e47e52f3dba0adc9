import base64
import importlib
import io
import os
import struct
import sys
import tempfile
import unittest

from jodide_kernel import display, stand_ins
from jodide_kernel.imports import missing_imports
from kernel_test_support import display_sink

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 8


def forget_ipython():
    for name in [name for name in sys.modules if name == "IPython" or name.startswith("IPython.")]:
        del sys.modules[name]


class IPythonStandInTest(unittest.TestCase):
    def setUp(self):
        self.shown = []
        self.cleared = []
        display.install(display_sink(self.shown), self.cleared.append)
        stand_ins.install_stand_ins()
        forget_ipython()

    def tearDown(self):
        display.install(None)
        forget_ipython()

    def test_a_jupyter_chunk_imports_and_shows_rich_output(self):
        from IPython.display import HTML, Latex, Markdown, Math, SVG, display as ipython_display

        ipython_display(HTML("<b>bold</b>"), Markdown("*it*"), Latex(r"$x^2$"), Math("x^2"), SVG("<svg/>"))
        self.assertEqual(self.shown, [("text/html", "<b>bold</b>"), ("text/markdown", "*it*"), ("text/latex", "$x^2$"),
                                      ("text/latex", r"$\displaystyle x^2$"), ("image/svg+xml", "<svg/>")])

    def test_the_older_module_names_and_no_shell(self):
        import IPython
        from IPython.core.display import HTML
        from IPython.display import HTML as SameHTML

        self.assertIs(HTML, SameHTML)
        self.assertIsNone(IPython.get_ipython())
        self.assertEqual(missing_imports("import IPython\nfrom IPython.display import display"), "",
                         "the stand-in is found: the kernel downloads no IPython")

    def test_images_from_bytes_a_file_or_a_url(self):
        from IPython.display import Image

        display.display(Image(PNG))
        self.assertEqual(self.shown[-1], ("image/png", base64.b64encode(PNG).decode("ascii")))
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "plot.png")
            with open(path, "wb") as file:
                file.write(PNG)
            display.display(Image(filename=path, width=120))
        mime, data = self.shown[-1]
        self.assertEqual(mime, "text/html")
        self.assertTrue(data.startswith('<img src="data:image/png;base64,') and data.endswith(' width="120">'), data)
        display.display(Image(url="https://example.org/a.png?x=1&y=2"))
        self.assertEqual(self.shown[-1], ("text/html", '<img src="https://example.org/a.png?x=1&amp;y=2">'))
        with self.assertRaises(ValueError):
            Image(b"not a picture")

    def test_audio_from_samples_is_a_16_bit_wav_at_full_scale_in_the_browsers_player(self):
        from IPython.display import Audio

        class Samples:  # what a NumPy array gives: tolist()
            def tolist(self):
                return [[0.0, 0.25, -0.5], [0.5, 0.0, 0.125]]

        for shown in (Audio([0.0, 0.5, -0.25, 0.25], rate=8000), Audio(Samples(), rate=22050)):
            display.display(shown)
        mono, stereo = (self._wav_of(html) for mime, html in self.shown)
        self.assertEqual(mono[:2], (1, 8000))
        self.assertEqual(mono[2], [0, 32767, -16384, 16384], "normalized: the loudest sample at full scale")
        self.assertEqual(stereo[:2], (2, 22050))
        self.assertEqual(stereo[2], [0, 32767, 16384, 0, -32767, 8192], "channels interleaved, frame by frame")
        quiet = self._wav_of(Audio([0.5, -0.5], rate=100, normalize=False)._repr_html_())
        self.assertEqual(quiet[2], [16384, -16384], "as given between -1 and 1")
        with self.assertRaises(ValueError):
            Audio([2.0], rate=100, normalize=False)
        with self.assertRaises(ValueError):
            Audio([0.1, 0.2])  # no rate

    def test_audio_from_a_file_bytes_or_a_url(self):
        from IPython.display import Audio

        wav = Audio([0.1], rate=10).data
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "beep.ogg")
            with open(path, "wb") as file:
                file.write(b"OggS rest")
            from_file = Audio(path, autoplay=True)._repr_html_()
        self.assertTrue(from_file.startswith('<audio controls autoplay><source src="data:audio/ogg;base64,'), from_file)
        self.assertIn('type="audio/wav"', Audio(wav)._repr_html_(), "the bytes tell a WAV file")
        self.assertIn('data:audio/mpeg;base64,', Audio(b"ID3 mp3 bytes")._repr_html_())
        self.assertEqual(Audio("https://example.org/a.mp3?x=1&y=2")._repr_html_(),
                         '<audio controls><source src="https://example.org/a.mp3?x=1&amp;y=2" type="audio/mpeg">'
                         'Your browser cannot play this sound.</audio>')
        with self.assertRaises(ValueError):
            Audio(url="https://example.org/a.mp3", embed=True)

    def test_video_from_a_url_or_embedded_from_a_file(self):
        from IPython.display import Video

        self.assertEqual(Video("https://example.org/clip.webm", width=320)._repr_html_(),
                         '<video src="https://example.org/clip.webm" controls width="320">'
                         'Your browser cannot play this video.</video>')
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "clip.mp4")
            with open(path, "wb") as file:
                file.write(b"mp4 bytes")
            embedded = Video(path, html_attributes="controls muted")._repr_html_()
        self.assertEqual(embedded, '<video controls muted><source src="data:video/mp4;base64,'
                         + base64.b64encode(b"mp4 bytes").decode("ascii")
                         + '" type="video/mp4">Your browser cannot play this video.</video>')
        with self.assertRaises(ValueError):
            Video(b"bytes without a type")
        self.assertIn("data:video/webm", Video(b"webm", mimetype="video/webm")._repr_html_())

    @staticmethod
    def _wav_of(html):
        """(channels, rate, samples) of the WAV file in an <audio> element's data: URL."""
        encoded = html.split("base64,", 1)[1].split('"', 1)[0]
        wav = base64.b64decode(encoded)
        riff, size, wave, fmt, fmt_size, pcm, channels, rate, byte_rate, align, bits, data, length = struct.unpack(
            "<4sI4s4sIHHIIHH4sI", wav[:44])
        assert (riff, wave, fmt, data, pcm, bits, size) == (b"RIFF", b"WAVE", b"fmt ", b"data", 1, 16, len(wav) - 8)
        assert byte_rate == rate * channels * 2 and align == channels * 2 and length == len(wav) - 44
        return channels, rate, list(struct.unpack(f"<{length // 2}h", wav[44:]))

    def test_iframe_and_youtube_video_are_frames_of_the_output(self):
        from IPython.display import IFrame, YouTubeVideo

        self.assertEqual(IFrame("https://example.org/map.html", 600, "300px", style="a&b")._repr_html_(),
                         '<iframe width="600" height="300px" src="https://example.org/map.html?style=a%26b"'
                         ' frameborder="0" allowfullscreen></iframe>')
        self.assertIn('src="data/page.html?x=1&amp;y=2"', IFrame("data/page.html?x=1", 10, 10, y=2)._repr_html_(),
                      "a relative page, its query added to, the & written as HTML wants")
        self.assertIn('height="2&quot;&gt;&lt;script&gt;"', IFrame("https://example.org", 1, '2"><script>')._repr_html_(),
                      "attributes cannot be broken out of")
        video = YouTubeVideo("dQw4w9WgXcQ", start=30, allow_autoplay=True)
        self.assertEqual(video._repr_html_(),
                         '<iframe width="400" height="300" src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'
                         '?start=30&amp;autoplay=1" frameborder="0" allowfullscreen allow="autoplay"></iframe>')
        self.assertEqual(video.id, "dQw4w9WgXcQ")

    def test_json_shows_as_indented_text(self):
        from IPython.display import JSON

        display.display(JSON({"a": [1, 2]}))
        self.assertEqual(self.shown, [("text/plain", '{\n  "a": [\n    1,\n    2\n  ]\n}')])

    def test_raw_bundles_include_exclude_and_the_display_functions(self):
        from IPython.display import HTML, display_html, display_markdown

        display.display({"text/html": "<i>raw</i>", "text/plain": "raw"}, raw=True)
        display.display(HTML("<b>b</b>"), exclude=["text/html"])
        display_html("<p>p</p>", raw=True)
        display_markdown(HTML("<b>no markdown</b>"))
        self.assertEqual(self.shown, [("text/html", "<i>raw</i>"), ("text/plain", "<IPython.core.display.HTML object>"),
                                      ("text/html", "<p>p</p>")])

    def test_clear_output_flushes_printed_text_then_asks_to_clear(self):
        from IPython.display import clear_output

        saved = sys.stdout
        sys.stdout = io.StringIO()
        flushed = []
        sys.stdout.flush = lambda: flushed.append(len(self.cleared))
        try:
            clear_output()
            clear_output(wait=True)
            display.display("again", clear=True)
        finally:
            sys.stdout = saved
        self.assertEqual(self.cleared, [False, True, True])
        self.assertEqual(flushed, [0, 1, 2, 3], "printed text goes before each clearing (and before the display)")

    def test_a_display_with_an_id_can_be_shown_again_in_place(self):
        from IPython.display import HTML, update_display

        handle = display.display(HTML("<b>1</b>"), display_id=True)
        handle.update(HTML("<b>2</b>"))
        update_display("3", display_id=handle.display_id)
        handle.display("again")
        named = display.display("x", display_id="progress")
        self.assertEqual(named.display_id, "progress")
        self.assertIsNone(display.display("plain"), "no id, no handle")
        self.assertEqual(self.shown, [
            ("text/html", "<b>1</b>", handle.display_id, False),
            ("text/html", "<b>2</b>", handle.display_id, True),
            ("text/plain", "'3'", handle.display_id, True),
            ("text/plain", "'again'", handle.display_id, False),
            ("text/plain", "'x'", "progress", False),
            ("text/plain", "'plain'"),
        ])

    def test_an_installed_ipython_wins(self):
        with tempfile.TemporaryDirectory() as folder:
            os.mkdir(os.path.join(folder, "IPython"))
            with open(os.path.join(folder, "IPython", "__init__.py"), "w") as file:
                file.write("REAL = True\n")
            sys.path.insert(0, folder)
            importlib.invalidate_caches()
            try:
                import IPython

                self.assertTrue(getattr(IPython, "REAL", False), IPython)
            finally:
                sys.path.remove(folder)
                forget_ipython()


if __name__ == "__main__":
    unittest.main()
