"""The server itself looks nothing up outside this machine (issue 20): started as `make app`
starts it (headless, on every interface), it made DNS queries for an AWS host to learn its
external IP. Every name it resolves and every address it connects to is recorded by an
audit hook (sys.addaudithook) while a real Chromium, whose own outside requests are
aborted and counted, opens the map."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
import urllib.request
from pathlib import Path

from bench.app_server import ROOT, free_port
from bench.browser import OfflinePage
from tests.browser.conftest import need_browser

# streamlit's own command, with every name lookup and connection written to a file
RUN = textwrap.dedent(
    """
    import json, sys
    log = open(sys.argv.pop(1), "a", buffering=1)

    def hook(event, args):
        if event == "socket.getaddrinfo":
            log.write(json.dumps(["resolve", str(args[0])]) + "\\n")
        elif event == "socket.connect":
            log.write(json.dumps(["connect", repr(args[1])]) + "\\n")

    sys.addaudithook(hook)
    from streamlit.web.cli import main
    sys.argv = ["streamlit", "run", "dashboard/serve.py", *sys.argv[1:]]
    main()
    """
)
LOCAL = ("localhost", "127.0.0.1", "::1", "0.0.0.0", "::", "")


def test_the_headless_server_makes_no_outside_lookup(browser: object, tmp_path: Path) -> None:
    need_browser()
    log = tmp_path / "server-sockets.jsonl"
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", RUN, str(log), "--server.headless", "true",
         "--server.port", str(port)],
        cwd=ROOT, env={**os.environ}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=1):
                    break
            except OSError:
                time.sleep(0.3)
        page = OfflinePage(browser)
        try:
            page.open(url + "/", min_features=100)
            assert page.outside == []  # the browser's own requests
        finally:
            page.close()
        time.sleep(2)  # anything the server does on a timer after the first page
    finally:
        proc.terminate()
        out = proc.communicate(timeout=30)[0].decode(errors="replace")
    events = [json.loads(line) for line in log.read_text().splitlines()]
    outside = [e for e in events if e[0] == "resolve" and e[1] not in LOCAL]
    outside += [e for e in events if e[0] == "connect"
                and not any(h in e[1] for h in ("127.0.0.1", "'::1'", "localhost"))
                and not e[1].startswith("'/")]  # a unix socket path
    assert outside == [], outside
    assert "external IP" not in out, out[-2000:]
