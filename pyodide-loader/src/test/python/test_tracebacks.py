import builtins
import getpass
import os
import unittest

from jodide_kernel import tracebacks
from jodide_kernel.terminal import install_input
from jodide_kernel.tracebacks import MAX_FRAMES, format_error

CHUNK = "<chunk 3>"


def raised(code, filename=CHUNK):
    """The exception that running ``code`` (compiled as ``filename``) raises, through a kernel-like frame."""
    try:
        exec(compile(code, filename, "exec"), {})
    except BaseException as exc:
        return exc
    raise AssertionError("the code did not raise")


class FormatErrorTest(unittest.TestCase):
    def test_the_traceback_starts_in_the_chunk_without_the_kernels_frames(self):
        text = format_error(raised("x = 1\n1 / 0\n"), CHUNK)
        self.assertTrue(text.startswith("Traceback (most recent call last):\n"), text)
        self.assertIn(f'File "{CHUNK}", line 2', text)
        self.assertNotIn("test_tracebacks.py", text)
        self.assertTrue(text.endswith("ZeroDivisionError: division by zero\n"), text)

    def test_frames_of_functions_the_chunk_calls_are_kept(self):
        text = format_error(raised("def f():\n    raise ValueError('deep')\nf()\n"), CHUNK)
        self.assertIn("line 3", text)
        self.assertIn("line 2, in f", text)
        self.assertTrue(text.endswith("ValueError: deep\n"), text)

    def test_a_syntax_error_is_shown_without_frames(self):
        try:
            compile("1 +\n", CHUNK, "exec")
        except SyntaxError as exc:
            text = format_error(exc, CHUNK)
        self.assertIn("SyntaxError", text)
        self.assertNotIn("Traceback", text)

    def test_system_exit_ends_only_the_run(self):
        text = format_error(raised("import sys\nsys.exit(3)\n"), CHUNK)
        self.assertEqual(text.splitlines()[0], "SystemExit: 3")
        self.assertIn("Python keeps its variables", text)

    def test_deep_recursion_shows_the_first_frames_and_counts_the_rest(self):
        exc = raised("def down(n):\n    return down(n + 1)\ndown(0)\n")
        self.assertIsInstance(exc, RecursionError)
        text = format_error(exc, CHUNK)
        self.assertRegex(text, r"\.\.\. \d+ more frames not shown\n")
        self.assertTrue(text.rstrip("\n").splitlines()[-1].startswith("RecursionError"), text[-300:])
        self.assertLessEqual(text.count(f'File "{CHUNK}"'), MAX_FRAMES)

    def test_the_kernels_own_frames_at_the_end_are_left_out(self):
        saved = (builtins.input, getpass.getpass)
        install_input(lambda prompt, password: None)
        try:
            text = format_error(raised("x = 1\ninput('name? ')\n"), CHUNK)
        finally:
            builtins.input, getpass.getpass = saved
        self.assertIn(f'File "{CHUNK}", line 2', text)
        self.assertNotIn("terminal.py", text)
        self.assertTrue(text.endswith("EOFError: EOF when reading a line\n"), text)

    def test_the_kernels_frames_between_the_users_are_left_out(self):
        # A magic of the kernel running the user's code: a cell magic's body.
        kernel_file = os.path.join(os.path.dirname(tracebacks.__file__), "a_magic.py")
        namespace = {}
        exec(compile("def run(body):\n    return body()\n", kernel_file, "exec"), namespace)
        try:
            exec(compile("def body():\n    1 / 0\nrun(body)\n", CHUNK, "exec"), namespace)
        except ZeroDivisionError as exc:
            text = format_error(exc, CHUNK)
        self.assertNotIn("a_magic.py", text)
        self.assertIn(f'File "{CHUNK}", line 3, in <module>\n  File "{CHUNK}", line 2, in body\n', text)

    def test_library_frames_at_the_end_are_kept(self):
        text = format_error(raised("import json\njson.loads('{')\n"), CHUNK)
        self.assertIn("json", text.split(f'File "{CHUNK}"')[1])
        self.assertIn("decoder.py", text)

    def test_an_error_raised_outside_the_chunk_keeps_only_its_message(self):
        try:
            raise KeyError("k")
        except KeyError as exc:
            text = format_error(exc, CHUNK)
        self.assertEqual(text, "KeyError: 'k'\n")


if __name__ == "__main__":
    unittest.main()
