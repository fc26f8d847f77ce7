"""The package's own event loop, on a daemon thread, for async credentials (those of
``azure.identity.aio``) used where no event loop runs the call: ``Client``.

Every coroutine runs on the same loop (one per process), so that a credential's
sessions, made on its first call, are used on that loop again at each refresh.
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Awaitable
from typing import Any, TypeVar

__all__ = ["run"]

T = TypeVar("T")

_lock = threading.Lock()
_loop: asyncio.AbstractEventLoop | None = None
_pid: int | None = None


def _running_loop() -> asyncio.AbstractEventLoop:
    """The loop, started on first use (and again in a child process after a fork)."""
    global _loop, _pid
    with _lock:
        if _loop is None or _pid != os.getpid() or _loop.is_closed():
            loop = asyncio.new_event_loop()
            thread = threading.Thread(
                target=loop.run_forever, name="cloudpartner-credentials", daemon=True
            )
            thread.start()
            _loop, _pid = loop, os.getpid()
        return _loop


async def _await(awaitable: Awaitable[T]) -> T:
    return await awaitable


def run(awaitable: Awaitable[Any]) -> Any:
    """Awaits ``awaitable`` on the loop and returns its result (or raises its error);
    called by the native module from one of its own threads."""
    return asyncio.run_coroutine_threadsafe(_await(awaitable), _running_loop()).result()
