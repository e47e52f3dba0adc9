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

    def test_a_failing_repr_is_named_not_raised(self):
        self.assertEqual(preview(BadRepr()), "<repr failed: ValueError>")

    def test_an_empty_namespace_is_an_empty_list(self):
        self.assertEqual(workspace({}), "[]")


if __name__ == "__main__":
    unittest.main()
