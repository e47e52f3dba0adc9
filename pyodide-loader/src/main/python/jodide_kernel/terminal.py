"""``input()``, ``getpass.getpass()``, Ctrl+C, live printed output and ``time.sleep`` for Python in a worker.

The prompt and the answer show in the run's output as in a terminal (a password's answer is not
shown). The worker's ``read_line(prompt, password)`` blocks until the user answers; it returns the
line, None at end of input (EOFError) or False when the run was stopped meanwhile (KeyboardInterrupt).
"""

import builtins
import getpass
import sys


def install_input(read_line):
    """Makes ``input()`` and ``getpass.getpass()`` ask ``read_line`` for their line."""

    def read(prompt, password):
        sys.stdout.flush()
        sys.stderr.flush()
        answer = read_line(str(prompt), password)
        if answer is False:
            raise KeyboardInterrupt
        if answer is None:
            raise EOFError("EOF when reading a line")
        return str(answer)

    def input(prompt=""):
        answer = read(prompt, False)
        print(f"{prompt}{answer}")
        return answer

    def getpass_(prompt="Password: ", stream=None):
        answer = read(prompt, True)
        print(prompt)
        return answer

    builtins.input = input
    getpass.getpass = getpass_


def install_interrupt(first_delivery):
    """Raises KeyboardInterrupt on SIGINT only when ``first_delivery()`` is true (the first signal of a run)."""
    import signal

    def on_sigint(signum, frame):
        # Later signals of the same run are ignored: a second KeyboardInterrupt would land in the
        # kernel's own error handling.
        if first_delivery():
            raise KeyboardInterrupt

    signal.signal(signal.SIGINT, on_sigint)


def install_output_flush(flush):
    """Calls ``flush()`` on SIGUSR1, which the frame signals while a run lasts.

    The worker's thread is Python's: while a run computes, no timer of the worker fires, so the
    text it printed would wait for the run's end. ``flush`` sends it on; whatever it raises is
    dropped, since the handler runs between two lines of the user's code.
    """
    import signal

    def on_flush_request(signum, frame):
        try:
            flush()
        except Exception:  # noqa: BLE001 -- the user's code must not see the worker's failure
            pass

    signal.signal(signal.SIGUSR1, on_flush_request)


def install_sleep(wait_for_signal):
    """Makes ``time.sleep`` wait on the interrupt buffer, so that Stop and the frame's flush requests reach it.

    Pyodide's own sleep blocks the worker's thread without looking at the buffer: Stop then had to
    replace the worker (losing the variables), and the text printed before the sleep waited for its
    end. ``wait_for_signal(ms)`` waits at most ``ms`` milliseconds for a signal the frame writes
    and returns it, or 0 when the time ran out; the signal's handler then runs here, as Python runs
    it between two lines (SIGINT's raises KeyboardInterrupt out of the sleep).
    """
    import functools
    import operator
    import signal
    import time

    original = time.sleep
    monotonic = time.monotonic

    @functools.wraps(original)
    def sleep(seconds):
        if not isinstance(seconds, float):
            try:
                seconds = operator.index(seconds)
            except TypeError:
                raise TypeError(f"'{type(seconds).__name__}' object cannot be interpreted as an integer or float") from None
        if seconds != seconds:
            raise ValueError("Invalid value NaN (not a number)")
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        deadline = monotonic() + seconds
        while (left := deadline - monotonic()) > 0:
            taken = wait_for_signal(left * 1000)
            if taken and callable(signal.getsignal(taken)):
                signal.raise_signal(taken)

    time.sleep = sleep


def install_blocking_sleep():
    """Makes ``time.sleep`` Pyodide's blocking sleep everywhere (Python on the frame's thread).

    Pyodide's ``time.sleep`` tries to switch stacks when called from a coroutine (a chunk that
    awaited), which fails in the frame ("WebAssembly stack switching not supported"); elsewhere it
    falls back to the blocking sleep it wraps, which is what runs now in both cases.
    """
    import time

    time.sleep = getattr(time.sleep, "__wrapped__", time.sleep)
