"""``IPython`` as Jodide provides it when IPython itself is not installed (see ``jodide_kernel.stand_ins``).

Notebooks written for Jupyter import ``IPython.display`` to show rich output; this package gives
that module (``IPython.core.display`` too, its older name) over Jodide's display, so the same
chunk runs in the browser and on a Jupyter server. There is no interactive shell here:
:func:`get_ipython` answers None, which libraries take to mean "not in IPython". A chunk's own
``get_ipython()`` (in its namespace, as in IPython) is another function: see ``jodide_kernel.shell``.
"""

from IPython.display import display


def get_ipython():
    """None: Jodide runs no IPython shell, and libraries must not think it does.

    matplotlib, tqdm, pandas, plotly and the like call this to learn whether they run in a notebook;
    given a shell, they take the page for a Jupyter kernel (a ``ZMQInteractiveShell``) and use what only
    one has: comms, ipywidgets, ``shell.kernel``. So it stays None, even though the chunks' own
    ``get_ipython()`` (``jodide_kernel.shell``, put in the user's namespace only) returns a shell that
    runs magics: code written for Jupyter calls that one, since ``get_ipython`` is in its namespace."""
    return None


__all__ = ["display", "get_ipython"]
