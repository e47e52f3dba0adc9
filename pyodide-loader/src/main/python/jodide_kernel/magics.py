"""IPython's magics and shell escapes in a chunk, as far as a browser can take them.

Notebooks written for Jupyter say ``%pip install seaborn``, ``%matplotlib inline`` or
``%time fit(model)``; in plain Python each is a syntax error. Only code that does not parse is
looked at: :func:`transform` turns each line that starts a statement with ``%`` or ``!`` into a
call of this module, one line for one (the notebook's line numbers stay), and the chunk is
compiled again; code that parses is never changed. Line magics known:

- ``%pip install [--pre] [--no-deps] [-q] [-U] NAME...`` and ``!pip install …``: installs with
  micropip (which the kernel loads from the package index first, as for an import), as JupyterLite
  does; ``%pip list`` lists what is installed;
- ``%matplotlib …``: nothing to do, figures show inline anyway;
- ``%time STATEMENT``: runs it and prints its wall time (an expression's value is the line's);
- ``%timeit [-n N] [-r R] STATEMENT``: times it as IPython does and prints the mean and spread;
- ``%env`` (the environment), ``%env NAME`` (one variable), ``%env NAME=VALUE`` or ``%env NAME VALUE``
  (set it); ``%pwd``, ``%cd DIR``, ``%ls [DIR]`` (Pyodide's in-memory file system: the data files the
  user added are in the home folder, where Python starts; ``%ls`` lists a folder, folders ending with ``/``); ``%who`` and ``%whos`` (the user's
  variables), ``%reset -f`` (forgets them); ``%run [-i] FILE [ARGS]`` (a Python file of the file system,
  as a script); ``%config``, ``%load_ext autoreload``, ``%autoreload``, ``%aimport`` (nothing to do);
- ``%pinfo NAME`` (also written ``NAME?`` or ``?NAME``): prints the help Shift+Tab shows
  (``inspection``: signature, type, value, docstring); ``%pinfo2 NAME`` (``NAME??``, ``??NAME``) adds
  the source where Python can find it (functions and classes of earlier chunks too).

Any other magic raises :class:`UsageError` naming those it knows, and a shell command (``!ls``)
says that the browser has no shell.

A cell magic (``%%time``; in an .iomd file written ``\\%%time``, since a line starting with ``%%``
is a chunk delimiter there) is the chunk's first line, as in IPython; blank lines may come before it,
as IPython allows, but nothing else: a ``%%`` line further down raises :class:`UsageError`. The
chunk becomes one call of :func:`cell` on its first line, given the rest of the chunk (the body) as
text, followed by blank lines; the magic finds the body's notebook lines from its caller's frame and
compiles it as a chunk (line magics work in it, tracebacks quote it, its last expression is its
value). Known:

- ``%%time``: runs the body and prints its wall time; the body's value is the chunk's;
- ``%%timeit [-n N] [-r R] [SETUP]``: times the body as ``%timeit`` times a statement, after SETUP;
- ``%%capture [--no-stdout] [--no-stderr] [--no-display] [NAME]``: runs the body keeping what it
  prints and displays (its value too, as a display) in a :class:`CapturedIO` stored in NAME;
- ``%%html``, ``%%markdown``, ``%%latex``, ``%%svg``: displays the body as that kind of output;
- ``%%writefile [-a] FILE``: writes (``-a``: appends) the body to FILE;
- ``%%python``, ``%%python3``: runs the body;
- ``%%bash``, ``%%sh``, ``%%script``, ``%%!``, ``%%system`` and ``%%javascript``, ``%%js`` raise
  :class:`UsageError`: the browser has no shell, and JavaScript runs in a ``%% js`` chunk.

``%%time``, ``%%capture`` and ``%%python`` are coroutines, awaited where the chunk's first line stands,
so their body may ``await`` (``%pip`` in a ``%%capture``); ``%%timeit`` cannot time code that awaits.
The Python a cell magic runs is :attr:`Transformed.runs`: the kernel loads what it imports first.

``get_ipython().run_line_magic`` and ``run_cell_magic`` (``shell``) run the same magics.
"""

import ast
import contextlib
import importlib
import inspect
import io
import os
import re
import shlex
import statistics
import sys
import textwrap
import time
import timeit
from typing import Callable, NamedTuple, Optional

from . import display


class UsageError(Exception):
    """A magic Jodide does not know, or one given arguments it does not take."""


class Transformed(NamedTuple):
    code: str
    # Modules the magics in it need, which the kernel loads before the chunk runs (as it does imports).
    imports: tuple
    # The Python a cell magic runs (its body; %%timeit's setup too), whose imports load first too: "" if none.
    runs: str = ""


_ESCAPED = re.compile(r"^([ \t]*)([%!])(.*?)([\r\n]*)$")
# The call a magic's line becomes (awaited where the magic is async): line(name, arguments, globals()).
_CALL = '__import__("jodide_kernel").magics.line({name!r}, {args!r}, globals())'
# IPython's help syntax, a line of its own: NAME? or ?NAME (%pinfo), NAME?? or ??NAME (%pinfo2).
_HELP = re.compile(r"^([ \t]*)(?:(\?\??)[ \t]*([A-Za-z_][\w.]*)|([A-Za-z_][\w.]*)[ \t]*(\?\??))[ \t]*([\r\n]*)$")
_CELL_MAGIC = re.compile(r"^[ \t]*%%(\S*)[ \t]*(.*?)([\r\n]*)$")
# The call a cell magic's line becomes (awaited where the magic is async): cell(name, arguments, body, globals()).
_CELL_CALL = '__import__("jodide_kernel").magics.cell({name!r}, {args!r}, {body!r}, globals())'


def transform(code):
    """``code`` with its magics and shell escapes as calls, or None when it holds none."""
    lines = code.splitlines(keepends=True)
    cell_magic = _cell_transform(lines)
    if cell_magic is not None:
        return cell_magic
    imports = set()
    changed = False
    depth, quote, continued = 0, None, False
    for index, line in enumerate(lines):
        if depth == 0 and quote is None and not continued:
            asked = _HELP.match(line)
            if asked:
                indent, before, name, name_first, after, end = asked.groups()
                magic = "pinfo2" if len(before or after) == 2 else "pinfo"
                lines[index] = indent + _CALL.format(name=magic, args=name or name_first) + end
                changed = True
                continue
            match = _ESCAPED.match(line)
            if match:
                indent, kind, rest, end = match.groups()
                name, args = _magic_of(kind, rest.strip())
                awaits = line_awaits(name)
                if name == "pip":
                    imports.add("micropip")
                lines[index] = indent + ("await " if awaits else "") + _CALL.format(name=name, args=args) + end
                changed = True
                continue
        depth, quote, continued = _scan(line, depth, quote)
    return Transformed("".join(lines), tuple(sorted(imports))) if changed else None


def _cell_transform(lines):
    """The chunk of ``lines`` as one call of :func:`cell` (then blank lines) if its first line that is
    not blank is a cell magic, else None."""
    first = next((index for index, line in enumerate(lines) if line.strip()), None)
    match = None if first is None else _CELL_MAGIC.match(lines[first])
    if match is None:
        return None
    name, args, end = match.groups()
    args = args.rstrip()
    body = "".join(lines[first + 1:])
    magic = _CELL_MAGICS.get(name)
    awaits = magic is not None and inspect.iscoroutinefunction(magic.run)
    call = ("await " if awaits else "") + _CELL_CALL.format(name=name, args=args, body=body) + end
    runs = magic.python(args, body) if magic is not None and magic.python is not None else ""
    return Transformed("".join(lines[:first]) + call + "\n" * (len(lines) - first - 1), (), runs)


def _magic_of(kind, rest):
    """(magic name, its arguments) of ``%name args`` or ``!command``."""
    if kind == "!":
        command, _, args = rest.partition(" ")
        if command in ("pip", "pip3"):
            return "pip", args.strip()
        return "!", rest
    name, _, args = rest.partition(" ")
    return name, args.strip()


def _scan(line, depth, quote):
    """(bracket depth, open triple quote or None, whether the line goes on) after ``line``."""
    i = 0
    while i < len(line):
        c = line[i]
        if quote is not None:
            if c == "\\":
                i += 2
            elif line.startswith(quote, i):
                i += len(quote)
                quote = None
            else:
                i += 1
            continue
        if c == "#":
            break
        if c in "\"'":
            quote = line[i:i + 3] if line[i:i + 3] in ('"""', "'''") else c
            i += len(quote)
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth = max(0, depth - 1)
        i += 1
    if quote in ('"', "'"):
        quote = None  # a one-quote string ends with its line (or the code is broken anyway)
    continued = quote is None and line.rstrip("\r\n").endswith("\\")
    return depth, quote, continued


def shell_escape(command):
    """(magic name, its arguments) of the shell escape ``!command``: ``"pip"`` for ``!pip install``, else ``"!"``."""
    return _magic_of("!", command.strip())


def line_awaits(name):
    """Whether the line magic ``name`` is a coroutine (``%pip``), awaited where its line stands."""
    return inspect.iscoroutinefunction(_MAGICS.get(name))


def line(name, args, namespace):
    """Runs the line magic ``name`` (``"!"``: a shell command) with ``args`` in ``namespace``."""
    magic = _MAGICS.get(name)
    if magic is None:
        if name.startswith("%"):
            raise UsageError(f"%{name} is a cell magic: it works only as the first line of its chunk")
        if name == "!":
            raise UsageError(f"!{args}: shell commands cannot run here: the browser has no shell")
        known = ", ".join("%" + known for known in sorted(_MAGICS) if known != "!")
        raise UsageError(f"%{name} is not a line magic Jodide knows (it knows {known})")
    return magic(args, namespace)


async def _pip(args, namespace):
    words = shlex.split(args)
    if not words:
        raise UsageError("%pip: say what to do: %pip install NAME..., or %pip list")
    command, options = words[0], words[1:]
    import micropip

    if command == "list":
        print(micropip.list())
        return None
    if command != "install":
        raise UsageError(f"%pip {command}: only %pip install and %pip list work here (with micropip)")
    names = []
    keywords = {}
    for option in options:
        if option in ("-q", "--quiet", "-U", "--upgrade"):
            continue
        if option == "--pre":
            keywords["pre"] = True
        elif option == "--no-deps":
            keywords["deps"] = False
        elif option.startswith("-"):
            raise UsageError(f"%pip install: {option} is not an option micropip takes here")
        else:
            names.append(option)
    if not names:
        raise UsageError("%pip install: name the packages to install")
    await micropip.install(names, **keywords)
    print("Installed " + " ".join(names))
    return None


def _matplotlib(args, namespace):
    # Figures show inline after each run whatever the backend asked for (display.show_open_figures).
    return None


def _config(args, namespace):
    # IPython's configuration (``InlineBackend.figure_format = 'retina'``, ``Completer.use_jedi``) has
    # nothing to configure here: figures show inline as PNG whatever it says.
    return None


# Extensions that have nothing to do here: autoreload reloads edited modules, and the notebook's own
# modules are re-imported from Pyodide's file system anyway only when they change (%%writefile).
_NOTHING_TO_LOAD = ("autoreload",)


def _load_ext(args, namespace):
    name = args.strip()
    if name in _NOTHING_TO_LOAD:
        return None
    raise UsageError(f"%load_ext {name}: IPython extensions cannot load here (only {', '.join(_NOTHING_TO_LOAD)},"
                     " which has nothing to do)")


def _autoreload(args, namespace):
    # %autoreload 2 and %aimport: nothing to reload (see _NOTHING_TO_LOAD).
    return None


def _compiled(statement):
    """(code, whether it is an expression) of a timed statement."""
    try:
        return compile(statement, "<timed>", "eval"), True
    except SyntaxError:
        return compile(statement, "<timed>", "exec"), False


def _time(args, namespace):
    if not args:
        raise UsageError("%time: give the statement to time")
    code, is_expression = _compiled(args)
    start = time.perf_counter()
    value = eval(code, namespace) if is_expression else exec(code, namespace)
    print(f"Wall time: {_duration(time.perf_counter() - start)}")
    return value


_TIMEIT_OPTIONS = re.compile(r"^-(n|r)\s*(\d+)(?:\s+|$)")


def _timeit_options(args):
    """(loops or None, runs or None, the rest) of %timeit's arguments ``-n N -r R REST``."""
    options = {}
    while True:
        match = _TIMEIT_OPTIONS.match(args)
        if match is None:
            return options.get("n"), options.get("r"), args
        options[match.group(1)] = int(match.group(2))
        args = args[match.end():]


def _timeit(args, namespace):
    number, repeat, statement = _timeit_options(args)
    if not statement.strip():
        raise UsageError("%timeit: give the statement to time")
    _print_timing(timeit.Timer(statement, globals=namespace), number, repeat)
    return None


def _print_timing(timer, number, repeat):
    """Runs ``timer`` ``repeat`` times (7 by default) ``number`` times (as many as take 0.2 s by
    default) and prints the mean and spread per loop, as IPython does."""
    if number is None:
        number, _ = timer.autorange()
    repeat = repeat or 7
    per_loop = [total / number for total in timer.repeat(repeat=repeat, number=number)]
    spread = statistics.stdev(per_loop) if len(per_loop) > 1 else 0.0
    print(f"{_duration(statistics.mean(per_loop))} ± {_duration(spread)} per loop "
          f"(mean ± std. dev. of {repeat} run{'s' if repeat != 1 else ''}, {number:,} loop{'s' if number != 1 else ''} each)")


def _env(args, namespace):
    if not args:
        return dict(os.environ)
    name, separator, value = args.partition("=")
    if not separator and " " in args.strip():
        name, value = args.split(None, 1)
        separator = "="
    name = name.strip()
    if not separator:
        return os.environ.get(name)
    os.environ[name] = value.strip()
    print(f"env: {name}={os.environ[name]}")
    return None


def _pwd(args, namespace):
    return os.getcwd()


def _ls(args, namespace):
    folder = os.path.expanduser(args.strip().strip("'\"") or ".")
    names = sorted(os.listdir(folder))
    print("\n".join(name + ("/" if os.path.isdir(os.path.join(folder, name)) else "") for name in names))
    return None


def _cd(args, namespace):
    os.chdir(os.path.expanduser(args.strip().strip("'\"") or "~"))
    print(os.getcwd())
    return None


def _pinfo(args, namespace, source=False):
    from . import inspection

    name = args.strip()
    try:
        value = inspection.resolve(name, namespace)
    except Exception:
        print(f"Object `{name}` not found.")
        return None
    text = inspection.help_text(name, value)
    if source:
        try:
            found = inspect.getsource(value).rstrip("\n")
        except (OSError, TypeError):
            found = None
        # A chunk run again at the same place replaces its lines: source without the name is not this one's.
        if found and getattr(value, "__name__", "") in found:
            text += "\nSource:\n" + found
    print(text)
    return None


def _pinfo2(args, namespace):
    return _pinfo(args, namespace, source=True)


def _who(args, namespace):
    names = sorted(name for name, value in namespace.items()
                   if not name.startswith("_") and not type(value).__name__ == "module" and not callable(value)
                   and name not in ("In", "Out", "exit", "quit"))
    print("\t".join(names) if names else "Interactive namespace is empty.")
    return None


def _user_names(namespace):
    """The user's variables: what the kernel and Python put in the namespace left out."""
    from . import shell

    return [name for name, value in namespace.items()
            if not name.startswith("_") and name not in ("In", "Out", "exit", "quit") and not shell.is_installed(name, value)]


def _whos(args, namespace):
    names = sorted(name for name in _user_names(namespace) if type(namespace[name]).__name__ != "module")
    if not names:
        print("Interactive namespace is empty.")
        return None
    rows = [(name, type(namespace[name]).__name__, _short_repr(namespace[name])) for name in names]
    widths = [max(len("Variable"), *(len(row[0]) for row in rows)), max(len("Type"), *(len(row[1]) for row in rows))]
    print(f"{'Variable':<{widths[0]}}   {'Type':<{widths[1]}}   Data/Info")
    print("-" * (widths[0] + widths[1] + 16))
    for name, kind, data in rows:
        print(f"{name:<{widths[0]}}   {kind:<{widths[1]}}   {data}")
    return None


def _short_repr(value, limit=60):
    try:
        text = repr(value)
    except Exception as error:  # a broken __repr__ must not break the listing
        text = f"<repr failed: {type(error).__name__}>"
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _reset(args, namespace):
    options = args.split()
    if "-f" not in options:
        raise UsageError("%reset asks for confirmation in IPython, and nothing can answer it here: write %reset -f")
    for name in _user_names(namespace):
        del namespace[name]
    return None


def _run(args, namespace):
    """%run [-i] FILE [ARGS...]: runs a Python file of Pyodide's file system (written with %%writefile,
    or fetched) as a script, with sys.argv set; its variables then join the user's (-i: it runs in them)."""
    import runpy

    words = shlex.split(args)
    in_namespace = bool(words) and words[0] == "-i"
    if in_namespace:
        words = words[1:]
    if not words:
        raise UsageError("%run: give the Python file to run")
    path = words[0]
    if not os.path.exists(path) and os.path.exists(path + ".py"):
        path += ".py"
    if not os.path.isfile(path):
        raise UsageError(f"%run {words[0]}: no such file in Pyodide's file system (in {os.getcwd()})")
    saved_argv = sys.argv
    sys.argv = [path, *words[1:]]
    try:
        ran = runpy.run_path(path, init_globals=dict(namespace) if in_namespace else None, run_name="__main__")
    finally:
        sys.argv = saved_argv
    namespace.update({name: value for name, value in ran.items() if not name.startswith("__")})
    return None


def _duration(seconds):
    """A time as IPython prints it: 3 significant digits in s, ms, µs or ns."""
    for unit, scale in (("s", 1), ("ms", 1e-3), ("µs", 1e-6), ("ns", 1e-9)):
        if seconds >= scale or unit == "ns":
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds} s"


# The line magics by name; an async one (%pip) is awaited where its line stands.
_MAGICS = {"aimport": _autoreload, "autoreload": _autoreload, "cd": _cd, "config": _config, "env": _env,
           "load_ext": _load_ext, "ls": _ls, "matplotlib": _matplotlib, "pinfo": _pinfo, "pinfo2": _pinfo2, "pip": _pip, "pwd": _pwd,
           "reset": _reset, "run": _run,
           "time": _time, "timeit": _timeit, "who": _who, "whos": _whos}


class _Body(NamedTuple):
    """A cell magic's body: its text, the chunk's file name and the 0-based notebook line it starts at."""
    text: str
    filename: str
    first_line: int

    def chunk(self):
        """The body compiled as a chunk at its notebook lines."""
        from .execution import _Chunk  # here: execution imports this module

        return _Chunk(self.text, self.filename, self.first_line, cache=False)

    def tree(self):
        """The body's syntax tree, at its notebook lines, its line magics as calls."""
        from .execution import parse

        return parse(textwrap.dedent(self.text), self.filename, self.first_line)[0]


def cell(name, args, body, namespace):
    """Runs the cell magic ``name`` with the rest of its line ``args`` on ``body`` (the text under that
    line) in ``namespace``: what a chunk's first line ``%%name args`` becomes, awaited where the magic
    is async. The body's notebook lines are those under the caller's line."""
    caller = sys._getframe(1)
    return cell_at(name, args, body, caller.f_code.co_filename, caller.f_lineno, namespace)


def cell_at(name, args, body, filename, first_line, namespace):
    """Runs the cell magic ``name`` as :func:`cell` does, its ``body`` being the lines of ``filename``
    from 0-based line ``first_line`` on (in linecache, for tracebacks): ``get_ipython().run_cell_magic``."""
    magic = _CELL_MAGICS.get(name)
    if magic is None:
        known = ", ".join("%%" + known for known in sorted(_CELL_MAGICS))
        raise UsageError(f"%%{name} is not a cell magic Jodide knows (it knows {known})")
    return magic.run(args, _Body(body, filename, first_line), namespace)


async def _time_cell(args, body, namespace):
    if args:
        raise UsageError("%%time: the code to time goes under %%time, not after it")
    chunk = body.chunk()
    start = time.perf_counter()
    value = await chunk.run_async(namespace)
    print(f"Wall time: {_duration(time.perf_counter() - start)}")
    return value


# The function %%timeit times, as timeit's template: the setup and the body go in at the notebook's lines.
_TIMED = "def _timed(_it, _timer):\n    _t0 = _timer()\n    for _i in _it:\n        pass\n    return _timer() - _t0\n"


def _timeit_cell(args, body, namespace):
    number, repeat, setup = _timeit_options(args)
    from .execution import parse

    module = ast.parse(_TIMED)
    function = module.body[0]
    loop = function.body[1]
    loop.body = body.tree().body or loop.body
    # The setup stands on the magic's line, just above the body.
    function.body[0:0] = parse(setup, body.filename, body.first_line - 1)[0].body
    try:
        code = compile(module, body.filename, "exec")
    except SyntaxError as exc:
        if "async" not in exc.msg:
            raise
        raise UsageError("%%timeit cannot time code that awaits (%%time can)") from exc
    scope = {}
    exec(code, namespace, scope)
    timer = timeit.Timer(globals=namespace)
    timer.inner = scope["_timed"]
    _print_timing(timer, number, repeat)
    return None


class RichOutput(NamedTuple):
    """One display %%capture kept, as IPython's ``RichOutput``: ``data`` by mime type; ``display()`` shows it again."""
    mime: str
    text: str
    display_id: str
    update: bool

    @property
    def data(self):
        return {self.mime: self.text}

    def display(self):
        if self.update:
            display.update_display(self.data, display_id=self.display_id, raw=True)
        else:
            display.display(self.data, raw=True, display_id=self.display_id or None)


class CapturedIO:
    """What %%capture kept, as IPython's ``CapturedIO``: the text printed to ``stdout`` and ``stderr``,
    the displays (``outputs``, :class:`RichOutput`); ``show()``, or calling it, shows them all again."""

    def __init__(self, stdout, stderr, outputs):
        self._stdout, self._stderr = stdout, stderr
        self.outputs = outputs

    @property
    def stdout(self):
        return self._stdout.getvalue() if self._stdout is not None else ""

    @property
    def stderr(self):
        return self._stderr.getvalue() if self._stderr is not None else ""

    def show(self):
        sys.stdout.write(self.stdout)
        sys.stderr.write(self.stderr)
        for output in self.outputs:
            output.display()

    __call__ = show


_CAPTURE_OPTIONS = ("--no-stdout", "--no-stderr", "--no-display")


async def _capture(args, body, namespace):
    words = shlex.split(args)
    names = [word for word in words if not word.startswith("-")]
    wrong = [word for word in words if word.startswith("-") and word not in _CAPTURE_OPTIONS]
    if wrong or len(names) > 1:
        raise UsageError("%%capture takes [--no-stdout] [--no-stderr] [--no-display] [NAME], not " + args)
    chunk = body.chunk()
    stdout = None if "--no-stdout" in words else io.StringIO()
    stderr = None if "--no-stderr" in words else io.StringIO()
    captured = CapturedIO(stdout, stderr, [])
    try:
        with contextlib.ExitStack() as capturing:
            if stdout is not None:
                capturing.enter_context(contextlib.redirect_stdout(stdout))
            if stderr is not None:
                capturing.enter_context(contextlib.redirect_stderr(stderr))
            if "--no-display" not in words:
                capturing.enter_context(display.captured(lambda *shown: captured.outputs.append(RichOutput(*shown)),
                                                         lambda wait: captured.outputs.clear()))
            value = await chunk.run_async(namespace)
            # IPython keeps the value among the outputs, and the figures the run leaves.
            if value is not None:
                display.display(value)
            display.show_open_figures()
    finally:
        # Kept even when the body fails: what it printed before is there to read.
        if names:
            namespace[names[0]] = captured
    return None


def _shown_as(kind):
    """The cell magic that displays its body as ``IPython.display``'s ``kind`` (Jodide's stand-in, or IPython's)."""
    def show(args, body, namespace):
        display.display(getattr(importlib.import_module("IPython.display"), kind)(body.text))
        return None
    return show


_WRITEFILE_APPEND = ("-a", "--append")


def _writefile(args, body, namespace):
    words = shlex.split(args)
    names = [word for word in words if word not in _WRITEFILE_APPEND]
    if len(names) != 1:
        raise UsageError("%%writefile: give one file name: %%writefile [-a] FILE")
    path = os.path.expanduser(names[0])
    append = len(names) < len(words)
    if os.path.exists(path):
        print(("Appending to " if append else "Overwriting ") + path)
    else:
        print("Writing " + path)
    with open(path, "a" if append else "w", encoding="utf-8") as file:
        file.write(body.text)
    return None


async def _python(args, body, namespace):
    return await body.chunk().run_async(namespace)


def _refused(message):
    """A cell magic that cannot work here: it raises :class:`UsageError` saying why."""
    def refuse(args, body, namespace):
        raise UsageError(message)
    return refuse


class _CellMagic(NamedTuple):
    # run(args, body, namespace): the magic; a coroutine function is awaited where the chunk's first line stands.
    run: Callable
    # python(args, body): the Python the magic runs, whose imports the kernel loads first; None if it runs none.
    python: Optional[Callable] = None


def _the_body(args, body):
    return body


_CELL_MAGICS = {
    "capture": _CellMagic(_capture, _the_body),
    "html": _CellMagic(_shown_as("HTML")),
    "latex": _CellMagic(_shown_as("Latex")),
    "markdown": _CellMagic(_shown_as("Markdown")),
    "python": _CellMagic(_python, _the_body),
    "python3": _CellMagic(_python, _the_body),
    "svg": _CellMagic(_shown_as("SVG")),
    "time": _CellMagic(_time_cell, _the_body),
    "timeit": _CellMagic(_timeit_cell, lambda args, body: _timeit_options(args)[2] + "\n" + body),
    "writefile": _CellMagic(_writefile),
    **{name: _CellMagic(_refused(f"%%{name}: shell commands cannot run here: the browser has no shell"))
       for name in ("!", "bash", "script", "sh", "system")},
    **{name: _CellMagic(_refused(f"%%{name}: JavaScript does not run in a Python chunk: write it as a %% js chunk,"
                                 " which runs it in the report page"))
       for name in ("javascript", "js")},
}
