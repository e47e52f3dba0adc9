"""The error text a failed run shows: the user's traceback, without the kernel's and Pyodide's frames."""

import os
import traceback

# Frames a traceback shows at most (the first ones; the rest are counted).
MAX_FRAMES = 100

# The folder of this package: its frames at the end of a traceback (the SIGINT handler raising
# KeyboardInterrupt, input() raising EOFError) are the kernel's, not the user's.
_KERNEL_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep


def _is_kernel_frame(tb):
    return tb.tb_frame.f_code.co_filename.startswith(_KERNEL_DIR)


def format_error(exc, filename):
    """The traceback of ``exc`` from its first frame in ``filename`` (the chunk) on, at most MAX_FRAMES frames."""
    if isinstance(exc, SystemExit):
        # A notebook has no process to end: the run stops, Python and its variables stay.
        return (f"SystemExit: {exc.code}\n"
                "sys.exit(), exit() and quit() end only this chunk's run; Python keeps its variables.\n")
    # Drop the frames of the kernel and of Pyodide: the user's traceback starts in their chunk...
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != filename:
        tb = tb.tb_next
    frames = []
    while tb is not None:
        frames.append(tb)
        tb = tb.tb_next
    # ... and ends where it left the user's code for the kernel's own input() or SIGINT handler.
    while frames and _is_kernel_frame(frames[-1]):
        frames.pop()
    tb = frames[0] if frames else None
    depth = len(frames)
    if depth <= MAX_FRAMES:
        return "".join(traceback.format_exception(type(exc), exc, tb, limit=depth))
    # Deep recursion: formatting every frame of a 100,000-deep traceback takes minutes.
    lines = traceback.format_exception(type(exc), exc, tb, limit=MAX_FRAMES)
    last = traceback.format_exception_only(type(exc), exc)
    shown = lines[:len(lines) - len(last)]
    return ("".join(shown) + f"  ... {depth - MAX_FRAMES} more frames not shown\n"
            + "".join(last))
