"""Helpers shared by the kernel's tests."""


def run_to_end(coroutine):
    """Runs a coroutine that never waits (the kernel's run of code without await) and returns its value."""
    try:
        coroutine.send(None)
    except StopIteration as stop:
        return stop.value
    coroutine.close()
    raise AssertionError("the coroutine waited; these tests run only code that does not")
