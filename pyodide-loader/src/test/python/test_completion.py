import json
import unittest

from jodide_kernel.completion import MAX_NAMES, complete


class Exploding:
    ok = 1

    def __getattr__(self, name):
        raise RuntimeError("no")

    @property
    def boom(self):
        raise RuntimeError("property")


class CompleteTest(unittest.TestCase):
    def complete(self, token, namespace):
        return json.loads(complete(token, namespace))

    def test_names_of_the_namespace_and_builtins_complete(self):
        names = self.complete("pri", {"prices": [1], "other": 2})
        self.assertIn("prices", names)
        self.assertIn("print(", names)
        self.assertNotIn("other", names)

    def test_attributes_complete_after_a_dot(self):
        names = self.complete("text.up", {"text": "abc"})
        self.assertEqual(len(names), 1, names)
        self.assertTrue(names[0].startswith("text.upper("), names)

    def test_no_name_is_offered_twice(self):
        names = self.complete("", {"a": 1})
        self.assertEqual(len(names), len(set(names)))

    def test_at_most_max_names_are_offered(self):
        namespace = {f"v{i}": i for i in range(MAX_NAMES * 2)}
        self.assertEqual(len(self.complete("v", namespace)), MAX_NAMES)

    def test_a_failing_attribute_does_not_end_completion(self):
        names = self.complete("thing.", {"thing": Exploding()})
        self.assertIn("thing.ok", names)

    def test_the_default_namespace_is_main(self):
        import __main__

        __main__.jodide_completion_probe = 1
        try:
            self.assertIn("jodide_completion_probe", json.loads(complete("jodide_completion_pr")))
        finally:
            del __main__.jodide_completion_probe


if __name__ == "__main__":
    unittest.main()
