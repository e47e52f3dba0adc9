"""``IPython`` as Jodide provides it when IPython itself is not installed (see ``jodide_kernel.stand_ins``).

Notebooks written for Jupyter import ``IPython.display`` to show rich output; this package gives
that module (``IPython.core.display`` too, its older name) over Jodide's display, so the same
chunk runs in the browser and on a Jupyter server. There is no interactive shell here:
:func:`get_ipython` answers None, which libraries take to mean "not in IPython".
"""

from IPython.display import display


def get_ipython():
    """None: Jodide runs no IPython shell (libraries check this before using one)."""
    return None


__all__ = ["display", "get_ipython"]
