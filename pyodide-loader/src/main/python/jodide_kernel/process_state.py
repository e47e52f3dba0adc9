"""What a Python started from a memory snapshot must renew to look like one that started here.

The site ships the memory of a Pyodide that has just started (``pyodide/python-snapshot.gz``,
made at build time, see static/python-snapshot.mjs). A restored Python carries what that start
recorded: the random generator's seed, the build machine's language and time zone, and a second
``''`` that Pyodide puts on ``sys.path`` again when it restores. :func:`renew_process_state`
renews them; the eval frame (or its worker) calls it once, right after a restore, before any user
code runs, once the C library's time zone is the browser's again (snapshot.js: Emscripten's
``tzset`` runs once per start, so the JavaScript side refreshes what it wrote). Hash randomisation cannot be renewed: its seed is fixed by the snapshot (as with a fixed
``PYTHONHASHSEED``), so ``hash()`` of a str is the same in every session.
"""

import os
import random
import sys
import time


def renew_process_state(language):
    """Renews the state a start takes from its surroundings; ``language`` is ``$LANG`` as Emscripten
    writes it for this browser (``en_US.UTF-8``)."""
    os.environ["LANG"] = language
    _renew_time_zone()
    random.seed()
    sys.path[:] = list(dict.fromkeys(sys.path))


_YEAR = (365 * 24 + 6) * 3600


def _renew_time_zone():
    """``time.timezone``, ``altzone``, ``daylight`` and ``tzname`` from the C library's local time,
    as CPython's ``init_timezone`` computes them where it cannot read the C globals (Pyodide has no
    ``time.tzset``): the zones of January and July of this year; in the southern hemisphere summer
    time is January's."""
    start = int(time.time() / _YEAR) * _YEAR
    january = time.localtime(start)
    july = time.localtime(start + _YEAR // 2)
    january_zone, july_zone = -january.tm_gmtoff, -july.tm_gmtoff
    if january_zone < july_zone:
        standard, summer = july, january
    else:
        standard, summer = january, july
    time.timezone = -standard.tm_gmtoff
    time.altzone = -summer.tm_gmtoff
    time.daylight = int(january_zone != july_zone)
    time.tzname = (standard.tm_zone, summer.tm_zone)
