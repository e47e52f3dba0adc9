import json
import math
import unittest

from jodide_kernel.workspace import MAX_PREVIEW, preview, workspace


class BadRepr:
    def __repr__(self):
        raise ValueError("no repr")


class WorkspaceTest(unittest.TestCase):
    def test_variables_are_listed_by_name_with_type_and_preview(self):
        rows = json.loads(workspace({"b": [1, 2], "a": "text"}))
        self.assertEqual(rows, [
            {"name": "a", "type": "str", "preview": "'text'"},
            {"name": "b", "type": "list", "preview": "[1, 2]"},
        ])

    def test_modules_and_private_names_are_left_out(self):
        rows = json.loads(workspace({"math": math, "_hidden": 1, "__name__": "__main__", "shown": 2}))
        self.assertEqual([row["name"] for row in rows], ["shown"])

    def test_long_previews_are_cut_with_an_ellipsis(self):
        text = preview("x" * 500)
        self.assertEqual(len(text), MAX_PREVIEW)
        self.assertTrue(text.endswith("..."))

    def test_big_values_are_previewed_from_their_start_without_building_their_whole_repr(self):
        class Counted:
            reprs = 0

            def __repr__(self):
                Counted.reprs += 1
                return "c"

        text = preview([Counted() for _ in range(100_000)])
        self.assertTrue(text.startswith("[c, c, c") and text.endswith("..."), text)
        self.assertLessEqual(Counted.reprs, MAX_PREVIEW // 2)
        big = bytearray(b"ab" * 50_000_000)
        self.assertEqual(preview(big), repr(bytearray(b"ab" * 50))[:MAX_PREVIEW - 3] + "...")
        self.assertEqual(preview(b"xyz"), "b'xyz'")
        self.assertEqual(preview({"a": [1, 2], "b": "text"}), "{'a': [1, 2], 'b': 'text'}")
        self.assertEqual(preview((1,)), "(1,)")

    def test_a_failing_repr_is_named_not_raised(self):
        self.assertEqual(preview(BadRepr()), "<repr failed: ValueError>")

    def test_an_empty_namespace_is_an_empty_list(self):
        self.assertEqual(workspace({}), "[]")


if __name__ == "__main__":
    unittest.main()
