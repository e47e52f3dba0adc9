import base64
import importlib
import io
import os
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
