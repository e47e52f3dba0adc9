"""bounded_repr: a value's repr built only as far as the page shows it, and exactly repr as far as it goes."""

import unittest
from collections import OrderedDict, namedtuple

from jodide_kernel.bounded_repr import bounded_repr

LIMITS = (0, 1, 2, 3, 7, 20, 64, 1000, 10_000)


class Loud:
    def __repr__(self):
        return "Loud<\n'\"\\>"


def values():
    looped = [1, 2]
    looped.append(looped)
    looped_dict = {"a": 1}
    looped_dict["self"] = looped_dict
    holds_tuple = []
    holds_tuple.append((holds_tuple, 1))
    Point = namedtuple("Point", "x y")
    return [
        [], (), {}, set(), frozenset(), "", b"",
        [1], (1,), (1, 2), {1}, frozenset({1}), {"a": 1},
        list(range(5000)), tuple(range(3000)), set(range(4000)), frozenset(range(2000)),
        dict.fromkeys(range(2000), "v"),
        [[i, (i, str(i)), {i: [i]}] for i in range(1500)],
        {"rows": [list(range(10)) for _ in range(500)], "name": "x"},
        looped, looped_dict, holds_tuple,
        [Loud(), Loud()], OrderedDict(a=1), [OrderedDict(a=i) for i in range(300)], Point(1, 2),
        "x" * 30_000, "it's" * 4000, 'say "hi"' * 3000, "both ' and \"" * 2000, "ends with '" + "x" * 20_000 + "'",
        "a long one with a quote at its very end" * 500 + '"', "\n\t\x00é€😀" * 5000,
        b"x" * 30_000, b"it's" * 4000, b"both ' and \"" * 2000, bytes(range(256)) * 100,
        ["it's", 'say "hi"', "x" * 12_000, b"y" * 12_000],
        {"key it's": "x" * 15_000, "k": ('"', "'")},
        1.5, None, True, 12345678901234567890, Ellipsis, repr,
    ]


class BoundedReprTest(unittest.TestCase):
    def test_it_is_reprs_text_as_far_as_it_goes_and_says_when_there_is_more(self):
        for value in values():
            whole = repr(value)
            for limit in LIMITS:
                text = bounded_repr(value, limit)
                with self.subTest(value=whole[:60], limit=limit):
                    self.assertEqual(text[:limit], whole[:limit])
                    if len(whole) <= limit:
                        self.assertEqual(text, whole)
                    else:
                        self.assertGreater(len(text), limit)

    def test_a_huge_container_is_written_only_as_far_as_it_shows(self):
        huge = list(range(10**6))
        self.assertLess(len(bounded_repr(huge, 10_000)), 10_020)
        nested = {"rows": [list(range(100)) for _ in range(10**4)]}
        self.assertLess(len(bounded_repr(nested, 10_000)), 10_020)
        self.assertEqual(len(bounded_repr("x" * 10**6, 10_000)), 10_000 + 3, "the quote, 10,001 characters, the quote")

    def test_what_repr_raises_it_raises(self):
        class Broken:
            def __repr__(self):
                raise ValueError("no repr")
        with self.assertRaises(ValueError):
            bounded_repr([1, Broken()], 10_000)

    def test_nesting_deeper_than_it_recurses_is_reprs_own_unless_its_start_is_all_that_shows(self):
        deep = []
        for _ in range(2000):
            deep = [deep]
        try:
            expected = repr(deep)
        except RecursionError:
            with self.assertRaises(RecursionError):
                bounded_repr(deep, 10_000)
            # Only 101 levels are written to show 100 characters: the start shows where repr failed.
            self.assertEqual(bounded_repr(deep, 100), "[" * 101)
        else:
            self.assertEqual(bounded_repr(deep, 10_000), expected)

    def test_a_container_an_elements_repr_changes_is_reprs_own(self):
        grows = [1]

        class Grower:
            def __repr__(self):
                grows.append(len(grows))
                return "G"
        grows.append(Grower())
        grows_dict = {}

        class DictGrower:
            def __repr__(self):
                grows_dict[len(grows_dict)] = 0
                return "D"
        grows_dict["g"] = DictGrower()
        self.assertTrue(bounded_repr(grows_dict, 10_000).startswith("{'g': D"))
        self.assertTrue(bounded_repr(grows, 50).startswith("[1, G, 2"))


if __name__ == "__main__":
    unittest.main()
