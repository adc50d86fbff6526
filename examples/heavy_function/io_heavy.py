"""Work that waits: a simulated network call that sleeps, using no CPU while it waits."""
import time


def fetch(url: str, seconds: float = 0.05) -> str:
    """Pretends to fetch ``url``: waits ``seconds`` as a network call would, returns a body."""
    time.sleep(seconds)
    return "<html>%s</html>" % url


def io_heavy(n: int, seconds: float = 0.05) -> tuple:
    """Task ``n``: one simulated request; returns ``(n, body length, seconds)``."""
    begun = time.perf_counter()
    body = fetch("https://example.invalid/item/%d" % n, seconds)
    return n, len(body), time.perf_counter() - begun
