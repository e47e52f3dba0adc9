import base64
import builtins
import json
import os
import sys
import types
import unittest

from jodide_kernel import display
from kernel_test_support import install_display_for


class Html:
    def _repr_html_(self):
        return "<b>bold</b>"


class Everything:
    def _repr_html_(self):
        return "<i>html</i>"

    def _repr_markdown_(self):
        return "*markdown*"


class BundleWithMetadata:
    def _repr_mimebundle_(self):
        return ({"image/svg+xml": "<svg/>", "text/plain": "a picture"}, {"image/svg+xml": {"isolated": True}})


class Png:
    def _repr_png_(self):
        return b"\x89PNG"


class Json:
    def _repr_mimebundle_(self):
        return {"application/json": {"a": 1}}


class DeclinesHtml:
    def _repr_html_(self):
        return None


class DisplaySinkTest(unittest.TestCase):
    def setUp(self):
        self.shown = install_display_for(self)

    def test_install_makes_display_a_builtin_and_selects_a_windowless_matplotlib(self):
        self.assertIs(builtins.display, display.display)
        self.assertEqual(os.environ["MPLBACKEND"], "agg")

    def test_display_sends_the_richest_form_of_each_object_in_order(self):
        display.display(Html(), 42)
        self.assertEqual(self.shown, [("text/html", "<b>bold</b>"), ("text/plain", "42")])

    def test_open_figures_are_shown_as_png_and_closed(self):
        closed = []

        class Figure:
            def savefig(self, buffer, format, bbox_inches):
                buffer.write(b"png-bytes-" + format.encode())

        pyplot = types.ModuleType("matplotlib.pyplot")
        pyplot.get_fignums = lambda: [1, 2]
        pyplot.figure = lambda number: Figure()
        pyplot.close = closed.append
        sys.modules["matplotlib.pyplot"] = pyplot
        try:
            display.show_open_figures()
        finally:
            del sys.modules["matplotlib.pyplot"]
        self.assertEqual(len(closed), 2)
        self.assertEqual(self.shown, [("image/png", base64.b64encode(b"png-bytes-png").decode("ascii"))] * 2)

    def test_without_pyplot_no_figure_is_shown(self):
        sys.modules.pop("matplotlib.pyplot", None)
        display.show_open_figures()
        self.assertEqual(self.shown, [])


class RichestFormTest(unittest.TestCase):
    def richest(self, value):
        return display.richest(display.mime_bundle(value))

    def test_plain_values_are_their_repr(self):
        self.assertEqual(self.richest([1, "a"]), ("text/plain", "[1, 'a']"))

    def test_html_beats_markdown(self):
        self.assertEqual(self.richest(Everything()), ("text/html", "<i>html</i>"))

    def test_a_mime_bundle_with_metadata_gives_its_data(self):
        self.assertEqual(self.richest(BundleWithMetadata()), ("image/svg+xml", "<svg/>"))

    def test_binary_images_travel_as_base64(self):
        self.assertEqual(self.richest(Png()), ("image/png", base64.b64encode(b"\x89PNG").decode("ascii")))

    def test_a_repr_method_returning_none_is_skipped(self):
        self.assertEqual(self.richest(DeclinesHtml())[0], "text/plain")

    def test_a_class_is_shown_by_its_repr_not_its_unbound_repr_methods(self):
        self.assertEqual(self.richest(Html), ("text/plain", repr(Html)))

    def test_a_long_plain_text_is_cut_and_says_so(self):
        mime, text = self.richest(list(range(1_000_000)))
        self.assertEqual(mime, "text/plain")
        self.assertEqual(len(text), display.VALUE_TEXT_LENGTH + len(display.VALUE_CUT_MARKER))
        self.assertTrue(text.startswith("[0, 1, 2, 3, "))
        self.assertTrue(text.endswith(" … [value cut: only its first 10,000 characters are shown]"))
        self.assertEqual(self.richest("x" * display.VALUE_TEXT_LENGTH)[1], repr("x" * display.VALUE_TEXT_LENGTH)[:10_000]
                         + display.VALUE_CUT_MARKER, "a string's repr has its quotes: two over the bound")
        self.assertEqual(self.richest("x" * (display.VALUE_TEXT_LENGTH - 2))[1], repr("x" * (display.VALUE_TEXT_LENGTH - 2)))

    def test_only_plain_text_is_cut(self):
        class LongHtml:
            def _repr_html_(self):
                return "<p>" + "x" * 20_000 + "</p>"
        self.assertEqual(len(self.richest(LongHtml())[1]), 20_007)

    def test_unknown_mime_types_fall_back_to_text_plain(self):
        bundle = display.mime_bundle(Json())
        self.assertEqual(bundle["application/json"], {"a": 1})
        self.assertEqual(display.richest(bundle)[0], "text/plain")


class AsTextTest(unittest.TestCase):
    def test_svg_bytes_are_decoded_not_base64(self):
        self.assertEqual(display.as_text("image/svg+xml", b"<svg/>"), "<svg/>")

    def test_dicts_become_json(self):
        self.assertEqual(json.loads(display.as_text("application/json", {"a": [1, 2]})), {"a": [1, 2]})

    def test_text_bytes_with_bad_utf8_are_replaced(self):
        self.assertEqual(display.as_text("text/html", b"a\xffb"), "a\ufffdb")


if __name__ == "__main__":
    unittest.main()
