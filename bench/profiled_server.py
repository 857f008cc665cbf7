"""`streamlit run` with cProfile on every script run (each in its own thread) and on
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

from streamlit.web import cli

OUT = os.environ.get("PROFILE_OUT", "server-profile")
_runs: list[cProfile.Profile] = []
_lock = threading.Lock()
_main = cProfile.Profile()
# Streamlit runs each script run in a thread of this name (its public thread naming);
# the hook below profiles those and leaves every other thread alone.
SCRIPT_THREAD = "ScriptRunner.scriptThread"


def _profile_thread(*_: object) -> None:
    """Runs once at the start of each new thread: a script run's thread gets a profiler
    of its own (which takes this hook's place), any other thread nothing."""
    if threading.current_thread().name == SCRIPT_THREAD:
        prof = cProfile.Profile()
        with _lock:
            _runs.append(prof)
        prof.enable()
    else:
        sys.setprofile(None)


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
    threading.setprofile(_profile_thread)
    signal.signal(signal.SIGUSR1, _dump)
    signal.signal(signal.SIGUSR2, _restart)
    sys.argv = ["streamlit", *sys.argv[1:]]
    _main.enable()
    cli.main()
