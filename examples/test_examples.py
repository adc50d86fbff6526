"""The seeds' programs run unmodified, on their own, and print what they did.

Run from the repository root: ``python3 -m unittest discover -s examples -p 'test_*.py'``.
"""
import os
import re
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))


def run(script: str, *arguments: str) -> str:
    """Runs ``script`` from this folder with this interpreter; returns its output."""
    finished = subprocess.run([sys.executable, os.path.join(HERE, script), *arguments], cwd=HERE,
                              capture_output=True, text=True, timeout=120, check=True)
    return finished.stdout


class ExamplesTest(unittest.TestCase):
    def test_thread_pool_on_io(self) -> None:
        self.assertRegex(run("01_thread_pool_io.py", "20"), r"^completed 100 tasks in [\d.]+ s with 50 threads$")

    def test_process_pool_on_cpu(self) -> None:
        self.assertRegex(run("02_process_pool_cpu.py", "6"), r"^completed 6 tasks in [\d.]+ s with \d+ processes$")

    def test_pool_map_close_join(self) -> None:
        self.assertRegex(run("03_pool_map_close_join.py", "6"), r"^completed 6 tasks in [\d.]+ s with \d+ processes$")

    def test_threads_on_cpu(self) -> None:
        self.assertRegex(run("04_threads_cpu_gil.py", "6"), r"^completed 6 tasks in [\d.]+ s with \d+ threads$")

    def test_shared_counter_with_and_without_the_lock(self) -> None:
        self.assertEqual(run("05_shared_counter_lock.py").strip(), "completed 2000 tasks: counter 2000, 0 updates lost (lock on)")
        racing = re.match(r"completed 2000 tasks: counter (\d+), (\d+) updates lost \(lock off\)", run("05_shared_counter_lock.py", "--no-lock"))
        self.assertIsNotNone(racing)
        self.assertGreater(int(racing.group(2)), 0, "without the lock some updates are lost")

    def test_collections(self) -> None:
        self.assertRegex(run("06_collections.py"), r"^completed 60 tasks; sizes \{.*\}; 30 even, 30 odd; first to finish: \d+$")


if __name__ == "__main__":
    unittest.main()
