import builtins
import contextlib
import getpass
import io
import signal
import time
import unittest

from jodide_kernel.terminal import install_blocking_sleep, install_input, install_interrupt, install_output_flush, install_sleep


class InputTest(unittest.TestCase):
    def setUp(self):
        self.saved = (builtins.input, getpass.getpass)
        self.asked = []

    def tearDown(self):
        builtins.input, getpass.getpass = self.saved

    def answering(self, answer):
        def read_line(prompt, password):
            self.asked.append((prompt, password))
            return answer
        install_input(read_line)

    def test_input_returns_the_answer_and_echoes_prompt_and_answer(self):
        self.answering("Ada")
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            self.assertEqual(input("Name? "), "Ada")
        self.assertEqual(self.asked, [("Name? ", False)])
        self.assertEqual(printed.getvalue(), "Name? Ada\n")

    def test_getpass_does_not_echo_the_answer(self):
        self.answering("secret")
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            self.assertEqual(getpass.getpass(), "secret")
        self.assertEqual(self.asked, [("Password: ", True)])
        self.assertEqual(printed.getvalue(), "Password: \n")

    def test_end_of_input_raises_eof_error(self):
        self.answering(None)
        with self.assertRaises(EOFError):
            input()

    def test_a_stopped_wait_raises_keyboard_interrupt(self):
        self.answering(False)
        with self.assertRaises(KeyboardInterrupt):
            input("wait")

    def test_the_prompt_is_passed_as_text(self):
        self.answering("")
        with contextlib.redirect_stdout(io.StringIO()):
            input(42)
        self.assertEqual(self.asked, [("42", False)])


class InterruptTest(unittest.TestCase):
    def setUp(self):
        self.saved = signal.getsignal(signal.SIGINT)

    def tearDown(self):
        signal.signal(signal.SIGINT, self.saved)

    def test_only_the_first_delivery_of_a_run_raises(self):
        deliveries = iter([True, False])
        install_interrupt(lambda: next(deliveries))
        handler = signal.getsignal(signal.SIGINT)
        with self.assertRaises(KeyboardInterrupt):
            handler(signal.SIGINT, None)
        handler(signal.SIGINT, None)  # ignored: the run is already being interrupted


class OutputFlushTest(unittest.TestCase):
    def setUp(self):
        self.saved = signal.getsignal(signal.SIGUSR1)

    def tearDown(self):
        signal.signal(signal.SIGUSR1, self.saved)

    def test_the_signal_is_the_one_the_frame_writes(self):
        self.assertEqual(signal.SIGUSR1, 10)  # python-worker-support.js FLUSH_SIGNAL

    def test_a_flush_request_calls_flush(self):
        calls = []
        install_output_flush(lambda: calls.append(1))
        signal.raise_signal(signal.SIGUSR1)
        self.assertEqual(calls, [1])

    def test_a_failing_flush_does_not_reach_the_running_code(self):
        def failing():
            raise RuntimeError("the frame is gone")
        install_output_flush(failing)
        signal.raise_signal(signal.SIGUSR1)
        self.assertEqual(1 + 1, 2)


class SleepTest(unittest.TestCase):
    def setUp(self):
        self.saved = (time.sleep, signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGUSR1))
        self.real_sleep = time.sleep
        self.waits = []

    def tearDown(self):
        time.sleep = self.saved[0]
        signal.signal(signal.SIGINT, self.saved[1])
        signal.signal(signal.SIGUSR1, self.saved[2])

    def waiting(self, *signals):
        """Installs a sleep whose waits hand out ``signals`` first, then sleep for real."""
        pending = list(signals)

        def wait_for_signal(ms):
            self.waits.append(ms)
            if pending:
                return pending.pop(0)
            self.real_sleep(ms / 1000)
            return 0
        install_sleep(wait_for_signal)

    def test_a_sleep_without_signals_lasts_its_time(self):
        self.waiting()
        started = time.monotonic()
        time.sleep(0.05)
        self.assertGreaterEqual(time.monotonic() - started, 0.05)
        self.assertTrue(self.waits and self.waits[0] <= 50)

    def test_a_flush_request_runs_the_handler_and_the_sleep_goes_on(self):
        flushes = []
        install_output_flush(lambda: flushes.append(1))
        self.waiting(signal.SIGUSR1)
        started = time.monotonic()
        time.sleep(0.05)
        self.assertEqual(flushes, [1])
        self.assertGreaterEqual(time.monotonic() - started, 0.05)

    def test_an_interrupt_raises_keyboard_interrupt_out_of_the_sleep(self):
        install_interrupt(lambda: True)
        self.waiting(signal.SIGINT)
        started = time.monotonic()
        with self.assertRaises(KeyboardInterrupt):
            time.sleep(60)
        self.assertLess(time.monotonic() - started, 5)

    def test_a_signal_without_a_handler_is_ignored(self):
        signal.signal(signal.SIGUSR1, signal.SIG_DFL)
        self.waiting(signal.SIGUSR1)
        time.sleep(0.01)
        self.assertEqual(len(self.waits), 2)

    def test_zero_waits_for_nothing_and_bad_lengths_fail_as_time_sleep_does(self):
        self.waiting()
        time.sleep(0)
        self.assertEqual(self.waits, [])
        with self.assertRaises(ValueError):
            time.sleep(-1)
        with self.assertRaises(TypeError):
            time.sleep("1")
        self.assertEqual(time.sleep.__name__, "sleep")


class BlockingSleepTest(unittest.TestCase):
    def setUp(self):
        self.saved = time.sleep

    def tearDown(self):
        time.sleep = self.saved

    def test_the_sleep_is_the_one_pyodide_wraps_and_it_sleeps(self):
        wrapped = getattr(time.sleep, "__wrapped__", None)
        install_blocking_sleep()
        if wrapped is not None:
            self.assertIs(time.sleep, wrapped)
        self.assertFalse(hasattr(time.sleep, "__wrapped__"))
        install_blocking_sleep()  # twice: still the blocking sleep
        started = time.monotonic()
        time.sleep(0.02)
        self.assertGreaterEqual(time.monotonic() - started, 0.02)


if __name__ == "__main__":
    unittest.main()
