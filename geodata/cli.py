"""`pilot-atlas geocode | export | audit | slide | deck | html | lists check` — the same
tests use. Every error is one line on stderr and a non-zero exit, never a traceback."""

from __future__ import annotations

import argparse
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from geodata import settings
from geodata.errors import InputError, PilotAtlasError
from geodata.inputs import Limits

if TYPE_CHECKING:
    import geopandas as gpd



def _read_input(src: str, max_bytes: int) -> tuple[bytes, str]:
    """At most `max_bytes` (+1 to tell that there is more): /dev/zero cannot exhaust memory."""
    too_big = InputError(
        f"{'standard input' if src == '-' else src} is larger than {max_bytes:,} bytes; "
        "raise the limit with --max-bytes"
    )
    if src == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise too_big
        return data, "stdin.txt"
    path = Path(src)
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(f"no such file: {src}") from None
    except IsADirectoryError:
        raise InputError(f"{src} is a folder, not a file") from None
    except OSError as exc:
        raise InputError(f"cannot read {src}: {exc.strerror or type(exc).__name__}") from None
    if len(data) > max_bytes:
        raise too_big
    return data, path.name


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _write(out: str | None, data: str | bytes, *, source: str | None = None) -> None:
    payload = data if isinstance(data, bytes) else data.encode("utf-8")
    if out is None or out == "-":
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
        return
    path = Path(out)
    if source and source != "-" and _same_file(source, out):
        raise InputError(f"{out} is the input file; write the result to another file")
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise InputError(f"cannot write {out}: {exc.strerror or type(exc).__name__}") from None
    if mode is not None and stat.S_ISDIR(mode):
        raise InputError(f"{out} is a folder; give a file name, e.g. {Path(out) / 'out.csv'}")
    if not path.parent.is_dir():
        raise InputError(f"cannot write {out}: the folder {path.parent} does not exist")
    try:
        if mode is not None and not stat.S_ISREG(mode):
            with path.open("wb") as fh:  # a pipe or device (/dev/null): written, never replaced
                fh.write(payload)
        else:
            from geodata.atomic import atomic_write_bytes

            atomic_write_bytes(path, payload, durable=False)  # no half-written file on error
    except OSError as exc:
        raise InputError(f"cannot write {out}: {exc.strerror or type(exc).__name__}") from None


def cmd_geocode(args: argparse.Namespace) -> int:
    from geodata.exports import csv_text
    from geodata.geocoder import COLUMNS
    from geodata.inputs import parse_bytes
    from geodata.lists import geocode_lines, geocode_names

    if args.max_bytes < 1:
        raise InputError("--max-bytes must be a positive number of bytes")
    data, name = _read_input(args.input, args.max_bytes)
    column: int | str | None = args.column
    if column is not None and str(column).isdigit():
        column = int(column) - 1  # people count columns from 1
    parsed = parse_bytes(data, name, limits=Limits.for_size(args.max_bytes), column=column)
    if parsed.table is not None and not parsed.table.sure and args.column is None:
        heads = parsed.table.header or [str(i + 1) for i in parsed.table.candidates]
        print(f"pilot-atlas: more than one column could hold the names; read column "
              f"{parsed.table.column + 1}. Pick one with --column ({', '.join(heads)})",
              file=sys.stderr)
    results = geocode_lines(parsed.rows) if parsed.kind == "text" else geocode_names(parsed.rows)
    _write(args.output, csv_text((r.row() for r in results), COLUMNS), source=args.input)
    return 0


EXPORT_FORMATS = (".csv", ".xlsx", ".geojson", ".json", ".parquet", ".geoparquet")


def cmd_export(args: argparse.Namespace) -> int:
    """The rows of the app's view for the same URL-style flags (default: the app's default
    view), with the columns of the app's downloads. The view code is the dashboard's
    (no Streamlit), loaded on use like the slide exports."""
    from dashboard.export.cli import view_from_args
    from dashboard.filters import filter_pilots
    from geodata.effective import checked_use, effective_frame

    out = args.output or "pilots.csv"
    if out != "-" and Path(out).is_dir():
        raise InputError(f"{out} is a folder; give a file name, e.g. {Path(out) / 'pilots.csv'}")
    suffix = Path(out).suffix.lower() or ".csv"
    if suffix not in EXPORT_FORMATS:
        raise InputError(f"unknown export format '{suffix}'; use .csv .xlsx .geojson or .parquet")
    use = checked_use(args.use)
    view = view_from_args(args, "export")
    pilots = filter_pilots(effective_frame(use, simplified=False), view)
    _write(out if out != "-" else None, _export_bytes(pilots, suffix, view.lang))
    return 0


def _export_bytes(pilots: gpd.GeoDataFrame, suffix: str, lang: str) -> bytes:
    from dashboard import downloads
    from dashboard.i18n import t

    if suffix == ".csv":
        return downloads.csv_bytes(pilots, lang)
    if suffix == ".xlsx":
        return downloads.xlsx(pilots, lang, t("app_title", lang))
    if suffix in (".geojson", ".json"):
        return downloads.geojson_bytes(pilots)
    import io

    buf = io.BytesIO()
    pilots.to_parquet(buf)
    return buf.getvalue()


def cmd_audit(args: argparse.Namespace) -> int:
    from geodata.effective import checked_use, effective
    from geodata.registry import audit_text

    pilots, applied = effective(checked_use(args.use))
    sys.stdout.write(audit_text(pilots, [a.line() for a in applied]))
    return 0


def cmd_lists(args: argparse.Namespace) -> int:
    """Saved lists, and the operator's defaults: which list completes a batch for every
    view that names none. Recorded with who, when and on what source."""
    from geodata.effective import ListUse, clear_default, load_defaults, set_default
    from geodata.userlists import Store

    if args.action == "show":
        for ul in Store().all():
            batch = f"batch {ul.as_batch}" if ul.as_batch else "-"
            print(f"{ul.list_id}  {batch:<8}  {len(ul.rows):>6} items  {ul.name}")
        for d in load_defaults():
            print(f"default: {d['list_id']} {d['mode']}s batch {d['batch']} "
                  f"(by {d['by']}, {d['at']}, source: {d['source']})")
        return 0
    if args.action == "set":
        if not args.list_id:
            raise InputError("name the list: pilot-atlas lists default set LIST_ID --batch N")
        entry = set_default(ListUse(args.list_id, args.batch, args.mode),
                            by=args.by or "", source=args.source or "")
        print(f"default: {entry['list_id']} {entry['mode']}s batch {entry['batch']} "
              f"for every view without use= (by {entry['by']}, {entry['at']})")
        return 0
    cleared = clear_default(args.batch)
    print(f"batch {args.batch}: " + ("default cleared" if cleared else "had no default"))
    return 0


USE_HELP = (
    "saved lists to use: LIST_ID:BATCH:replace|supplement, comma-separated; 'none' for the "
    "shipped registry alone (default: the operator's defaults)"
)


def cmd_lists_check(args: argparse.Namespace) -> int:
    from geodata.userlists import Store

    store = Store(Path(args.data) if args.data else None)
    lines = store.check(repair=args.repair)
    sys.stdout.write("\n".join(lines) + "\n")
    unreadable = any(ln.startswith(("cannot be read", "left by", "batch ")) for ln in lines)
    return 1 if unreadable and not args.repair else 0


# The exports draw with the dashboard's map and slide code (no Streamlit), loaded on use.
EXPORTS = (
    ("slide", "the view as a 1920×1080 slide (.png, or vector .svg / .pdf)"),
    ("deck", "the view as a PowerPoint deck (.pptx): a map per step, tallies, sources"),
    ("html", "the view's map as one offline .html file (Leaflet inlined)"),
)
VIEW_FLAGS = ("batch", "province", "level", "category", "status", "q", "lang", "step", "map",
              "compare", "use")  # the URL's parameter names


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
    g.add_argument("--column", help="a table's name column: its header text or its number "
                   "(1 = first); default: found by its header words or its contents")
    g.add_argument(
        "--max-bytes",
        type=int,
        default=settings.CLI_DEFAULT_MAX_BYTES,
        help=f"largest input read, in bytes (default {settings.CLI_DEFAULT_MAX_BYTES // 2**20} MB)",
    )
    g.set_defaults(func=cmd_geocode)
    e = sub.add_parser("export", help="write the pilots of a view (.csv .xlsx .geojson .parquet);"
                       " default: the app's default view, e.g. --status official,reported,"
                       "unconfirmed --province 湖南省")
    e.add_argument("-o", "--output", help="file to write; the extension picks the format")
    e.add_argument("--lang", choices=("zh", "en"), default="zh",
                   help="zh (default): Chinese headers and values; en: snake_case for code")
    e.add_argument("--use", help=USE_HELP)
    for flag in ("batch", "province", "level", "category", "status", "q"):
        e.add_argument(f"--{flag}", metavar=flag.upper(), help="a filter, as in the app's URL")
    e.set_defaults(func=cmd_export)
    a = sub.add_parser("audit", help="known vs official members per batch; every doubtful entry")
    a.add_argument("--use", help=USE_HELP)
    a.set_defaults(func=cmd_audit)
    ls = sub.add_parser("lists", help="the saved lists of the My lists page; defaults")
    lsub = ls.add_subparsers(dest="lists_command", required=True)
    lsub.add_parser("show", help="saved lists and defaults").set_defaults(func=cmd_lists,
                                                                          action="show")
    d = lsub.add_parser("default", help="set or clear the list every view uses for a batch")
    d.add_argument("action", choices=("set", "clear"))
    d.add_argument("list_id", nargs="?", help="the saved list's id (see: lists show)")
    d.add_argument("--batch", type=int, choices=(1, 2, 3), required=True)
    d.add_argument("--mode", choices=("replace", "supplement"), default="supplement")
    d.add_argument("--by", help="who makes it the default (recorded)")
    d.add_argument("--source", help="the official document the list comes from (recorded)")
    d.set_defaults(func=cmd_lists)
    c = lsub.add_parser("check", help="report lists that cannot be read, leftovers, claims")
    c.add_argument("--repair", action="store_true", help="recover, delete unreadable, reindex")
    c.add_argument("--data", help="the data folder (default: $PILOT_ATLAS_DATA)")
    c.set_defaults(func=cmd_lists_check)

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
    except PilotAtlasError as exc:  # the project's own: input, data, export
        print(f"pilot-atlas: {_line(exc)}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    except MemoryError:
        print("pilot-atlas: out of memory; try a smaller input", file=sys.stderr)
        return 1
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        print(f"pilot-atlas: cannot use{where}: {exc.strerror or _line(exc)}", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug: still one line, so scripts and people can read it
        print(f"pilot-atlas: internal error ({type(exc).__name__}: {_line(exc)})",
              file=sys.stderr)
        return 1


def _line(exc: BaseException) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


if __name__ == "__main__":
    sys.exit(main())
