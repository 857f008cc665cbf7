"""geodata's commands of `pilot-atlas`: geocode, audit, lists. Every error is one line on
stderr and a non-zero exit, never a traceback.

The exports of a view (export, slide, deck, html) draw with the dashboard's code, so the
dashboard adds them (dashboard/export/cli.py) and the top-level `pilot_atlas.py` puts
the two together: geodata never imports dashboard. `python -m geodata.cli` runs
geodata's commands alone."""

from __future__ import annotations

import argparse
import os
import stat
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, Protocol

from geodata.basics import settings
from geodata.basics.errors import InputError, PilotAtlasError
from geodata.lists.inputs import Limits

if TYPE_CHECKING:
    from geodata.geocode.geocoder import Geocoder


# Adds subcommands to `pilot-atlas` (the dashboard's exports: dashboard/export/cli.py).
class Subcommands(Protocol):
    """What an extension adds its commands to (what `add_subparsers()` returns)."""

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser: ...


Extension = Callable[[Subcommands], None]


class OneLineParser(argparse.ArgumentParser):
    """argparse whose errors are one line with a hint, not the usage block (every parser
    and subparser of `pilot-atlas` is one: add_subparsers makes its own kind)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"pilot-atlas: {message}; see: {self.prog} --help\n")
DESCRIPTION = ("Pilot Atlas on the command line: geocode lists of region names, audit the "
               "registry, manage saved lists, and export views (table, slide, deck, map).")



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


def write_output(
    out: str | None, data: str | bytes | Iterable[str], *, source: str | None = None
) -> None:
    """`data` to the file `out` (atomically), or to standard output for None or '-'. An
    iterable of text is written piece by piece as it comes (the file renamed into place
    once whole): memory stays flat however long the output."""
    pieces: Iterable[bytes] = (
        [data] if isinstance(data, bytes) else [data.encode("utf-8")] if isinstance(data, str)
        else (piece.encode("utf-8") for piece in data)
    )
    if out is None or out == "-":
        for piece in pieces:
            sys.stdout.buffer.write(piece)
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
    def write_all(target: Path) -> None:
        with target.open("wb") as fh:
            for piece in pieces:
                fh.write(piece)

    try:
        if mode is not None and not stat.S_ISREG(mode):
            write_all(path)  # a pipe or device (/dev/null): written, never replaced
        else:
            from geodata.basics.atomic import atomic_write

            atomic_write(path, write_all, durable=False)  # no half-written file on error
    except OSError as exc:
        raise InputError(f"cannot write {out}: {exc.strerror or type(exc).__name__}") from None


def _loaded_geocoder() -> Geocoder:
    """The geocoder with its index loaded, the collector paused meanwhile and the index
    then frozen out of its reach: the index's ~100,000 objects live as long as the
    process, and every full collection while a list is read would scan them again
    (~10 % of a run of 9,000 names)."""
    import gc

    from geodata.geocode.geocoder import Geocoder

    gc.disable()
    try:
        return Geocoder()
    finally:
        gc.freeze()
        gc.enable()


def cmd_geocode(args: argparse.Namespace) -> int:
    from geodata.exports.spreadsheet import csv_chunks
    from geodata.geocode.geocoder import COLUMNS
    from geodata.lists.inputs import parse_bytes
    from geodata.lists.published import iter_geocode_lines, iter_read_column
    from geodata.lists.reader import Reader

    if args.max_bytes < 1:
        raise InputError("--max-bytes must be a positive number of bytes")
    data, name = _read_input(args.input, args.max_bytes)
    column: int | str | None = args.column
    if column is not None and str(column).isdigit():
        column = int(column) - 1  # people count columns from 1
    limits = Limits.for_size(args.max_bytes)
    parsed = parse_bytes(data, name, limits=limits, column=column)
    if parsed.table is not None and not parsed.table.sure and args.column is None:
        heads = parsed.table.header or [str(i + 1) for i in parsed.table.candidates]
        print(f"pilot-atlas: more than one column could hold the names; read column "
              f"{parsed.table.column + 1}. Pick one with --column ({', '.join(heads)})",
              file=sys.stderr)
    # rows written as they are resolved; the work bounded as the web's, scaled with the
    # items --max-bytes lets in
    reader = Reader(_loaded_geocoder(), limits=limits)
    results = (iter_geocode_lines(parsed.rows, reader=reader) if parsed.kind == "text"
               else iter_read_column(parsed.rows, reader=reader))
    del data
    # the note in words for a person reading the file; `reason` keeps the stable code
    rows = ({**r.row(), "note": r.note} for r in results)
    write_output(args.output, csv_chunks(rows, COLUMNS), source=args.input)
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from geodata.registry.effective import checked_use, effective
    from geodata.registry.pilots import audit_text

    pilots, applied = effective(checked_use(args.use))
    sys.stdout.write(audit_text(pilots, [a.line() for a in applied]))
    return 0


def cmd_lists(args: argparse.Namespace) -> int:
    """Saved lists, and the operator's defaults: which list completes a batch for every
    view that names none. Recorded with who, when and on what source."""
    from geodata.registry.effective import ListUse, clear_default, load_defaults, set_default
    from geodata.store.folders import Store

    if args.action == "show":
        for ul in Store().all():
            batch = f"batch {ul.as_batch}" if ul.as_batch else "-"
            print(f"{ul.list_id}  {batch:<8}  {len(ul.rows):>6} items  {ul.name}")
        for d in load_defaults():
            print(f"default: {d['list_id']} {d['mode']}s batch {d['batch']} "
                  f"(by {d['by'] or '?'}, {d['at'] or '?'}, source: {d['source'] or '?'})")
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
    from geodata.store.folders import Store

    store = Store(Path(args.data) if args.data else None)
    lines = store.check(repair=args.repair)
    sys.stdout.write("\n".join(lines) + "\n")
    unreadable = any(ln.startswith(("cannot be read", "left by", "batch ")) for ln in lines)
    return 1 if unreadable and not args.repair else 0


def build_parser(*extensions: Extension) -> argparse.ArgumentParser:
    """geodata's commands, then those each of `extensions` adds to the subparsers."""
    p = OneLineParser(prog="pilot-atlas", description=DESCRIPTION)
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

    for extend in extensions:
        extend(sub)
    return p


def main(argv: list[str] | None = None, extensions: Sequence[Extension] = ()) -> int:
    """Run one command; every error becomes one line on stderr and an exit code."""
    args = build_parser(*extensions).parse_args(argv)
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
