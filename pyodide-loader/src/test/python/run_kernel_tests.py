"""Runs the kernel's unittest tests (test_*.py next to this file) and reports the result as JSON.

Called by static/src/test/js/python-kernel.test.js under Pyodide in Node, after it has installed
the kernel package; also runs under a plain Pyodide console: ``import run_kernel_tests; print(run_kernel_tests.main())``.
"""

import io
import json
import os
import unittest


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    suite = unittest.defaultTestLoader.discover(here, pattern="test_*.py", top_level_dir=here)
    stream = io.StringIO()
    result = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
    return json.dumps({
        "testsRun": result.testsRun,
        "failures": len(result.failures),
        "errors": len(result.errors),
        "skipped": len(result.skipped),
        "output": stream.getvalue(),
    })
