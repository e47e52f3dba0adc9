import unittest
import warnings

from jodide_kernel.imports import missing_imports


class MissingImportsTest(unittest.TestCase):
    def test_the_standard_library_is_never_missing(self):
        self.assertEqual(missing_imports("import json\nfrom collections import deque\n"), "")

    def test_modules_not_installed_are_named_once_sorted_by_top_level_name(self):
        code = "import zz_not_installed.sub\nimport aa_not_installed\nfrom zz_not_installed import x\n"
        self.assertEqual(missing_imports(code), "aa_not_installed,zz_not_installed")

    def test_a_syntax_error_needs_nothing_the_run_reports_it(self):
        self.assertEqual(missing_imports("import (\n"), "")

    def test_finding_the_imports_gives_no_warning_the_run_gives_them(self):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            missing_imports('import re\npattern = "\\d+"\n')
        self.assertEqual([str(warning.message) for warning in caught], [])

    def test_code_without_imports_needs_nothing(self):
        self.assertEqual(missing_imports("1 + 1"), "")


if __name__ == "__main__":
    unittest.main()
