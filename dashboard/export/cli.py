"""`pilot-atlas export | slide | deck | html`: the view named by URL-style flags, written
to a file. `add_commands` adds them to geodata's command line (see pilot_atlas.py).

The flags are the URL's parameters (batch, province, level, category, status, q, lang,
step, map, compare) read by the app's own `from_query`, so a link and a command line
describe the same view."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from geodata.basics.errors import InputError
from geodata.cli import USE_HELP, Subcommands, write_output

if TYPE_CHECKING:
    import geopandas as gpd

    from dashboard.state import ViewState

# URL parameter names, as flags (argparse keeps the dest equal to the name)
VIEW_FLAGS: tuple[str, ...] = ("batch", "province", "level", "category", "status", "q", "lang",
                               "step", "map", "compare")
EXPORT_FORMATS = (".csv", ".xlsx", ".geojson", ".json", ".parquet", ".geoparquet", ".dta",
                  ".gpkg")
RESEARCH_FORMATS = (".csv", ".xlsx", ".dta")  # the research table has no geometry
# Files of a view drawn with the dashboard's map and slide code (no Streamlit).
EXPORTS = (
    ("slide", "the view as a 1920×1080 slide (.png, or vector .svg / .pdf)"),
    ("deck", "the view as a PowerPoint deck (.pptx): a map per step, tallies, sources"),
    ("html", "the view's map as one offline .html file (Leaflet inlined)"),
)
SUFFIXES: dict[str, tuple[str, ...]] = {
    "slide": (".png", ".svg", ".pdf"),
    "deck": (".pptx",),
    "html": (".html", ".htm"),
}


def view_from_args(args: argparse.Namespace, command: str) -> ViewState:
    # imported here: the registry behind the view's state is loaded only by the commands
    # that draw a view, so `pilot-atlas geocode` starts as fast as geodata's own CLI
    from dashboard.state import from_query

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
    from geodata.registry.effective import checked_use, effective_frame

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


def cmd_export(args: argparse.Namespace) -> int:
    """The rows of the app's view for the same URL-style flags (default: the app's default
    view), with the columns of the app's downloads. The view code is the dashboard's
    (no Streamlit), loaded on use like the slide exports."""
    from dashboard.filters import filter_pilots
    from geodata.registry.effective import checked_use, effective_frame

    out = args.output or "pilots.csv"
    if out != "-" and Path(out).is_dir():
        raise InputError(f"{out} is a folder; give a file name, e.g. {Path(out) / 'pilots.csv'}")
    suffix = Path(out).suffix.lower() or ".csv"
    if suffix not in EXPORT_FORMATS:
        raise InputError(f"unknown export format '{suffix}'; use .csv .xlsx .geojson .parquet "
                         ".dta or .gpkg")
    research = args.table == "research"
    if research and suffix not in RESEARCH_FORMATS:
        raise InputError(f"the research table is written as {' '.join(RESEARCH_FORMATS)}, "
                         f"not {suffix}")
    use = checked_use(args.use)
    view = view_from_args(args, "export")
    pilots = filter_pilots(effective_frame(use, simplified=False), view)
    data = (_research_bytes(pilots, suffix, view, use or "") if research
            else _export_bytes(pilots, suffix, view.lang))
    write_output(out if out != "-" else None, data)
    return 0


def _research_bytes(pilots: gpd.GeoDataFrame, suffix: str, view: ViewState, use: str) -> bytes:
    """Every county-level unit under the view's pilots, with the batch it first joined."""
    from dashboard.export import downloads
    from dashboard.i18n import t
    from geodata.exports.spreadsheet import table_xlsx
    from geodata.registry.research import COLUMNS as RESEARCH_COLUMNS

    ids = tuple(str(i) for i in pilots["pilot_id"])
    if suffix == ".dta":
        return downloads.research_dta(ids, use, view.statuses, view.lang,
                                      t("download_research", view.lang))
    if suffix == ".xlsx":
        rows = downloads.research_table(ids, use, view.statuses)
        return table_xlsx(rows, RESEARCH_COLUMNS, view.lang, title=t("app_title", view.lang))
    return downloads.research_csv(ids, use, view.statuses, view.lang)


def _export_bytes(pilots: gpd.GeoDataFrame, suffix: str, lang: str) -> bytes:
    from dashboard.export import downloads
    from dashboard.i18n import t

    if suffix == ".csv":
        return downloads.csv_bytes(pilots, lang)
    if suffix == ".xlsx":
        return downloads.xlsx(pilots, lang, t("app_title", lang))
    if suffix in (".geojson", ".json"):
        return downloads.geojson_bytes(pilots)
    if suffix == ".dta":
        return downloads.dta(pilots, lang, t("app_title", lang))
    if suffix == ".gpkg":
        return downloads.gpkg(pilots, lang)
    import io

    buf = io.BytesIO()
    pilots.to_parquet(buf)
    return buf.getvalue()


def cmd_view_export(args: argparse.Namespace) -> int:
    write_output(args.output, run(args.command, args))
    return 0


def add_commands(sub: Subcommands) -> None:
    """The exports of a view, as subcommands of `pilot-atlas`."""
    e = sub.add_parser("export", help="write the pilots of a view (.csv .xlsx .geojson .parquet "
                       ".dta .gpkg); default: the app's default view, e.g. --status official,"
                       "reported,unconfirmed --province 湖南省")
    e.add_argument("-o", "--output", help="file to write; the extension picks the format")
    e.add_argument("--lang", choices=("zh", "en"), default="zh",
                   help="zh (default): Chinese headers and values; en: snake_case for code")
    e.add_argument("--use", help=USE_HELP)
    e.add_argument("--table", choices=("pilots", "research"), default="pilots",
                   help="pilots (default), or research: every county-level unit under the "
                   "view's pilots with the batch it first joined (.csv .xlsx .dta)")
    for flag in ("batch", "province", "level", "category", "status", "q"):
        e.add_argument(f"--{flag}", metavar=flag.upper(), help="a filter, as in the app's URL")
    e.set_defaults(func=cmd_export)
    for name, text in EXPORTS:
        x = sub.add_parser(name, help=text, description=text + ". Filters as in the app's URL, "
                           "e.g. --province 湖南省 --batch 1,2 --status official --lang en")
        for flag in (*VIEW_FLAGS, "use"):
            x.add_argument(f"--{flag}", metavar=flag.upper())
        x.add_argument("-o", "--output", required=True, help="file to write; the extension "
                       "picks the format")
        x.set_defaults(func=cmd_view_export)
