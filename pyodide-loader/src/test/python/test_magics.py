import io
import sys
import unittest
from contextlib import redirect_stdout

from jodide_kernel import display, magics, stand_ins
from jodide_kernel.execution import run, run_now
from jodide_kernel.imports import missing_imports
from kernel_test_support import display_sink, run_to_end


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

    def test_a_cell_magic_becomes_one_call_on_its_line_then_blank_lines(self):
        transformed = magics.transform("%%timeit -n 3 import math\nx = math.pi\ny = 2\n")
        self.assertEqual(transformed.code, '__import__("jodide_kernel").magics.cell('
                         "'timeit', '-n 3 import math', 'x = math.pi\\ny = 2\\n', globals())\n\n\n")
        self.assertEqual(transformed.runs, "import math\nx = math.pi\ny = 2\n")
        self.assertTrue(magics.transform("%%time\nx = 1\n").code.startswith('await __import__("jodide_kernel").magics.cell('),
                        "%%time is awaited: its body may await")


class LineMagicTest(unittest.TestCase):
    def run_chunk(self, code, namespace=None):
        namespace = {} if namespace is None else namespace
        out = io.StringIO()
        with redirect_stdout(out):
            reply = run_now(code, "py chunk at line 1", 0, namespace)
        return reply, out.getvalue(), namespace

    def test_time_runs_the_statement_and_gives_an_expressions_value(self):
        reply, printed, namespace = self.run_chunk("%time total = sum(range(10))\n%time total * 2\n")
        self.assertEqual(namespace["total"], 45)
        self.assertIn('"value": "90"', reply)
        self.assertEqual(printed.count("Wall time: "), 2, printed)

    def test_ls_lists_a_folder_with_folders_marked(self):
        import os
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            os.mkdir(os.path.join(folder, "sub"))
            with open(os.path.join(folder, "sales.csv"), "w") as f:
                f.write("x")
            _, printed, _ = self.run_chunk(f"%ls {folder}\n")
            self.assertEqual(printed, "sales.csv\nsub/\n")

    def test_help_syntax_prints_what_shift_tab_shows(self):
        namespace = {}
        with redirect_stdout(io.StringIO()):
            run_now("def area(r):\n    \"\"\"Area.\"\"\"\n    return r * r\n", "<py chunk, line 1>", 0, namespace)
        help_text = "Signature: area(r)\nType:      function\nDocstring:\nArea.\n"
        for asked in ("area?\n", "?area", "  area ?  \n", "%pinfo area"):
            self.assertEqual(self.run_chunk(asked, namespace)[1], help_text, asked)
        for asked in ("area??\n", "??area"):
            self.assertEqual(self.run_chunk(asked, namespace)[1],
                             help_text + "Source:\ndef area(r):\n    \"\"\"Area.\"\"\"\n    return r * r\n", asked)
        self.assertEqual(self.run_chunk("nothing_here?", namespace)[1], "Object `nothing_here` not found.\n")
        reply, printed, _ = self.run_chunk("x = 2\nlen?\nx + 1\n", namespace)
        self.assertTrue(printed.startswith("Signature: len(obj, /)\n"), printed)
        self.assertIn('"value": "3"', reply)

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

    def test_run_runs_a_file_of_the_file_system_as_a_script_and_keeps_its_variables(self):
        import os
        import tempfile
        folder = tempfile.mkdtemp()
        script = os.path.join(folder, "fit.py")
        with open(script, "w") as file:
            file.write("import sys\nargs = sys.argv[1:]\nresult = base * 2 if 'base' in globals() else 'no base'\nprint('ran', __name__)\n")
        reply, printed, namespace = self.run_chunk(f"base = 21\n%run {script} a 'b c'\n")
        self.assertIn('"error": null', reply)
        self.assertEqual((namespace["args"], namespace["result"]), (["a", "b c"], "no base"), "a script of its own")
        self.assertIn("ran __main__", printed)
        reply, _, namespace = self.run_chunk(f"base = 21\n%run -i {script[:-3]}\n")
        self.assertEqual(namespace["result"], 42, "-i: in the user's variables; .py may be left out")
        reply, _, _ = self.run_chunk("%run nowhere.py\n")
        self.assertIn("UsageError: %run nowhere.py: no such file in Pyodide's file system", reply)

    def test_reset_forgets_the_users_variables_and_whos_lists_them(self):
        namespace = {"__name__": "__main__", "_hidden": 1}
        reply, printed, namespace = self.run_chunk("x = 1\nname = 'a' * 100\n%whos\n", namespace)
        self.assertIn("Variable   Type   Data/Info", printed)
        self.assertIn("x          int    1", printed)
        self.assertIn("name       str    'aaaa", printed)
        self.assertIn("...", printed, "long values are cut")
        reply, _, namespace = self.run_chunk("%reset -f\n", namespace)
        self.assertNotIn("x", namespace)
        self.assertEqual((namespace["__name__"], namespace["_hidden"]), ("__main__", 1))
        reply, _, _ = self.run_chunk("%reset\n", namespace)
        self.assertIn("write %reset -f", reply)

    def test_configuration_and_autoreload_have_nothing_to_do(self):
        reply, _, _ = self.run_chunk("%load_ext autoreload\n%autoreload 2\n%config InlineBackend.figure_format = 'retina'\nx = 1\n")
        self.assertIn('"error": null', reply)
        reply, _, _ = self.run_chunk("%load_ext tensorboard\n")
        self.assertIn("UsageError: %load_ext tensorboard: IPython extensions cannot load here (only autoreload", reply)

    def test_unknown_magics_and_shell_commands_say_what_works(self):
        reply, _, _ = self.run_chunk("x = 1\n%lsmagic\n")
        self.assertIn("UsageError: %lsmagic is not a line magic Jodide knows (it knows %aimport, %autoreload, %cd, %config,"
                      " %env, %load_ext, %ls, %matplotlib, %pinfo, %pinfo2, %pip, %pwd, %reset, %run, %time, %timeit, %who, %whos)", reply)
        self.assertIn("line 2", reply)
        self.assertIn("%lsmagic", reply, "the traceback quotes the line as written")
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


class CellMagicTest(unittest.TestCase):
    def setUp(self):
        self.shown = []
        display.install(display_sink(self.shown))
        stand_ins.install_stand_ins()

    def tearDown(self):
        display.install(None)

    def run_chunk(self, code, namespace=None, first_line=0):
        """(reply, printed text, namespace) of running ``code`` as the chunk of a delimiter at 1-based line ``first_line``."""
        namespace = {} if namespace is None else namespace
        out = io.StringIO()
        with redirect_stdout(out):
            reply = run_to_end(run(code, f"py chunk at line {first_line}", first_line, namespace))
        return reply, out.getvalue(), namespace

    def test_time_runs_the_body_and_gives_its_value(self):
        reply, printed, namespace = self.run_chunk("%%time\ntotal = sum(range(10))\ntotal * 2\n")
        self.assertEqual(namespace["total"], 45)
        self.assertIn('"value": "90"', reply)
        self.assertRegex(printed, r"^Wall time: [\d.]+ [mµn]?s\n$")

    def test_time_may_await_in_its_body(self):
        reply, _, _ = self.run_chunk("%%time\nasync def seven():\n    return 7\nawait seven()\n")
        self.assertIn('"value": "7"', reply)

    def test_a_traceback_in_the_body_points_at_its_notebook_line_and_quotes_it(self):
        # The delimiter is line 4: %%time is line 5, the raise line 7.
        reply, _, _ = self.run_chunk("%%time\nx = 1\nraise ValueError('bad')\n", first_line=4)
        self.assertIn('File \\"py chunk at line 4\\", line 5, in <module>\\n    %%time', reply)
        self.assertIn('File \\"py chunk at line 4\\", line 7, in <module>\\n    raise ValueError(\'bad\')', reply)
        self.assertNotIn("magics.py", reply, "the kernel's frames between the chunk and its body are left out")

    def test_line_magics_work_in_the_body(self):
        reply, printed, namespace = self.run_chunk("%%time\n%time y = 2\ny + 1\n")
        self.assertIn('"value": "3"', reply)
        self.assertEqual(printed.count("Wall time: "), 2, printed)

    def test_timeit_times_the_body_after_its_setup(self):
        reply, printed, namespace = self.run_chunk("%%timeit -n 10 -r 3 items = list(range(10))\ntotal = sum(items)\n")
        self.assertIn('"error": null', reply)
        self.assertRegex(printed, r"± .* per loop \(mean ± std\. dev\. of 3 runs, 10 loops each\)")
        reply, _, _ = self.run_chunk("%%timeit -n 1 -r 1\nx = 1\n1 / 0\n", first_line=2)
        self.assertIn('File \\"py chunk at line 2\\", line 5, in _timed\\n    1 / 0', reply)
        reply, _, _ = self.run_chunk("%%timeit\nawait something()\n")
        self.assertIn("UsageError: %%timeit cannot time code that awaits (%%time can)", reply)

    def test_capture_keeps_printed_text_and_displays_and_shows_them_again(self):
        reply, printed, namespace = self.run_chunk(
            "%%capture kept\nimport sys\nfrom IPython.display import HTML\nprint('out')\nprint('err', file=sys.stderr)\n"
            "display(HTML('<b>x</b>'))\n6 * 7\n")
        self.assertIn('"value": null', reply)
        self.assertEqual((printed, self.shown), ("", []))
        kept = namespace["kept"]
        self.assertEqual((kept.stdout, kept.stderr), ("out\n", "err\n"))
        self.assertEqual([output.data for output in kept.outputs], [{"text/html": "<b>x</b>"}, {"text/plain": "42"}])
        out = io.StringIO()
        with redirect_stdout(out):
            kept()
        self.assertEqual(out.getvalue(), "out\n")
        self.assertEqual(self.shown, [("text/html", "<b>x</b>"), ("text/plain", "42")])

    def test_capture_lets_through_what_it_is_told_not_to_keep(self):
        _, printed, namespace = self.run_chunk("%%capture --no-stdout --no-display\nprint('out')\ndisplay(1)\n")
        self.assertEqual((printed, self.shown), ("out\n", [("text/plain", "1")]))
        self.assertNotIn("kept", namespace)
        reply, _, _ = self.run_chunk("%%capture --quiet\nx = 1\n")
        self.assertIn("UsageError: %%capture takes", reply)

    def test_html_markdown_latex_and_svg_display_the_body(self):
        for magic, mime in (("html", "text/html"), ("markdown", "text/markdown"), ("latex", "text/latex"), ("svg", "image/svg+xml")):
            del self.shown[:]
            reply, _, _ = self.run_chunk(f"%%{magic}\n<b>{magic}</b>\n")
            self.assertIn('"value": null, "error": null', reply)
            self.assertEqual(self.shown, [(mime, f"<b>{magic}</b>\n")])

    def test_writefile_writes_overwrites_and_appends(self):
        import os
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "notes.txt")
            _, printed, _ = self.run_chunk(f"%%writefile {path}\none\n")
            self.assertEqual(printed, f"Writing {path}\n")
            _, printed, _ = self.run_chunk(f"%%writefile {path}\ntwo\n")
            self.assertEqual(printed, f"Overwriting {path}\n")
            _, printed, _ = self.run_chunk(f"%%writefile -a {path}\nthree\n")
            self.assertEqual(printed, f"Appending to {path}\n")
            with open(path, encoding="utf-8") as file:
                self.assertEqual(file.read(), "two\nthree\n")

    def test_python_runs_the_body(self):
        reply, _, namespace = self.run_chunk("%%python3\nx = 20\nx + 1\n")
        self.assertEqual(namespace["x"], 20)
        self.assertIn('"value": "21"', reply)

    def test_shell_and_javascript_magics_say_why_they_cannot_run(self):
        for magic in ("bash", "sh", "script python", "!", "system"):
            reply, _, _ = self.run_chunk(f"%%{magic}\nls\n")
            self.assertIn(": shell commands cannot run here: the browser has no shell", reply)
        reply, _, _ = self.run_chunk("%%javascript\nconsole.log(1)\n")
        self.assertIn("UsageError: %%javascript: JavaScript does not run in a Python chunk: write it as a %% js chunk", reply)

    def test_an_unknown_cell_magic_names_those_there_are(self):
        reply, _, _ = self.run_chunk("%%perl\nprint 1\n")
        self.assertIn("UsageError: %%perl is not a cell magic Jodide knows (it knows %%!, %%bash, %%capture, %%html,", reply)
        self.assertIn("%%time, %%timeit, %%writefile)", reply)

    def test_a_cell_magic_needs_what_its_python_imports(self):
        import importlib.util
        from unittest import mock

        self.assertEqual(missing_imports("%%time\nimport jodide_no_such_module\n"), "jodide_no_such_module")
        self.assertEqual(missing_imports("%%timeit import jodide_no_such_setup\nx = 1\n"), "jodide_no_such_setup")
        self.assertEqual(missing_imports("%%markdown\nimport jodide_no_such_module\n"), "", "the body is not Python")
        real_find_spec = importlib.util.find_spec
        without_micropip = lambda name, *args: None if name == "micropip" else real_find_spec(name, *args)
        with mock.patch.object(importlib.util, "find_spec", without_micropip):
            self.assertEqual(missing_imports("%%capture\n%pip install seaborn\n"), "micropip")

    def test_a_cell_magic_is_the_first_line_after_blank_lines_only(self):
        reply, _, _ = self.run_chunk("\n\n%%time\n1 + 1\n")
        self.assertIn('"value": "2"', reply)
        for code in ("x = 1\n%%time\ny = 2\n", "# timed\n%%time\ny = 2\n"):
            reply, _, _ = self.run_chunk(code)
            self.assertIn("UsageError: %%time is a cell magic: it works only as the first line of its chunk", reply)
            self.assertIn("line 2", reply)

if __name__ == "__main__":
    unittest.main()
