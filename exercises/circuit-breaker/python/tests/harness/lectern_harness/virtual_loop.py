"""An asyncio event loop on virtual time, for the differential scenarios.

`loop.time()` starts at 0 and moves only when every task waits: instead of sleeping in the
selector, the loop jumps to the next timer. Deadlines (`asyncio.timeout`), sleeps and the
scenario's clock advances all happen at exact instants, so a program replays exactly, and no
scenario waits on the wall clock.
"""

import asyncio as _asyncio
import heapq as _heapq
import selectors as _selectors

_MAX_JUMP = 24 * 3600.0


class Stalled(Exception):
    """Nothing is ready and no timer is pending: the program can never go on."""


class _VirtualSelector(_selectors.DefaultSelector):
    loop = None

    def select(self, timeout=None):
        events = super().select(0)
        if events or timeout == 0:
            return events
        loop = self.loop
        if timeout is None:
            raise Stalled("every task waits and no timer is pending")
        scheduled = loop._scheduled
        target = scheduled[0]._when if scheduled else loop._now + min(timeout, _MAX_JUMP)
        if target > loop._now:
            loop._now = target
        return events


class VirtualTimeLoop(_asyncio.SelectorEventLoop):
    """A selector event loop whose clock is virtual (see the module's doc)."""

    def __init__(self) -> None:
        selector = _VirtualSelector()
        super().__init__(selector)
        selector.loop = self
        self._now = 0.0

    def time(self) -> float:
        return self._now

    def busy(self) -> bool:
        """Whether a callback is ready or a timer is due now."""
        if self._ready:
            return True
        scheduled = self._scheduled
        while scheduled and scheduled[0]._cancelled:
            self._timer_cancelled_count -= 1
            _heapq.heappop(scheduled)._scheduled = False
        return bool(scheduled) and scheduled[0]._when <= self._now
