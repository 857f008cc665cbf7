"""Why an answer is what it is: a stable code on each result (`Result.reason`), with its
text in English and Chinese for the CLI and the dashboard. The free-text `note` gives
the particulars (which name, which unit)."""

from __future__ import annotations

from geodata.basics.notes import catalogue

EMPTY = "empty"
NOT_A_PLACE = "not_a_place"
NOT_INSIDE = "not_inside"
NO_SUCCESSOR = "no_successor"
SEVERAL_PLACES = "several_places"
SEVERAL_TOWNS = "several_towns"
TOWN_WITHOUT_COUNTY = "town_without_county"
TOWN_UNKNOWN = "town_unknown"
OUTSIDE_CONTEXT = "outside_context"
GENERIC_ZONE = "generic_zone"
GROUP_UNKNOWN = "group_unknown"
TOWN_POINT_UNKNOWN = "town_point_unknown"
ZONE_NO_BOUNDARY = "zone_no_boundary"
RENAMED = "renamed"
MERGED = "merged"
GROUP = "group"
NEAR_NAME = "near_name"
NEAR_NAMES = "near_names"
ZONE_NAMED_AFTER = "zone_named_after_unit"
ZONE_OWN_NAME = "zone_own_name"
ZONE_UNPLACED = "zone_unplaced"
SPLIT = "split"
VILLAGE = "village"
OVER_BUDGET = "over_budget"
LIST_OVER_BUDGET = "list_over_budget"

PLACEHOLDER = "placeholder"

# code -> (English, 中文), from the one catalogue (geodata/basics/notes.toml, [reason.*])
REASONS: dict[str, tuple[str, str]] = {
    code: (texts["en"], texts["zh"]) for code, texts in catalogue()["reason"].items()
}


def reason_text(code: str, lang: str = "en") -> str:
    """The text of a reason code in `lang` ("en" or "zh"); "" for no code, the code itself
    for one this version does not know (a list saved by a newer version)."""
    if not code:
        return ""
    en, zh = REASONS.get(code, (code, code))
    return zh if lang == "zh" else en
