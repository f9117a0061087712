"""Login for `--auth`: one user and password, compared in constant time, with a growing delay after failed attempts.

Gradio hands the check only the user name and password, not the client, so failures are counted per user name (as
Kellnr does behind proxies, where every client shares one address) and in total: guessing one account's password
slows down to one try every few seconds, and a spray over many names slows down the same way.
"""
from __future__ import annotations

import hmac
import threading
import time

MAX_DELAY = 8.0  # seconds: the delay doubles per failure (0.25, 0.5, 1, …) up to this


class LoginGuard:
    def __init__(self, user: str, password: str, sleep=time.sleep):
        self._user, self._password = user.encode(), password.encode()
        self._failures: dict[str, int] = {}
        self._total = 0
        self._lock = threading.Lock()
        self._sleep = sleep

    def delay(self, user: str) -> float:
        with self._lock:
            failures = max(self._failures.get(user, 0), self._total // 4)
        return 0.0 if failures == 0 else min(MAX_DELAY, 0.25 * 2 ** (failures - 1))

    def __call__(self, user: str, password: str) -> bool:
        self._sleep(self.delay(user))
        ok = hmac.compare_digest(user.encode(), self._user) & hmac.compare_digest(password.encode(), self._password)
        with self._lock:
            if ok:
                self._failures.pop(user, None)
                self._total = max(0, self._total - 1)
            else:
                if len(self._failures) > 10_000:  # bounded: a spray of names cannot grow it without end
                    self._failures.clear()
                self._failures[user] = self._failures.get(user, 0) + 1
                self._total += 1
        return bool(ok)
