"""Which packages a chunk needs that are not installed yet."""


def missing_imports(code):
    """Top-level modules that ``code`` imports and that are not installed, comma-separated and sorted."""
    if "import" not in code:
        return ""  # every import statement says so; parsing costs a third of a one-line chunk's run
    import importlib.util

    from pyodide.code import find_imports

    try:
        names = find_imports(code)
    except SyntaxError:
        return ""  # the run itself reports the syntax error
    missing = set()
    for name in names:
        top = name.split(".")[0]
        try:
            if importlib.util.find_spec(top) is None:
                missing.add(top)
        except (ImportError, ValueError):
            missing.add(top)
    return ",".join(sorted(missing))
