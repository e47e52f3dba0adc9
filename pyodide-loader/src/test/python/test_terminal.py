import builtins
import contextlib
import getpass
import io
import signal
import unittest

from jodide_kernel.terminal import install_input, install_interrupt


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


if __name__ == "__main__":
    unittest.main()
