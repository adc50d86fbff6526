"""Work that keeps a core busy: counting primes by trial division, in pure Python."""
import time


def count_primes(limit: int) -> int:
    """The number of primes below ``limit`` (pure Python, so it holds the GIL while it runs)."""
    count = 0
    for candidate in range(2, limit):
        divisor = 2
        while divisor * divisor <= candidate:
            if candidate % divisor == 0:
                break
            divisor += 1
        else:
            count += 1
    return count


def cpu_heavy(n: int, limit: int = 50_000) -> tuple:
    """Task ``n``: count the primes below ``limit``; returns ``(n, primes, seconds)``."""
    begun = time.perf_counter()
    primes = count_primes(limit)
    return n, primes, time.perf_counter() - begun
