import os
import random
import sys
import time
import unittest

from jodide_kernel.process_state import renew_process_state


class RenewProcessStateTest(unittest.TestCase):
    def setUp(self):
        self.saved = (os.environ.get("LANG"), list(sys.path), random.getstate())

    def tearDown(self):
        language, path, state = self.saved
        if language is None:
            os.environ.pop("LANG", None)
        else:
            os.environ["LANG"] = language
        sys.path[:] = path
        random.setstate(state)

    def test_the_language_is_the_browsers(self):
        renew_process_state("de_CH.UTF-8")
        self.assertEqual(os.environ["LANG"], "de_CH.UTF-8")

    def test_the_random_generator_is_seeded_anew(self):
        random.seed(42)
        recorded = random.random()
        random.seed(42)
        renew_process_state("C.UTF-8")
        self.assertNotEqual(random.random(), recorded)

    def test_a_folder_named_twice_on_the_path_is_named_once_where_it_came_first(self):
        sys.path[:] = ["/jodide", "", "", "/lib/python314.zip", ""]
        renew_process_state("C.UTF-8")
        self.assertEqual(sys.path, ["/jodide", "", "/lib/python314.zip"])

    def test_a_path_without_repeats_is_left_alone(self):
        sys.path[:] = ["/jodide", "", "/lib/python314.zip"]
        renew_process_state("C.UTF-8")
        self.assertEqual(sys.path, ["/jodide", "", "/lib/python314.zip"])

    def test_the_time_zone_constants_are_those_of_the_local_time(self):
        saved = (time.timezone, time.altzone, time.daylight, time.tzname)
        try:
            time.timezone, time.altzone, time.daylight, time.tzname = 1, 2, 3, ("stale", "stale")
            renew_process_state("C.UTF-8")
            now = time.localtime()
            self.assertIn(now.tm_zone, time.tzname)
            self.assertIn(-now.tm_gmtoff, (time.timezone, time.altzone))
            self.assertEqual(time.daylight, int(time.timezone != time.altzone))
        finally:
            time.timezone, time.altzone, time.daylight, time.tzname = saved

if __name__ == "__main__":
    unittest.main()
