"""Modules Jodide provides when the real ones are not installed.

``IPython``: notebooks written for Jupyter say ``from IPython.display import HTML, display``; the
package ``jodide_kernel/ipython`` answers that import under the name ``IPython`` (with
``IPython.display`` and ``IPython.core.display``), so such a chunk runs here as on a Jupyter server.
The finder comes last on ``sys.meta_path``: an IPython installed in Pyodide (micropip) is found
first and wins. Because the stand-in is found, a chunk that imports IPython does not make the
kernel download the real one (``missing_imports``).
"""

import importlib.abc
import importlib.util
import os
import sys

_IPYTHON = os.path.join(os.path.dirname(__file__), "ipython")


class _IPythonStandIn(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        if fullname != "IPython":
            return None
        # Its submodules (IPython.display, IPython.core) are then found in its folder by the usual path finder.
        return importlib.util.spec_from_file_location(
            "IPython", os.path.join(_IPYTHON, "__init__.py"), submodule_search_locations=[_IPYTHON])


def install_stand_ins():
    """Puts the stand-in modules' finder last on ``sys.meta_path`` (once)."""
    if not any(isinstance(finder, _IPythonStandIn) for finder in sys.meta_path):
        sys.meta_path.append(_IPythonStandIn())
