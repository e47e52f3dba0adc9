"""The Python side of Jodide's kernel, loaded into Pyodide once it starts.

The eval frame (or its Python worker) fetches these files as ``pyodide/jodide-kernel.json``,
writes them into Pyodide's file system, imports this package and calls :func:`install`. User code
runs in ``__main__``; nothing here leaks into it except the ``display`` builtin and, in the
namespace itself, ``get_ipython`` (``shell``), as IPython gives them.

The functions the Java side calls:

- :func:`install` -- sets the display and clearing sinks, the ``display`` builtin and the Matplotlib
  backend, and makes ``import IPython`` give Jodide's stand-in when IPython is not installed
  (``stand_ins``);
- :func:`run_now` -- runs one chunk that does not await at top level, returns ``{"value", "error"}``
  as JSON (None, having run nothing, for a chunk that awaits);
- :func:`run` -- runs one chunk as a coroutine, returns the same JSON;
- :func:`missing_imports` -- packages a chunk imports that are not installed;
- :func:`complete` -- completions of a name, as JSON;
- :func:`help_at` -- help on the name at the cursor (Shift+Tab), as text;
- :func:`workspace` -- the user's variables, as JSON;
- :func:`install_input`, :func:`install_interrupt`, :func:`install_output_flush` and :func:`install_sleep` --
  ``input()``/``getpass``, SIGINT, sending printed text while a run computes, and a ``time.sleep`` that
  Stop and those requests reach, in a worker; :func:`install_blocking_sleep` -- a ``time.sleep`` that
  works after an await, on the frame's thread;
- :func:`renew_process_state` -- after a start from the site's memory snapshot, what that start recorded.
"""

from .completion import complete
from .inspection import help_at
from . import display as _display
from . import stand_ins as _stand_ins
from .execution import run, run_now
from .imports import missing_imports
from .process_state import renew_process_state
from .terminal import install_blocking_sleep, install_input, install_interrupt, install_output_flush, install_sleep
from .workspace import workspace


def install(display_sink, clear_sink=None):
    """Sends rich output to ``display_sink(mime, data)`` and clearings to ``clear_sink(wait)``; installs the stand-ins."""
    _display.install(display_sink, clear_sink)
    _stand_ins.install_stand_ins()


__all__ = ["complete", "help_at", "install", "install_blocking_sleep", "install_input", "install_interrupt", "install_output_flush", "install_sleep",
           "missing_imports", "renew_process_state", "run", "run_now", "workspace"]
