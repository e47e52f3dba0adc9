import io
import sys
import unittest
from contextlib import redirect_stdout

from jodide_kernel import magics
from jodide_kernel.execution import run_now
from jodide_kernel.imports import missing_imports


class TransformTest(unittest.TestCase):
    def test_code_without_magics_is_left_alone(self):
        self.assertIsNone(magics.transform("x = 10 % 3\nprint('!')\n"))

    def test_each_magic_line_becomes_one_call_line_keeping_its_indent(self):
        transformed = magics.transform("%matplotlib inline\nfor i in range(2):\n    %time f(i)\n!pip install -q seaborn\n")
        lines = transformed.code.splitlines()
        self.assertEqual(len(lines), 4)
        self.assertEqual(lines[0], '__import__("jodide_kernel").magics.line(\'matplotlib\', \'inline\', globals())')
        self.assertTrue(lines[2].startswith('    __import__("jodide_kernel").magics.line(\'time\', \'f(i)\''), lines[2])
        self.assertTrue(lines[3].startswith('await __import__("jodide_kernel").magics.line(\'pip\', \'install -q seaborn\''), lines[3])
        self.assertEqual(transformed.imports, ("micropip",))

    def test_percent_signs_inside_brackets_strings_and_continuations_are_python(self):
        code = 'x = (1\n%2)\ntext = """\n%d items\n"""\ny = 1 \\\n% 2\n%time x\n'
        lines = magics.transform(code).code.splitlines()
        self.assertEqual(lines[:7], code.splitlines()[:7])
        self.assertIn("magics.line('time', 'x'", lines[7])


class LineMagicTest(unittest.TestCase):
    def run_chunk(self, code):
        namespace = {}
        out = io.StringIO()
        with redirect_stdout(out):
            reply = run_now(code, "py chunk at line 1", 0, namespace)
        return reply, out.getvalue(), namespace

    def test_time_runs_the_statement_and_gives_an_expressions_value(self):
        reply, printed, namespace = self.run_chunk("%time total = sum(range(10))\n%time total * 2\n")
        self.assertEqual(namespace["total"], 45)
        self.assertIn('"value": "90"', reply)
        self.assertEqual(printed.count("Wall time: "), 2, printed)

    def test_timeit_prints_mean_and_spread(self):
        _, printed, _ = self.run_chunk("%timeit -n 10 -r 3 sum(range(10))\n")
        self.assertRegex(printed, r"± .* per loop \(mean ± std\. dev\. of 3 runs, 10 loops each\)")

    def test_env_pwd_cd_and_who(self):
        import os
        import tempfile

        saved = os.getcwd()
        try:
            with tempfile.TemporaryDirectory() as folder:
                try:
                    reply, printed, namespace = self.run_chunk(
                        f"%env JODIDE_MAGIC=on\n%env JODIDE_OTHER 2\nx = 1\nf = len\n%cd {folder}\n%who\n%pwd\n")
                finally:
                    os.chdir(saved)  # before the folder goes: it cannot be removed while it is the working directory
                self.assertEqual(os.environ["JODIDE_MAGIC"], "on")
                self.assertEqual(os.environ["JODIDE_OTHER"], "2")
                self.assertIn("env: JODIDE_MAGIC=on\n", printed)
                self.assertIn("\nx\n", printed, "%who lists variables, not functions: " + printed)
                self.assertIn(repr(os.path.realpath(folder))[1:-1], reply.replace("\\\\", "\\"))
                reply, _, _ = self.run_chunk("%env JODIDE_MAGIC\n")
                self.assertIn('"value": "\'on\'"', reply)
        finally:
            os.chdir(saved)
            os.environ.pop("JODIDE_MAGIC", None)
            os.environ.pop("JODIDE_OTHER", None)

    def test_matplotlib_inline_is_nothing_to_do(self):
        reply, _, _ = self.run_chunk("%matplotlib inline\nx = 1\n")
        self.assertIn('"error": null', reply)

    def test_unknown_magics_and_shell_commands_say_what_works(self):
        reply, _, _ = self.run_chunk("x = 1\n%load_ext autoreload\n")
        self.assertIn("UsageError: %load_ext is not a line magic Jodide knows (it knows %cd, %env, %matplotlib, %pip, %pwd,"
                      " %time, %timeit, %who)", reply)
        self.assertIn("line 2", reply)
        self.assertIn("%load_ext autoreload", reply, "the traceback quotes the line as written")
        reply, _, _ = self.run_chunk("!ls -l\n")
        self.assertIn("!ls -l: shell commands cannot run here: the browser has no shell", reply)

    def test_a_chunk_with_pip_needs_micropip_first(self):
        import importlib.util
        from unittest import mock

        real_find_spec = importlib.util.find_spec
        without_micropip = lambda name, *args: None if name == "micropip" else real_find_spec(name, *args)
        with mock.patch.object(importlib.util, "find_spec", without_micropip):
            self.assertEqual(missing_imports("%pip install seaborn\n"), "micropip")
            self.assertEqual(missing_imports("import json\n%pip install seaborn\nawait something()\n"), "micropip")
            self.assertEqual(missing_imports("x = 1 % 2\n"), "")

if __name__ == "__main__":
    unittest.main()
