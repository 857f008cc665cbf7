"""`streamlit run` with cProfile on every script run (each in its session's thread) and on
the server's event loop (the main thread). SIGUSR1 writes both profiles next to
`PROFILE_OUT` and exits; SIGUSR2 starts the event loop's profile afresh (after the data is
loaded), and the first script run (the one that loads the data) is left out.
Started by bench/server_profile.py."""

from __future__ import annotations

import cProfile
import os
import pstats
import signal
import sys
import threading
from typing import Any

from streamlit.runtime.scriptrunner import script_runner
from streamlit.web import cli

OUT = os.environ.get("PROFILE_OUT", "server-profile")
_runs: list[cProfile.Profile] = []
_lock = threading.Lock()
_run_script = script_runner.ScriptRunner._run_script  # noqa: SLF001
_main = cProfile.Profile()


def _profiled(self: Any, *args: Any, **kwargs: Any) -> Any:
    prof = cProfile.Profile()
    prof.enable()
    try:
        return _run_script(self, *args, **kwargs)
    finally:
        prof.disable()
        with _lock:
            _runs.append(prof)


def _restart(*_: object) -> None:
    global _main
    _main.disable()
    _main = cProfile.Profile()
    _main.enable()  # signal handlers run in the main thread: the event loop's


def _dump(*_: object) -> None:
    _main.disable()
    _main.dump_stats(OUT + ".loop")
    with _lock:
        if len(_runs) > 1:
            stats = pstats.Stats(_runs[1])
            for prof in _runs[2:]:
                stats.add(prof)
            stats.dump_stats(OUT + ".runs")
    os._exit(0)


if __name__ == "__main__":
    script_runner.ScriptRunner._run_script = _profiled  # type: ignore[method-assign]  # noqa: SLF001
    signal.signal(signal.SIGUSR1, _dump)
    signal.signal(signal.SIGUSR2, _restart)
    sys.argv = ["streamlit", *sys.argv[1:]]
    _main.enable()
    cli.main()
