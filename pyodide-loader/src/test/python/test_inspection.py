import math
import unittest

from jodide_kernel.inspection import MAX_DOC, inspect_at, name_at


def area(radius, *, digits=2):
    """Area of a circle.

    More words."""
    return round(math.pi * radius * radius, digits)


class Shape:
    """A shape."""

    def __init__(self, sides):
        self.sides = sides

    @property
    def broken(self):
        raise RuntimeError("no")


class NameAtTest(unittest.TestCase):
    def test_the_name_the_cursor_is_on_or_after(self):
        self.assertEqual(name_at("x = math.pi", 11), "math.pi")
        self.assertEqual(name_at("x = math.pi", 10), "math.pi")
        self.assertEqual(name_at("x = math.pi", 7), "math")
        self.assertEqual(name_at("x = math.pi + 1", 4), "math")
        self.assertIsNone(name_at("x = 1 + ", 8))

    def test_in_a_call_the_callee(self):
        self.assertEqual(name_at("area(2, ", 8), "area")
        self.assertEqual(name_at("print(area(2), len([1, ", 23), "len")
        self.assertEqual(name_at("np.linspace(0, np.pi", 20), "np.linspace")
        self.assertEqual(name_at("area(2) + x", 11), "x")

    def test_brackets_in_strings_and_comments_do_not_count(self):
        self.assertEqual(name_at("f(')', '''\n)''', # )\n", 21), "f")
        self.assertEqual(name_at("if (x", 5), "x")


class InspectTest(unittest.TestCase):
    namespace = {"math": math, "area": area, "Shape": Shape, "shape": Shape(3), "total": 42, "text": "x" * 500}

    def help(self, code, cursor=None):
        return inspect_at(code, len(code) if cursor is None else cursor, self.namespace)

    def test_a_function_shows_its_signature_and_docstring(self):
        self.assertEqual(self.help("area("), "Signature: area(radius, *, digits=2)\nType:      function\n"
                                             "Docstring:\nArea of a circle.\n\nMore words.")

    def test_a_class_shows_how_it_is_made(self):
        text = self.help("Shape")
        self.assertTrue(text.startswith("Signature: Shape(sides)\nType:      type\nDocstring:\nA shape."), text)

    def test_data_shows_its_type_and_a_bounded_value(self):
        self.assertEqual(self.help("total"), "Type:      int\nValue:     42")
        text = self.help("text")
        self.assertLess(len(text), 200, text)
        self.assertIn("test_inspection.Shape", self.help("shape"))

    def test_modules_builtins_and_attributes(self):
        self.assertTrue(self.help("math").startswith("Type:      module\nDocstring:\n"), self.help("math"))
        self.assertTrue(self.help("len(").startswith("Signature: len(obj, /)\n"), self.help("len("))
        self.assertTrue(self.help("math.sqrt(2").startswith("Signature: math.sqrt(x, /)\n"), self.help("math.sqrt(2"))

    def test_nothing_to_say_is_an_empty_text(self):
        self.assertEqual(self.help("nothing_here"), "")
        self.assertEqual(self.help("math.nothing"), "")
        self.assertEqual(self.help("1 + "), "")
        self.assertEqual(self.help("shape.broken"), "")

    def test_long_docstrings_are_cut(self):
        def long():
            pass
        long.__doc__ = "word " * MAX_DOC
        text = inspect_at("long", 4, {"long": long})
        self.assertTrue(text.endswith("\n[…]"), text[-20:])
        self.assertLess(len(text), MAX_DOC + 100)
