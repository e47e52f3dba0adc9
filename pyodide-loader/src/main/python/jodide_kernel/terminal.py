"""``input()``, ``getpass.getpass()``, Ctrl+C and live printed output for Python in a worker.

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
