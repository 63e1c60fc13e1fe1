"""Fixtures for the web tests: stores, a live uvicorn server, and headless Chromium.

The browser tests drive Debian's /usr/bin/chromium through Playwright (no browser
download). When it is missing the session installs it with apt-get (CI runs as root on
a fresh machine); the tests are skipped only when that install cannot reach a package
source.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
import uvicorn
from click.testing import CliRunner

from eventscribe.cli import main
from eventscribe.store import EventStore
from eventscribe.web import create_app
from tests.conftest import load_module

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


class LiveServer:
    """uvicorn serving ``create_app(store)`` on a free 127.0.0.1 port in a thread."""

    def __init__(self, store: Path) -> None:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = int(sock.getsockname()[1])
        config = uvicorn.Config(
            create_app(store), host="127.0.0.1", port=self.port, log_level="warning"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            assert time.monotonic() < deadline, "uvicorn did not start within 30 s"
            time.sleep(0.05)
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def sample_store(repo_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled examples/ coded once per session into a store (read it, never write)."""
    store = tmp_path_factory.mktemp("web-sample") / "sample.duckdb"
    result = CliRunner().invoke(
        main, ["code", str(repo_root / "examples"), "--store", str(store), "-q"]
    )
    assert result.exit_code == 0, result.output
    return store


@pytest.fixture(scope="session")
def generated_store(repo_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """12,000 events made by bench/make_big_store.py, once per session (read it, never
    write): enough for the 10,000 cap on totals to matter."""
    path = tmp_path_factory.mktemp("generated") / "g.duckdb"
    load_module("es_make_big_store", repo_root / "bench" / "make_big_store.py").build(path, 12_000)
    return path


@pytest.fixture(scope="session")
def sample_server(sample_store: Path) -> Iterator[LiveServer]:
    server = LiveServer(sample_store)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def script_store(tmp_path_factory: pytest.TempPathFactory, factories: ModuleType) -> Path:
    """A store whose article, title and actor text carry HTML that must not run."""
    f = factories
    text = "Kosovo said <script>alert('x')</script> Serbia accused Kosovo of <b>provocations</b>."
    serbia = f.actor("Serbia", text.index("Serbia"), "Serbia", "SRB", None)
    kosovo = f.actor("Kosovo", text.index("Kosovo of"), "<i>Kosovo</i>", "XKX", None)
    event = f.make_event("doc-x", text, "accused", source=serbia, target=kosovo, when="2022-11-23")
    doc = f.CodedDocument(
        article=f.Article("doc-x", text, None, "<script>alert('title')</script>", "javascript:alert('url')", "W", "x"),
        sentences=(f.Span(0, len(text), text),),
        events=(event,), actors=(serbia, kosovo),
    )  # fmt: skip
    path = tmp_path_factory.mktemp("script-store") / "s.duckdb"
    with EventStore(path) as store:
        store.write([doc], run=f.RUN)
    return path


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's chromium, installed with apt-get when missing (skip only if unreachable)."""
    if not Path(CHROMIUM).exists():
        if shutil.which("apt-get") is None:
            pytest.skip("chromium is missing and apt-get is not available to install it")
        env = {"DEBIAN_FRONTEND": "noninteractive", "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"}
        update = subprocess.run(
            ["apt-get", "update"], capture_output=True, text=True, env=env, check=False
        )
        install = subprocess.run(
            ["apt-get", "install", "-y", "chromium"],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        if install.returncode != 0:
            output = update.stdout + update.stderr + install.stdout + install.stderr
            unreachable = (
                "Could not resolve",
                "Failed to fetch",
                "Temporary failure",
                "Unable to locate package",
            )
            if any(marker in output for marker in unreachable):
                pytest.skip(
                    f"cannot install chromium: no package source reachable ({install.stderr.strip()[-200:]})"
                )
            raise AssertionError(f"apt-get install chromium failed:\n{output[-2000:]}")
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        opened = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield opened
        opened.close()


def block_other_hosts(page, server: LiveServer) -> list[str]:  # type: ignore[no-untyped-def]
    """Let ``page`` reach only ``server`` (the network blocked, as offline); the returned
    list collects every URL it tried elsewhere."""
    blocked: list[str] = []

    def only_this_app(route) -> None:  # type: ignore[no-untyped-def]
        if route.request.url.startswith(server.url):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.route("**/*", only_this_app)
    return blocked


@pytest.fixture
def page(browser) -> Iterator[object]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1300, "height": 1000})
    opened = context.new_page()
    yield opened
    context.close()
