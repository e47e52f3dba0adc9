import inspect
import json
import linecache
import unittest
import warnings

from jodide_kernel.execution import run, run_now
from kernel_test_support import install_display_for, run_to_end


class Html:
    def _repr_html_(self):
        return "<p>rich</p>"


class RunTest(unittest.TestCase):
    """The kernel's run (a coroutine); RunNowTest runs the same tests through run_now."""

    def setUp(self):
        self.namespace = {"__name__": "__main__", "Html": Html}
        self.shown = install_display_for(self)

    def run_chunk(self, code, first_line=0, filename="<chunk 1>"):
        return json.loads(run_to_end(run(code, filename, first_line, self.namespace)))

    def test_the_last_expression_is_the_value_as_its_repr(self):
        self.assertEqual(self.run_chunk("x = 20\nx * 2 + 2"), {"value": "42", "error": None})

    def test_variables_stay_in_the_namespace_for_the_next_run(self):
        self.run_chunk("x = 'kept'")
        self.assertEqual(self.run_chunk("x")["value"], "'kept'")

    def test_a_statement_has_no_value(self):
        self.assertEqual(self.run_chunk("y = 1"), {"value": None, "error": None})

    def test_a_value_with_a_rich_form_is_displayed_instead_of_returned(self):
        self.assertEqual(self.run_chunk("Html()"), {"value": None, "error": None})
        self.assertEqual(self.shown, [("text/html", "<p>rich</p>")])

    def test_traceback_lines_are_lines_of_the_notebook(self):
        reply = self.run_chunk("a = 1\nraise ValueError('bad')", first_line=10, filename="<chunk 7>")
        self.assertIsNone(reply["value"])
        self.assertIn('File "<chunk 7>", line 12', reply["error"])
        self.assertIn("raise ValueError('bad')", reply["error"], "the source line is shown from linecache")
        self.assertTrue(reply["error"].endswith("ValueError: bad\n"))
        self.assertEqual(linecache.getline("<chunk 7>", 12), "raise ValueError('bad')")

    def test_a_trailing_semicolon_hides_the_value_as_in_jupyter(self):
        self.assertEqual(self.run_chunk("1 + 1;", first_line=40), {"value": None, "error": None})
        self.assertEqual(self.run_chunk("1 + 1  # not quiet;", first_line=40)["value"], "2")

    def test_an_indented_chunk_is_dedented_before_it_runs(self):
        self.assertEqual(self.run_chunk("    a = 2\n    a * 3", first_line=5)["value"], "6")

    def test_a_chunk_far_down_the_notebook_reports_its_own_line_under_its_real_name(self):
        reply = self.run_chunk("x = 1\nx.missing", first_line=5000, filename="py chunk at line 5000")
        self.assertIn('File "py chunk at line 5000", line 5002', reply["error"])
        self.assertIn("x.missing", reply["error"])

    def test_line_numbers_are_the_notebooks_near_the_top_and_far_down(self):
        # Chunks near the top are padded with blank lines, those far down compiled apart and moved.
        for first_line in (3, 256, 257, 5000):
            with self.subTest(first_line=first_line):
                name = f"py chunk at line {first_line}"
                reply = self.run_chunk("def f():\n    return g()\n\ndef g():\n    raise ValueError('deep')\n\nf()",
                                       first_line=first_line, filename=name)
                for line in (first_line + 7, first_line + 2, first_line + 5):
                    self.assertIn(f'File "{name}", line {line}', reply["error"])
                self.assertIn("raise ValueError('deep')", reply["error"])
                self.assertEqual(self.namespace["f"].__code__.co_firstlineno, first_line + 1)
                self.assertEqual(inspect.getsource(self.namespace["g"]), "def g():\n    raise ValueError('deep')\n")
                self.assertEqual(self.run_chunk("(lambda: 1 / 0)()", first_line=first_line, filename=name)["error"].count(
                    f'line {first_line + 1}'), 2, "the lambda's line too")

    def test_a_class_far_down_knows_its_notebook_line(self):
        for first_line in (3, 5000):
            with self.subTest(first_line=first_line):
                reply = self.run_chunk("x = 1\nclass K:\n    def m(self):\n        raise ValueError('in m')\n\nK().m()",
                                       first_line=first_line, filename=f"py chunk at line {first_line}")
                self.assertEqual(self.namespace["K"].__firstlineno__, first_line + 2)
                self.assertIn(f"line {first_line + 4}, in m", reply["error"])

    def test_a_syntax_error_far_down_has_its_notebook_line(self):
        for first_line in (3, 5000):
            with self.subTest(first_line=first_line):
                reply = self.run_chunk("x = 1\ny = (\n", first_line=first_line, filename="<chunk 2>")
                self.assertIn(f"line {first_line + 2}", reply["error"])
                reply = self.run_chunk("x = 1\nreturn x", first_line=first_line, filename="<chunk 2>")
                self.assertIn(f"line {first_line + 2}", reply["error"], "found by the compiler, not the parser")
                self.assertIn("SyntaxError", reply["error"])

    def test_a_warning_of_the_compile_has_its_notebook_line(self):
        for first_line in (3, 5000):
            with self.subTest(first_line=first_line):
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always")
                    reply = self.run_chunk("import re\npattern = '\\d+'\nx = 1 is 1", first_line=first_line, filename="<chunk 3>")
                self.assertIsNone(reply["error"])
                lines = sorted((warning.lineno, warning.category.__name__) for warning in caught if warning.filename == "<chunk 3>")
                self.assertEqual(lines, [(first_line + 2, "SyntaxWarning"), (first_line + 3, "SyntaxWarning")])
                self.assertEqual(linecache.getline("<chunk 3>", first_line + 3), "x = 1 is 1")

    def test_a_chunk_far_down_keeps_its_text_for_tracebacks_not_a_line_per_line_above_it(self):
        name = "py chunk at line 9000"
        self.assertEqual(self.run_chunk("kept = 1\nkept", first_line=9000, filename=name)["value"], "1")
        self.assertEqual(len(linecache.cache[name]), 1, "a lazy entry: the lines are made when read")
        self.assertEqual(linecache.getline(name, 9001), "kept = 1\n")
        self.assertEqual(linecache.getline(name, 9002), "kept\n")
        self.assertEqual(linecache.getline(name, 12), "\n")

    def test_system_exit_is_an_error_of_the_run_and_the_namespace_survives(self):
        self.run_chunk("kept = 1")
        reply = self.run_chunk("raise SystemExit(2)")
        self.assertTrue(reply["error"].startswith("SystemExit: 2"), reply["error"])
        self.assertEqual(self.run_chunk("kept")["value"], "1")

    def test_keyboard_interrupt_is_reported_not_raised(self):
        reply = self.run_chunk("raise KeyboardInterrupt")
        self.assertTrue(reply["error"].endswith("KeyboardInterrupt\n"), reply["error"])


    def test_broken_code_is_a_syntax_error_of_the_run(self):
        reply = self.run_chunk("def (:", first_line=3, filename="<chunk 2>")
        self.assertIsNone(reply["value"])
        self.assertIn("SyntaxError", reply["error"])
        self.assertIn("line 4", reply["error"])

    def run_with_one_await(self, code):
        """The reply of a run whose chunk awaits once (asyncio.sleep(0) suspends once)."""
        coroutine = run(code, "<chunk 1>", 0, self.namespace)
        try:
            coroutine.send(None)  # suspends at the sleep
            coroutine.send(None)
        except StopIteration as stop:
            return json.loads(stop.value)
        self.fail("the run did not end after its one await")

    def test_a_chunk_may_await_at_top_level(self):
        self.assertEqual(self.run_with_one_await("import asyncio\nawait asyncio.sleep(0)\n'awaited'"),
                         {"value": "'awaited'", "error": None})

    def test_a_last_expression_that_awaits_is_the_value(self):
        self.assertEqual(self.run_with_one_await("import asyncio\nx = 20\nawait asyncio.sleep(0, x * 2 + 2)"),
                         {"value": "42", "error": None})

    def test_the_statements_run_before_the_last_expression_and_an_error_in_it_has_its_line(self):
        reply = self.run_chunk("y = 3\nprint('body')\n1 / (y - 3)", first_line=5, filename="<chunk 2>")
        self.assertEqual(self.namespace["y"], 3)
        self.assertIn('File "<chunk 2>", line 8', reply["error"])
        self.assertTrue(reply["error"].endswith("ZeroDivisionError: division by zero\n"))


class RunNowTest(RunTest):
    """Every test of RunTest, through run_now, which runs a chunk without top-level await at once."""

    def run_chunk(self, code, first_line=0, filename="<chunk 1>"):
        return json.loads(run_now(code, filename, first_line, self.namespace))

    def test_a_chunk_may_await_at_top_level(self):
        self.assertIsNone(run_now("x = 1\nawait something()", "<chunk 1>", 0, self.namespace),
                          "a chunk that awaits is left to run")
        self.assertNotIn("x", self.namespace, "nothing of it ran")


if __name__ == "__main__":
    unittest.main()
