"""``IPython.core.display``, the older name of ``IPython.display``."""

from IPython.display import *  # noqa: F401,F403
from IPython.display import __all__  # noqa: F401
