"""IPython's line magics and shell escapes in a chunk, as far as a browser can take them.

Notebooks written for Jupyter say ``%pip install seaborn``, ``%matplotlib inline`` or
``%time fit(model)``; in plain Python each is a syntax error. Only code that does not parse is
looked at: :func:`transform` turns each line that starts a statement with ``%`` or ``!`` into a
call of this module, one line for one (the notebook's line numbers stay), and the chunk is
compiled again; code that parses is never changed. Known:

- ``%pip install [--pre] [--no-deps] [-q] [-U] NAME...`` and ``!pip install …``: installs with
  micropip (which the kernel loads from the package index first, as for an import), as JupyterLite
  does; ``%pip list`` lists what is installed;
- ``%matplotlib …``: nothing to do, figures show inline anyway;
- ``%time STATEMENT``: runs it and prints its wall time (an expression's value is the line's);
- ``%timeit [-n N] [-r R] STATEMENT``: times it as IPython does and prints the mean and spread;
- ``%env`` (the environment), ``%env NAME`` (one variable), ``%env NAME=VALUE`` or ``%env NAME VALUE``
  (set it); ``%pwd``, ``%cd DIR`` (Pyodide's in-memory file system); ``%who`` (the user's variables).

Any other magic raises :class:`UsageError` naming those it knows, and a shell command (``!ls``)
says that the browser has no shell.
"""

import os
import inspect
import re
import shlex
import statistics
import time
import timeit
from typing import NamedTuple


class UsageError(Exception):
    """A magic Jodide does not know, or one given arguments it does not take."""


class Transformed(NamedTuple):
    code: str
    # Modules the magics in it need, which the kernel loads before the chunk runs (as it does imports).
    imports: tuple


_ESCAPED = re.compile(r"^([ \t]*)([%!])(?!%)(.*?)([\r\n]*)$")
# The call a magic's line becomes (awaited where the magic is async): line(name, arguments, globals()).
_CALL = '__import__("jodide_kernel").magics.line({name!r}, {args!r}, globals())'


def transform(code):
    """``code`` with its line magics and shell escapes as calls, or None when it holds none."""
    lines = code.splitlines(keepends=True)
    imports = set()
    changed = False
    depth, quote, continued = 0, None, False
    for index, line in enumerate(lines):
        if depth == 0 and quote is None and not continued:
            match = _ESCAPED.match(line)
            if match:
                indent, kind, rest, end = match.groups()
                name, args = _magic_of(kind, rest.strip())
                awaits = inspect.iscoroutinefunction(_MAGICS.get(name))
                if name == "pip":
                    imports.add("micropip")
                lines[index] = indent + ("await " if awaits else "") + _CALL.format(name=name, args=args) + end
                changed = True
                continue
        depth, quote, continued = _scan(line, depth, quote)
    return Transformed("".join(lines), tuple(sorted(imports))) if changed else None


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


def line(name, args, namespace):
    """Runs the line magic ``name`` (``"!"``: a shell command) with ``args`` in ``namespace``."""
    magic = _MAGICS.get(name)
    if magic is None:
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


_TIMEIT_OPTIONS = re.compile(r"^-(n|r)\s*(\d+)\s+")


def _timeit(args, namespace):
    number = repeat = None
    rest = args
    while True:
        match = _TIMEIT_OPTIONS.match(rest)
        if match is None:
            break
        if match.group(1) == "n":
            number = int(match.group(2))
        else:
            repeat = int(match.group(2))
        rest = rest[match.end():]
    if not rest.strip():
        raise UsageError("%timeit: give the statement to time")
    timer = timeit.Timer(rest, globals=namespace)
    if number is None:
        number, _ = timer.autorange()
    repeat = repeat or 7
    per_loop = [total / number for total in timer.repeat(repeat=repeat, number=number)]
    spread = statistics.stdev(per_loop) if len(per_loop) > 1 else 0.0
    print(f"{_duration(statistics.mean(per_loop))} ± {_duration(spread)} per loop "
          f"(mean ± std. dev. of {repeat} run{'s' if repeat != 1 else ''}, {number:,} loop{'s' if number != 1 else ''} each)")
    return None


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


def _cd(args, namespace):
    os.chdir(os.path.expanduser(args.strip().strip("'\"") or "~"))
    print(os.getcwd())
    return None


def _who(args, namespace):
    names = sorted(name for name, value in namespace.items()
                   if not name.startswith("_") and not type(value).__name__ == "module" and not callable(value)
                   and name not in ("In", "Out", "exit", "quit"))
    print("\t".join(names) if names else "Interactive namespace is empty.")
    return None


def _duration(seconds):
    """A time as IPython prints it: 3 significant digits in s, ms, µs or ns."""
    for unit, scale in (("s", 1), ("ms", 1e-3), ("µs", 1e-6), ("ns", 1e-9)):
        if seconds >= scale or unit == "ns":
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds} s"


# The line magics by name; an async one (%pip) is awaited where its line stands.
_MAGICS = {"cd": _cd, "env": _env, "matplotlib": _matplotlib, "pip": _pip, "pwd": _pwd, "time": _time,
           "timeit": _timeit, "who": _who}
