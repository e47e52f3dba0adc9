"""The error text a failed run shows: the user's traceback, without the kernel's and Pyodide's frames."""

import os
import traceback
import types

# Frames a traceback shows at most (the first ones; the rest are counted).
MAX_FRAMES = 100

# The folder of this package: its frames in a traceback are the kernel's, not the user's: a magic
# running the user's code (a cell magic's body), the SIGINT handler raising KeyboardInterrupt,
# input() raising EOFError.
_KERNEL_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep


def _is_kernel_frame(tb):
    return tb.tb_frame.f_code.co_filename.startswith(_KERNEL_DIR)


def _linked(frames):
    """A traceback of ``frames`` alone, each followed by the next."""
    tb = None
    for frame in reversed(frames):
        tb = types.TracebackType(tb, frame.tb_frame, frame.tb_lasti, frame.tb_lineno)
    return tb


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
    # ... and leaves out the kernel's frames after it: a magic's between the user's frames (a cell
    # magic running its body), the kernel's own input() or SIGINT handler at the end.
    frames, dropped = [], False
    while tb is not None:
        if _is_kernel_frame(tb):
            dropped = True
        else:
            frames.append(tb)
        tb = tb.tb_next
    tb = _linked(frames) if dropped else (frames[0] if frames else None)
    depth = len(frames)
    if depth <= MAX_FRAMES:
        return "".join(traceback.format_exception(type(exc), exc, tb, limit=depth))
    # Deep recursion: formatting every frame of a 100,000-deep traceback takes minutes.
    lines = traceback.format_exception(type(exc), exc, tb, limit=MAX_FRAMES)
    last = traceback.format_exception_only(type(exc), exc)
    shown = lines[:len(lines) - len(last)]
    return ("".join(shown) + f"  ... {depth - MAX_FRAMES} more frames not shown\n"
            + "".join(last))
