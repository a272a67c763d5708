"""Headless Chromium for the page tests: Debian's /usr/bin/chromium driven by Playwright.

Playwright's own browser download is never used (`executable_path` points at
the system Chromium). Every request that is not a `file://` URL is aborted
and recorded, so a test can assert the page asked for nothing.
"""

from __future__ import annotations

import os
import shutil
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    """The system Chromium, or None when it is not installed."""
    for candidate in (os.environ.get("PARTYGRAPH_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


def available() -> bool:
    """True when both Chromium and the Playwright package are present."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return chromium_path() is not None


@dataclass
class PageRun:
    """What happened while a page was open."""

    page: object
    requests: list[str] = field(default_factory=list)   # URLs the page asked for besides itself
    dialogs: list[str] = field(default_factory=list)    # alert/confirm/prompt messages
    errors: list[str] = field(default_factory=list)     # uncaught page errors
    console_errors: list[str] = field(default_factory=list)


def _page_url(path) -> tuple[str, str]:
    """(URL to open, prefix of the URLs it may load): a file offline, or a page of a server on 127.0.0.1."""
    text = str(path)
    if text.startswith("http://"):
        origin = "/".join(text.split("/", 3)[:3])
        assert origin.split("//")[1].rsplit(":", 1)[0] in ("127.0.0.1", "localhost"), f"not loopback: {origin}"
        return text, origin + "/"
    return Path(path).resolve().as_uri(), "file://"


@contextmanager
def open_page(path, width: int = 1400, height: int = 900):
    """Open a local HTML file offline, or an `http://127.0.0.1:PORT/…` page of a test's server; yields a PageRun."""
    from playwright.sync_api import sync_playwright

    url, allowed = _page_url(path)
    # Playwright gives the browser a fresh temporary profile of its own.
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS[1:], headless=True)
        try:
            context = browser.new_context(viewport={"width": width, "height": height},
                                          offline=allowed == "file://")
            page = context.new_page()
            run = PageRun(page)

            # Abort anything that would leave the machine (or the test's server); record every
            # request other than the page itself (data: URLs are inline, not requests).
            context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(allowed) else r.abort())
            page.on("request", lambda r: r.url != url and not r.url.startswith("data:")
                    and run.requests.append(r.url))
            page.on("dialog", lambda d: (run.dialogs.append(d.message), d.dismiss()))
            page.on("pageerror", lambda e: run.errors.append(str(e)))
            page.on("console", lambda m: m.type == "error" and run.console_errors.append(m.text))
            page.goto(url)
            yield run
        finally:
            browser.close()


def wait_settled(run: PageRun, timeout: float = 60.0) -> float:
    """Wait until the page says the network is drawn and still; returns seconds waited."""
    # Polled from Python: wait_for_function evaluates its predicate with eval, which the
    # page's Content-Security-Policy (no 'unsafe-eval') may refuse.
    start = time.perf_counter()
    while not run.page.evaluate("!!(window.partygraph && window.partygraph.settled === true)"):
        if time.perf_counter() - start > timeout:
            raise TimeoutError(f"the page did not settle in {timeout:.0f} s")
        run.page.wait_for_timeout(50)
    return time.perf_counter() - start
