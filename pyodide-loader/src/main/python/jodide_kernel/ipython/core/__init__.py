"""``IPython.core``, as Jodide provides it: only its ``display`` module (see ``IPython.display``)."""
