"""`pilot-atlas slide | deck | html`: the view named by URL-style flags, written to a file.

The flags are the URL's parameters (batch, province, level, category, status, q, lang,
step, map, compare) read by the app's own `from_query`, so a link and a command line
describe the same view."""

from __future__ import annotations

import argparse
from pathlib import Path

from dashboard.state import ViewState, from_query
from geodata.errors import InputError

# URL parameter names, as flags (argparse keeps the dest equal to the name)
VIEW_FLAGS: tuple[str, ...] = ("batch", "province", "level", "category", "status", "q", "lang",
                               "step", "map", "compare")
SUFFIXES: dict[str, tuple[str, ...]] = {
    "slide": (".png", ".svg", ".pdf"),
    "deck": (".pptx",),
    "html": (".html", ".htm"),
}


def view_from_args(args: argparse.Namespace, command: str) -> ViewState:
    query = {k: str(getattr(args, k)) for k in VIEW_FLAGS if getattr(args, k, None) is not None}
    if command == "slide" and "step" in query:
        query["mode"] = "present"  # a step is a presenting step: batches 1..step
    unknown = _unknown_values(query)
    if unknown:
        raise InputError(unknown)
    return from_query(query)


def _unknown_values(query: dict[str, str]) -> str:
    """A one-line complaint about values the view would silently drop, or ''."""
    from dashboard.state import CATEGORIES, CATEGORY_CODES, LEVELS, PROVINCE_NAMES, STATUSES

    known = {
        "province": set(PROVINCE_NAMES),
        "compare": set(PROVINCE_NAMES),
        "level": set(LEVELS),
        "status": set(STATUSES),
        "category": set(CATEGORIES) | set(CATEGORY_CODES),
        "batch": {"1", "2", "3", "1or2"},
    }
    for key, allowed in known.items():
        if key not in query:
            continue
        bad = [v for v in query[key].replace("，", ",").split(",") if v.strip()
               and v.strip() not in allowed]
        if bad:
            return f"unknown {key} value(s): {', '.join(bad)}"
    step = query.get("step")
    if step is not None and step not in {"1", "2", "3"}:
        return f"--step must be 1, 2 or 3, not {step}"
    return ""


def run(command: str, args: argparse.Namespace) -> bytes | str:
    """The file `command` makes for the flags in `args`."""
    out = args.output
    suffix = Path(out).suffix.lower() if out and out != "-" else SUFFIXES[command][0]
    if suffix not in SUFFIXES[command]:
        raise InputError(f"{command} writes {' '.join(SUFFIXES[command])}, not '{suffix or out}'")
    s = view_from_args(args, command)
    from geodata.effective import checked_use, effective_frame

    # the registry the view shows: shipped rows plus the lists its --use names
    checked_use(getattr(args, "use", None))
    frame = effective_frame(getattr(args, "use", None), simplified=True)
    if command == "slide":
        from dashboard.export.build import slide_bytes

        # the ignore below: a loosely typed row value or frame
        return slide_bytes(frame, s, fmt=suffix.lstrip("."))  # type: ignore[arg-type]
    if command == "deck":
        from dashboard.export.deck import render_deck

        return render_deck(frame, s)
    from dashboard.export.build import standalone_map

    return standalone_map(frame, s)
