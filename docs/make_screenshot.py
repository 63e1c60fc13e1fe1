"""Make docs/dyad-page.png: the SRB-XKX dyad page of a store coded from examples/.

Usage (from the project folder, Debian's chromium installed: apt-get install chromium):

    .venv/bin/python docs/make_screenshot.py            # codes examples/ into a temp store
    .venv/bin/python docs/make_screenshot.py --store events.duckdb --out shot.png
    .venv/bin/python docs/make_screenshot.py --url /map --wait "#map path.country" \
        --click "#map circle.pt[data-name='Brussels']" --out docs/map-page.png

The page is served by uvicorn on a free 127.0.0.1 port and shot with Playwright driving
/usr/bin/chromium headless (no browser download).
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from eventscribe.web import create_app

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def code_examples(folder: Path) -> Path:
    store = folder / "sample.duckdb"
    command = [str(ROOT / ".venv/bin/eventscribe"), "code", str(ROOT / "examples"), "--store", str(store), "-q"]
    subprocess.run(command, check=True)
    return store


def serve(store: Path, port: int) -> uvicorn.Server:
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start within 20 s")
        time.sleep(0.05)
    return server


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, help="store to show (default: code examples/ into a temp store)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "dyad-page.png")
    parser.add_argument("--url", default="/dyad?a=SRB&b=XKX&by=week")
    parser.add_argument("--wait", default="#chart .main-svg", help="CSS selector to wait for")
    parser.add_argument("--click", help="CSS selector of an element to click before the shot")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store or code_examples(Path(tmp))
        port = free_port()
        server = serve(store, port)
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1400, "height": 1100})
                page.goto(f"http://127.0.0.1:{port}{args.url}")
                page.wait_for_selector(args.wait)
                if args.click:
                    page.locator(args.click).dispatch_event("click")
                page.screenshot(path=str(args.out), full_page=False)
                browser.close()
        finally:
            server.should_exit = True
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
