"""Completion of names and attributes in the user's namespace."""

import json
import rlcompleter

import __main__

# Names offered at most.
MAX_NAMES = 200


def complete(token, namespace=None):
    """Names that complete ``token`` in ``namespace`` (default ``__main__``), by rlcompleter, as a JSON array."""
    completer = rlcompleter.Completer(__main__.__dict__ if namespace is None else namespace)
    names = []
    try:
        for state in range(MAX_NAMES):
            name = completer.complete(token, state)
            if name is None:
                break
            if name not in names:
                names.append(name)
    except BaseException:
        pass  # a failing __getattr__ or property: offer what was found
    return json.dumps(names)
