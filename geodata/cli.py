"""`pilot-atlas geocode | export | audit` — the same functions the map and tests use."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from geodata.inputs import InputError


def _read_input(src: str) -> tuple[bytes, str]:
    if src == "-":
        return sys.stdin.buffer.read(), "stdin.txt"
    path = Path(src)
    try:
        return path.read_bytes(), path.name
    except FileNotFoundError:
        raise InputError(f"no such file: {src}") from None
    except IsADirectoryError:
        raise InputError(f"{src} is a folder, not a file") from None
    except OSError as exc:
        raise InputError(f"cannot read {src}: {exc.strerror}") from None


def _write(out: str | None, data: str | bytes) -> None:
    if out is None or out == "-":
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.buffer.write(data.encode("utf-8"))
        sys.stdout.flush()
        return
    Path(out).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def cmd_geocode(args: argparse.Namespace) -> int:
    from geodata.exports import csv_text
    from geodata.geocoder import COLUMNS
    from geodata.inputs import parse_bytes
    from geodata.lists import geocode_lines, geocode_names

    data, name = _read_input(args.input)
    parsed = parse_bytes(data, name, max_bytes=2**40, max_rows=10**9)
    results = geocode_lines(parsed.rows) if parsed.kind == "text" else geocode_names(parsed.rows)
    _write(args.output, csv_text((r.row() for r in results), COLUMNS))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from geodata.registry import export_registry

    out = args.output or "pilots.csv"
    _write(out if out != "-" else None, export_registry(Path(out).suffix.lower() or ".csv"))
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from geodata.registry import audit_text

    sys.stdout.write(audit_text())
    return 0


# The exports draw with the dashboard's map and slide code (no Streamlit), loaded on use.
EXPORTS = (
    ("slide", "the view as a 1920×1080 slide (.png, or vector .svg / .pdf)"),
    ("deck", "the view as a PowerPoint deck (.pptx): a map per step, tallies, sources"),
    ("html", "the view's map as one offline .html file (Leaflet inlined)"),
)
VIEW_FLAGS = ("batch", "province", "level", "category", "status", "q", "lang", "step", "map",
              "compare")  # the URL's parameter names


def cmd_view_export(args: argparse.Namespace) -> int:
    from dashboard.export.cli import run

    _write(args.output, run(args.command, args))
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="pilot-atlas", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    g = sub.add_parser("geocode", help="resolve a list of region names to units and codes")
    g.add_argument("input", help="a .txt/.csv/.xlsx file, or - for standard input")
    g.add_argument("-o", "--output", help="CSV to write (default: standard output)")
    g.set_defaults(func=cmd_geocode)
    e = sub.add_parser("export", help="write the resolved registry (.csv .xlsx .geojson .parquet)")
    e.add_argument("-o", "--output", help="file to write; the extension picks the format")
    e.set_defaults(func=cmd_export)
    a = sub.add_parser("audit", help="known vs official members per batch; every doubtful entry")
    a.set_defaults(func=cmd_audit)
    for name, text in EXPORTS:
        x = sub.add_parser(name, help=text, description=text + ". Filters as in the app's URL, "
                           "e.g. --province 湖南省 --batch 1,2 --status official --lang en")
        for flag in VIEW_FLAGS:
            x.add_argument(f"--{flag}", metavar=flag.upper())
        x.add_argument("-o", "--output", required=True, help="file to write; the extension "
                       "picks the format")
        x.set_defaults(func=cmd_view_export)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except InputError as exc:
        print(f"pilot-atlas: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
