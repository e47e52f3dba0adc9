"""Helpers shared by the kernel's tests."""

import builtins

from jodide_kernel import display


def display_sink(shown):
    """A display sink that appends (mime, data) to ``shown``, and (mime, data, display_id, update) for a display with an id."""
    def show(mime, data, display_id="", update=False):
        shown.append((mime, data, display_id, update) if display_id else (mime, data))
    return show


def run_to_end(coroutine):
    """Runs a coroutine that never waits (the kernel's run of code without await) and returns its value."""
    try:
        coroutine.send(None)
    except StopIteration as stop:
        return stop.value
    coroutine.close()
    raise AssertionError("the coroutine waited; these tests run only code that does not")


def install_display_for(test):
    """Installs the kernel's display for one test, its outputs going to a list that it returns; the
    test's cleanup uninstalls it and gives ``builtins.display`` back as it was."""
    shown = []
    saved = getattr(builtins, "display", None)
    display.install(display_sink(shown))

    def uninstall():
        display.install(None)
        if saved is None:
            del builtins.display
        else:
            builtins.display = saved
    test.addCleanup(uninstall)
    return shown
