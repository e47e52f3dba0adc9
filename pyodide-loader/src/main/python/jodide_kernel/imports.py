"""Which packages a chunk needs that are not installed yet."""

import warnings


def missing_imports(code):
    """Top-level modules that ``code`` imports and that are not installed, comma-separated and sorted."""
    if "import" not in code and "pip" not in code:
        # Every import statement says so, and %pip (which needs micropip) says pip: parsing costs a
        # third of a one-line chunk's run.
        return ""
    import importlib.util

    from pyodide.code import find_imports

    # Parsed here only to find its imports: the warnings of its compile (an invalid escape such as
    # "\d") are the run's to give, at the chunk's lines; this parse gave them again as "<unknown>:2".
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        imported = _imported(code, find_imports)
    missing = set()
    for name in imported:
        top = name.split(".")[0]
        try:
            if importlib.util.find_spec(top) is None:
                missing.add(top)
        except (ImportError, ValueError):
            missing.add(top)
    return ",".join(sorted(missing))


def _imported(code, find_imports):
    """The modules ``code`` imports, with those its magics need: %pip needs micropip, and a cell magic
    (%%time) what the Python it runs imports."""
    transformed = None
    if "%" in code or "!" in code:
        from .magics import transform

        # Magics (the run turns them into calls) need what they use: %pip, micropip.
        transformed = transform(code)
    try:
        # (Pyodide's find_imports finds nothing in code that does not parse: broken code, which the
        # run itself reports.)
        names = list(find_imports(code if transformed is None else transformed.code))
    except SyntaxError:
        names = []
    if transformed is not None:
        names += transformed.imports
        if transformed.runs:
            names += _imported(transformed.runs, find_imports)
    return names
