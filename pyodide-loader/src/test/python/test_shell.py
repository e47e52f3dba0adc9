import io
import json
import os
import unittest
from contextlib import redirect_stdout

from jodide_kernel import stand_ins
from jodide_kernel.execution import run_now
from jodide_kernel.workspace import workspace
from kernel_test_support import install_display_for


class GetIPythonTest(unittest.TestCase):
    """``get_ipython()`` in a chunk, as code written for Jupyter (and nbconvert's scripts) calls it."""

    def setUp(self):
        self.shown = install_display_for(self)
        stand_ins.install_stand_ins()

    def run_chunk(self, code, namespace=None, first_line=0):
        """(reply as a dict, printed text, namespace) of running ``code`` as the chunk of a delimiter at line ``first_line``."""
        namespace = {"__name__": "__main__"} if namespace is None else namespace
        out = io.StringIO()
        with redirect_stdout(out):
            reply = run_now(code, f"py chunk at line {first_line}", first_line, namespace)
        return json.loads(reply), out.getvalue(), namespace

    def test_nbconvert_script_lines_run_their_magics(self):
        reply, printed, namespace = self.run_chunk(
            "get_ipython().run_line_magic('matplotlib', 'inline')\n"
            "two = get_ipython().run_line_magic('time', '1+1')\n"
            "get_ipython().run_cell_magic('capture', 'out', 'print(1)\\n')\n"
            "get_ipython().magic('timeit -n 2 -r 1 two * 2')\n"
            "get_ipython().magic('%env JODIDE_SHELL_TEST=on')\n")
        try:
            self.assertIsNone(reply["error"], reply["error"])
            self.assertEqual(namespace["two"], 2)
            self.assertEqual(namespace["out"].stdout, "1\n")
            self.assertIn("Wall time: ", printed)
            self.assertIn("(mean ± std. dev. of 1 run, 2 loops each)", printed)
            self.assertNotIn("1\n", printed.splitlines(True), "%%capture kept the cell's print")
            self.assertIn("env: JODIDE_SHELL_TEST=on\n", printed)
        finally:
            os.environ.pop("JODIDE_SHELL_TEST", None)

    def test_a_cell_magic_gives_the_cells_value_and_its_traceback_quotes_the_cell(self):
        reply, printed, namespace = self.run_chunk("get_ipython().run_cell_magic('time', '', 'x = 20\\nx + 1\\n')\n")
        self.assertEqual(reply["value"], "21")
        self.assertEqual(namespace["x"], 20)
        self.assertIn("Wall time: ", printed)
        reply, _, _ = self.run_chunk("y = 1\nget_ipython().run_cell_magic('time', '', 'x = 1\\nraise ValueError(\"bad\")\\n')\n",
                                     first_line=4)
        error = reply["error"]
        self.assertIn('File "py chunk at line 4", line 6, in <module>', error)
        self.assertIn('File "%%time cell (py chunk at line 4, line 6)", line 2, in <module>\n    raise ValueError("bad")', error)
        self.assertNotIn("shell.py", error, "the kernel's frames are left out")
        self.assertNotIn("magics.py", error, "the kernel's frames are left out")

    def test_a_cell_that_awaits_or_a_magic_that_awaits_says_where_it_can_run(self):
        reply, _, _ = self.run_chunk("import asyncio\nget_ipython().run_cell_magic('time', '', 'await asyncio.sleep(0)\\n')\n")
        self.assertIn("UsageError: get_ipython().run_cell_magic('time', ...): the cell awaits", reply["error"])
        reply, _, _ = self.run_chunk("get_ipython().run_line_magic('pip', 'install seaborn')\n")
        self.assertIn("write %pip install seaborn on a line of its own", reply["error"])

    def test_display_needs_no_import(self):
        reply, _, _ = self.run_chunk("display(6 * 7)\n")
        self.assertIsNone(reply["error"], reply["error"])
        self.assertEqual(self.shown, [("text/plain", "42")])

    def test_the_ipython_modules_get_ipython_stays_none_for_libraries(self):
        reply, _, _ = self.run_chunk("import IPython\n(IPython.get_ipython(), get_ipython() is not None)\n")
        self.assertEqual(reply["value"], "(None, True)")

    def test_shell_commands_raise_the_no_shell_usage_error(self):
        for call in ("get_ipython().system('ls')", "files = get_ipython().getoutput('ls -l')"):
            reply, _, _ = self.run_chunk(call + "\n")
            self.assertRegex(reply["error"], r"UsageError: !ls( -l)?: shell commands cannot run here: the browser has no shell")
        reply, _, _ = self.run_chunk("get_ipython().system('pip install seaborn')\n")
        self.assertIn("write %pip install seaborn on a line of its own", reply["error"])

    def test_user_ns_is_the_namespace_the_chunk_runs_in(self):
        namespace = {"__name__": "__main__"}
        self.run_chunk("ip = get_ipython()\nip.user_ns['x'] = 1\nip.push({'y': 2})\ndef f():\n    z = 3\n    ip.push('z')\nf()\n"
                       "ip.ex('w = x + y + z')\n", namespace)
        self.assertIs(namespace["ip"].user_ns, namespace)
        self.assertEqual((namespace["x"], namespace["y"], namespace["z"], namespace["w"]), (1, 2, 3, 6))
        self.assertEqual(namespace["ip"].ev("w * 2"), 12)
        self.assertIs(self.run_chunk("get_ipython()", namespace)[2]["ip"], namespace["ip"], "one shell per namespace")
        self.assertNotIn("get_ipython", [row["name"] for row in json.loads(workspace(namespace))])

    def test_no_jupyter_kernel_and_the_users_own_get_ipython_stays(self):
        reply, _, _ = self.run_chunk("hasattr(get_ipython(), 'kernel')\n")
        self.assertEqual(reply["value"], "False")
        namespace = {}
        self.run_chunk("get_ipython = lambda: 'mine'\n", namespace)
        reply, _, _ = self.run_chunk("get_ipython()\n", namespace)
        self.assertEqual(reply["value"], "'mine'")


if __name__ == "__main__":
    unittest.main()
