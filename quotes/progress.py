"""A progress line on stderr: documents done, rate, time left. Silent unless stderr is a
terminal (and not asked to be quiet)."""
from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, total: int | None, enabled: bool, stream: TextIO = sys.stderr, every: float = 0.5):
        self.total = total
        self.enabled = enabled and stream.isatty()
        self.stream = stream
        self.every = every
        self.done = 0
        self.started = time.monotonic()
        self._shown = 0.0

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if self.enabled and (now - self._shown >= self.every or self.done == self.total):
            self._shown = now
            self.stream.write("\r" + self.line(now - self.started))
            self.stream.flush()

    def line(self, elapsed: float) -> str:
        rate = self.done / elapsed if elapsed > 0 else 0.0
        line = f"{self.done}" + (f"/{self.total}" if self.total else "") + f" documents, {rate:.1f}/s"
        if self.total and rate > 0:
            left = int((self.total - self.done) / rate)
            line += f", ETA {left // 60}:{left % 60:02d}"
        return line

    def close(self) -> None:
        if self.enabled and self.done:
            self.stream.write("\n")
            self.stream.flush()
