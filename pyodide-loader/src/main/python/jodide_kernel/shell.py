"""``get_ipython()`` in the user's namespace: the shell stand-in that Python written for Jupyter calls.

IPython puts ``get_ipython`` in the namespace a notebook's cells run in, and code exported from a
notebook (nbconvert's ``--to script``) calls it for every magic and shell escape::

    get_ipython().run_line_magic('matplotlib', 'inline')
    get_ipython().run_cell_magic('time', '', 'total = sum(range(10))\\n')
    files = get_ipython().getoutput('ls')

Each chunk runs with ``get_ipython`` in its namespace (:func:`install`, called by the kernel's run);
the :class:`JodideShell` it returns runs the magics of ``jodide_kernel.magics`` in that namespace,
its ``user_ns``. ``display`` needs no such help: it is a builtin (``display.install``), as in IPython.

Only the user's namespace has it. ``IPython.get_ipython()``, the function of the ``IPython`` stand-in
that libraries call (matplotlib, tqdm, pandas, plotly), still answers None: a library given a shell
takes the page for a Jupyter kernel and reaches for what only one has (comms, ipywidgets,
``shell.kernel``, ``shell.config['IPKernelApp']``). Library code does not see the user's namespace,
so it does not find this one either.
"""

import inspect
import linecache
import sys

from . import magics


class JodideShell:
    """What ``get_ipython()`` returns in a chunk: IPython's ``InteractiveShell`` as far as Jodide has one.

    ``run_line_magic``, ``run_cell_magic`` and ``magic`` run the magics Jodide knows (others raise
    ``UsageError``, as ``%name`` does); ``system`` and ``getoutput`` raise the ``UsageError`` of ``!cmd``
    (no shell); ``user_ns`` is the namespace the chunks run in, which ``ev``, ``ex`` and ``push`` use.
    """

    def __init__(self, user_ns):
        self.user_ns = user_ns

    def get_ipython(self):
        """This shell, as IPython's own ``get_ipython`` returns its shell."""
        return self

    def run_line_magic(self, magic_name, line):
        """Runs ``%magic_name line`` and returns its value, as the line itself would."""
        if magics.line_awaits(magic_name):
            raise magics.UsageError(
                f"get_ipython().run_line_magic({magic_name!r}, ...): %{magic_name} waits for the browser, which a"
                f" call cannot: write %{magic_name} {line} on a line of its own, which the chunk awaits")
        return magics.line(magic_name, line, self.user_ns)

    def magic(self, arg_s):
        """IPython's older ``magic('name args')`` (``'%name args'`` too): ``run_line_magic(name, args)``."""
        name, _, line = arg_s.partition(" ")
        return self.run_line_magic(name.lstrip("%"), line)

    def run_cell_magic(self, magic_name, line, cell):
        """Runs ``cell`` under ``%%magic_name line`` as a chunk starting with that line would, and returns
        its value. Tracebacks name the cell by the caller's line and quote its lines; a cell that awaits
        cannot run here (the first line of a chunk can be ``%%magic_name``, whose cell may await)."""
        caller = sys._getframe(1)
        filename = f"%%{magic_name} cell ({caller.f_code.co_filename}, line {caller.f_lineno})"
        linecache.cache[filename] = (len(cell), None, cell.splitlines(True), filename)
        result = magics.cell_at(magic_name, line, cell, filename, 0, self.user_ns)
        if not inspect.iscoroutine(result):
            return result
        # %%time, %%capture, %%python are coroutines so that their cell may await: one that does not
        # ends at its first step.
        try:
            result.send(None)
        except StopIteration as finished:
            return finished.value
        result.close()
        raise magics.UsageError(
            f"get_ipython().run_cell_magic({magic_name!r}, ...): the cell awaits, which a call cannot wait for:"
            f" make %%{magic_name} the first line of a chunk, whose cell may await")

    def system(self, cmd):
        """``!cmd``: ``!pip install`` is ``%pip install``; any other command raises the no-shell ``UsageError``."""
        return self.run_line_magic(*magics.shell_escape(cmd))

    def getoutput(self, cmd, split=True, depth=0):
        """``x = !cmd``: as :meth:`system`, there being no shell whose output to return."""
        return self.system(cmd)

    def ev(self, expr):
        """The value of the expression ``expr`` in the user's namespace."""
        return eval(expr, self.user_ns)

    def ex(self, cmd):
        """Runs the statements ``cmd`` in the user's namespace."""
        exec(cmd, self.user_ns)

    def push(self, variables, interactive=True):
        """Puts ``variables`` into the user's namespace: a dict of them, or their names (a list, or one
        string separated by spaces), whose values are the caller's."""
        if not isinstance(variables, dict):
            names = variables.split() if isinstance(variables, str) else variables
            caller = sys._getframe(1)
            variables = {name: eval(name, caller.f_globals, caller.f_locals) for name in names}
        self.user_ns.update(variables)

    @property
    def kernel(self):
        # An AttributeError, so that hasattr(shell, "kernel") is False as outside a Jupyter kernel.
        raise AttributeError("get_ipython().kernel: there is no Jupyter kernel here: Python runs in the browser"
                             " (Pyodide), and Restart kernel starts it afresh")


def install(namespace):
    """Puts ``get_ipython`` into ``namespace`` (a chunk's, before it runs) unless a ``get_ipython`` is there."""
    if "get_ipython" not in namespace:
        namespace["get_ipython"] = JodideShell(namespace).get_ipython


def is_installed(name, value):
    """Whether ``name`` = ``value`` is the ``get_ipython`` :func:`install` put there (the workspace hides it)."""
    return name == "get_ipython" and isinstance(getattr(value, "__self__", None), JodideShell)
