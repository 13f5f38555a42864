"""Waits on what a test is waiting for, instead of a fixed sleep.

All of them work under the pages' Content Security Policy: Playwright's
evaluate is not the page's eval, and polling happens here, not in the page.
"""
from __future__ import annotations

import time

# An idle callback of our own, with the same 4 s timeout as calculators.js
# gives its engine start (and offline.js its service worker). Idle callbacks
# run in the order they were requested, and ours times out no sooner than
# one requested before it, so when ours has run, every idle callback the page
# requested before this call has run too. The timeout after it lets whatever
# those callbacks started synchronously (a Worker, a fetch) be observed.
_PAST_IDLE = """() => new Promise(resolve => requestIdleCallback(
    () => setTimeout(resolve, 0), {timeout: 4000}))"""

# Two frames for any transition a class change starts, then every CSS
# animation and transition in the document finished (or cancelled).
_ANIMATIONS_DONE = """async () => {
    await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
}"""


def past_idle_start(page) -> None:
    """Return once every idle-time start the page has scheduled so far has
    had its turn (at most about 4 s: the idle callbacks' timeout)."""
    page.evaluate(_PAST_IDLE)


def animations_done(page) -> None:
    """Return once no CSS transition or animation is running in the page."""
    page.evaluate(_ANIMATIONS_DONE)


def until(page, check, timeout: float = 5.0):
    """Poll ``check()`` until it returns something true; return that (or the
    last value, once ``timeout`` seconds have passed, for the caller's assert).
    Between polls the page's events keep being handled (routes, requests)."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        page.wait_for_timeout(50)
