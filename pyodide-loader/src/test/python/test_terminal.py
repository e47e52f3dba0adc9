import builtins
import contextlib
import getpass
import io
import signal
import unittest

from jodide_kernel.terminal import install_input, install_interrupt, install_output_flush


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


if __name__ == "__main__":
    unittest.main()
