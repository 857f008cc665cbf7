"""The whole view state, and its round trip through the URL.

`ViewState` and the `from_query` / `to_query` pair are pure (tests, slide export).
The Streamlit glue at the bottom reads the URL into widget state when the URL is
new to the session, and widgets write it back in their `on_change` callbacks, so
the address bar always holds a shareable link to what is on screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Final

from dashboard.i18n import DEFAULT_LANG, LANGS, PROVINCES
from dashboard.settings import COMPARE_MAX
from geodata.registry.effective import NONE, normalise_use
from seeds import BATCH_1_OR_2, SHOWN_STATUSES, batch_numbers, load_batches

BATCHES: Final = batch_numbers()
# The years of the batches as seeds/data/batches.csv gives them; the "batch 1 or 2"
# group (BATCH_1_OR_2) is filed under the later of its two possible years.
BATCH_YEARS: dict[int, int] = {b.batch: b.year for b in load_batches()}
BATCH_YEARS[BATCH_1_OR_2] = BATCH_YEARS[2]
# the batches a filter can pick: the three, and the members known only as "batch 1 or 2"
BATCH_CHOICES: Final = (1, 2, 3, BATCH_1_OR_2)
LEVELS: Final = ("province", "prefecture", "county", "town", "zone")
CATEGORIES: Final = ("综合试点", "农村土地制度改革试点")
STATUSES: Final = SHOWN_STATUSES
DEFAULT_STATUSES: Final = ("official", "reported")  # unconfirmed only on request
MODES: Final = ("explore", "tallies", "compare", "lists", "present")
STYLES: Final = ("pilots", "choropleth", "share")
# other words a link may use for a style (the issue's own `map=count`); the URL written
# back is the canonical one
STYLE_ALIASES: Final = {"count": "choropleth", "counts": "choropleth"}
PROVINCE_NAMES: Final = tuple(zh for zh, _ in PROVINCES.values())  # adcode order
# Short ASCII forms keep URLs readable; the Chinese values are accepted too.
CATEGORY_CODES: Final = {"comprehensive": "综合试点", "land": "农村土地制度改革试点"}
_CATEGORY_OF_VALUE: Final = {v: k for k, v in CATEGORY_CODES.items()}
MAX_COMPARE: Final = COMPARE_MAX


@dataclass(frozen=True, slots=True)
class ViewState:
    batches: tuple[int, ...] = BATCH_CHOICES
    provinces: tuple[str, ...] = ()  # empty: all provinces
    levels: tuple[str, ...] = LEVELS
    categories: tuple[str, ...] = CATEGORIES
    statuses: tuple[str, ...] = DEFAULT_STATUSES
    q: str = ""
    mode: str = "explore"
    lang: str = DEFAULT_LANG
    style: str = "pilots"
    basemap: bool = False
    compare: tuple[str, ...] = ()
    same_scale: bool = False  # compare: every small map at one scale (scale=same)
    # presenting: batches 1..step, cumulative; a presentation starts at the first batch,
    # and a view that is not presenting has no step (so no `step=` lingers in its link)
    step: int = 1
    pilot: str = ""  # selected pilot id
    use: str = ""  # saved lists in use (geodata.registry.effective); "" = the operator's defaults
    # zoom and centre (lat, lon) of a shared link; the page writes them when the map is
    # moved, never the app, so the view the app computes has a clean URL
    z: float | None = None
    c: tuple[float, float] | None = None

    @property
    def visible_batches(self) -> tuple[int, ...]:
        """Batches on screen: the filter, or 1..step while presenting."""
        if self.mode == "present":
            # "1 or 2" members are on screen from 2015 on, the latest they can date from
            return tuple(b for b in BATCH_CHOICES if b <= self.step
                         or (b == BATCH_1_OR_2 and self.step >= 2))
        return self.batches

    def normalised(self) -> ViewState:
        """Canonical order and only known values, so equal views give equal URLs."""
        mode = self.mode if self.mode in MODES else "explore"
        return replace(
            self,
            batches=_keep(self.batches, BATCH_CHOICES),
            provinces=_keep(self.provinces, PROVINCE_NAMES),
            levels=_keep(self.levels, LEVELS),
            categories=_keep(self.categories, CATEGORIES),
            statuses=_keep(self.statuses, STATUSES),
            q=self.q.strip()[:100],
            mode=mode,
            lang=self.lang if self.lang in LANGS else DEFAULT_LANG,
            style=self.style if self.style in STYLES else "pilots",
            compare=_in_order(self.compare, PROVINCE_NAMES)[:MAX_COMPARE],
            step=min(max(int(self.step), 1), len(BATCHES)) if mode == "present" else 1,
            pilot=self.pilot.strip()[:40],
            use=normalise_use(self.use[:400]),
            z=self.z if self.z is not None and 2 <= self.z <= 18 and self.c else None,
            c=self.c if self.z is not None and self.c and 0 <= self.c[0] <= 60
            and 60 <= self.c[1] <= 150 else None,
        )


DEFAULT: Final = ViewState()


def _keep(values: Iterable[Any], known: tuple[Any, ...]) -> tuple[Any, ...]:
    chosen = set(values)
    return tuple(v for v in known if v in chosen)


def _in_order(values: Iterable[Any], known: tuple[Any, ...]) -> tuple[Any, ...]:
    """Known values in the order given (compare keeps the user's order), once each."""
    return tuple(dict.fromkeys(v for v in values if v in known))


def _float(raw: str) -> float | None:
    try:
        value = float(raw)
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


def _centre(raw: str) -> tuple[float, float] | None:
    parts = [_float(p) for p in _split(raw)]
    if len(parts) != 2 or parts[0] is None or parts[1] is None:
        return None
    return (parts[0], parts[1])


def _split(raw: str) -> list[str]:
    return [p.strip() for p in raw.replace("，", ",").split(",") if p.strip()]


def _ints(raw: str) -> list[int]:
    return [BATCH_1_OR_2 if p == "1or2" else int(p) for p in _split(raw)
            if p.isdigit() or p == "1or2"]


def _first(value: str | list[str]) -> str:
    if isinstance(value, list):
        return value[-1] if value else ""
    return value


def from_query(params: Mapping[str, str | list[str]]) -> ViewState:
    """A ViewState from URL query parameters; unknown keys and values are ignored.

    A missing key means the default; a key with an empty value means "none
    selected" for batch/level/category/status (and "all" for province); a key whose
    values are all unknown means the default too.
    """
    p = {k: _first(v) for k, v in params.items()}
    s = DEFAULT

    def chosen(key: str, values: list[Any], known: tuple[Any, ...], default: tuple[Any, ...],
               ) -> tuple[Any, ...]:
        # a value given but none of it known (`?batch=4`): the default, as if not given
        # (the page says what it ignored); an empty value stays "none selected"
        kept = _in_order(values, known)
        return default if p[key].strip() and not kept else tuple(values)

    if "batch" in p:
        s = replace(s, batches=chosen("batch", _ints(p["batch"]), BATCH_CHOICES,
                                      DEFAULT.batches))
    if "province" in p:
        s = replace(s, provinces=chosen("province", _split(p["province"]), PROVINCE_NAMES,
                                        DEFAULT.provinces))
    if "level" in p:
        s = replace(s, levels=chosen("level", _split(p["level"]), LEVELS, DEFAULT.levels))
    if "category" in p:
        s = replace(s, categories=chosen(
            "category", [CATEGORY_CODES.get(c, c) for c in _split(p["category"])],
            CATEGORIES, DEFAULT.categories))
    if "status" in p:
        s = replace(s, statuses=chosen("status", _split(p["status"]), STATUSES,
                                       DEFAULT.statuses))
    if "compare" in p:
        s = replace(s, compare=chosen("compare", _split(p["compare"]), PROVINCE_NAMES,
                                      DEFAULT.compare))
    step = p.get("step", "")
    s = replace(
        s,
        q=p.get("q", ""),
        mode=p.get("mode", DEFAULT.mode),
        lang=p.get("lang", DEFAULT.lang),
        style=_style(p.get("map", DEFAULT.style)),
        basemap=p.get("basemap", "") == "osm",
        same_scale=p.get("scale", "") == "same",
        step=int(step) if step.isdigit() else DEFAULT.step,
        pilot=p.get("pilot", ""),
        use=(p["use"] or NONE) if "use" in p else "",
        z=_float(p.get("z", "")),
        c=_centre(p.get("c", "")),
    )
    return s.normalised()


def _style(raw: str) -> str:
    value = raw.strip().casefold()
    return STYLE_ALIASES.get(value, value)


# The values each enumerated key takes, for `unknown_values`.
_KNOWN: Final[dict[str, tuple[str, ...]]] = {
    "mode": MODES, "lang": LANGS, "map": (*STYLES, *STYLE_ALIASES),
    "batch": (*(str(b) for b in BATCHES), "1or2"), "level": LEVELS,
    "category": (*CATEGORIES, *CATEGORY_CODES), "status": STATUSES,
    "province": PROVINCE_NAMES, "compare": PROVINCE_NAMES,
}
_LIST_KEYS: Final = ("batch", "level", "category", "status", "province", "compare")


def unknown_values(params: Mapping[str, str | list[str]]) -> list[str]:
    """`key=value` for each value of a link that `from_query` ignores as unknown, so the
    page can say so rather than drop it silently (numbers out of range are not listed)."""
    out = []
    for key, known in _KNOWN.items():
        if key not in params:
            continue
        raw = _first(params[key])
        values = _split(raw) if key in _LIST_KEYS else [raw.strip().casefold()
                                                          if key == "map" else raw]
        out += [f"{key}={v}" for v in values if v and v not in known]
    return out


def _batch_token(batch: int) -> str:
    return "1or2" if batch == BATCH_1_OR_2 else str(batch)


def to_query(state: ViewState) -> dict[str, str]:
    """URL query parameters for `state`, leaving out everything at its default."""
    s = state.normalised()
    out: dict[str, str] = {}

    def put(key: str, value: str, default: str) -> None:
        if value != default:
            out[key] = value

    put("mode", s.mode, DEFAULT.mode)
    put("lang", s.lang, DEFAULT.lang)
    put("batch", ",".join(_batch_token(b) for b in s.batches),
        ",".join(_batch_token(b) for b in DEFAULT.batches))
    put("province", ",".join(s.provinces), "")
    put("level", ",".join(s.levels), ",".join(DEFAULT.levels))
    put("category", ",".join(_CATEGORY_OF_VALUE[c] for c in s.categories),
        ",".join(_CATEGORY_OF_VALUE[c] for c in DEFAULT.categories))
    put("status", ",".join(s.statuses), ",".join(DEFAULT.statuses))
    put("q", s.q, "")
    put("map", s.style, DEFAULT.style)
    put("basemap", "osm" if s.basemap else "", "")
    put("compare", ",".join(s.compare), "")
    put("scale", "same" if s.same_scale else "", "")
    put("step", str(s.step), str(DEFAULT.step))
    put("pilot", s.pilot, "")
    put("use", s.use, "")
    if s.z is not None and s.c:
        out["z"] = f"{s.z:g}"
        out["c"] = f"{s.c[0]:.3f},{s.c[1]:.3f}"
    return out


VIEW_KEYS: Final = ("z", "c")  # written by the page as the map moves


def same_but_view(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Whether two queries differ at most in the map's zoom and centre."""
    return ({k: v for k, v in a.items() if k not in VIEW_KEYS}
            == {k: v for k, v in b.items() if k not in VIEW_KEYS})


# --- Streamlit glue -------------------------------------------------------------

# session_state keys of the widgets that edit each field
WIDGET_KEYS: Final = {
    "batches": "w_batch", "provinces": "w_province", "levels": "w_level",
    "categories": "w_category", "statuses": "w_status", "q": "w_q", "mode": "w_mode",
    "lang": "w_lang", "style": "w_style", "basemap": "w_basemap", "compare": "w_compare",
    "same_scale": "w_same_scale",
    "step": "v_step", "pilot": "v_pilot", "use": "v_use",
}
_SEEN = "_url_seen"  # the query we last read or wrote
_VIEW = "_view"  # the last complete ViewState: survives widgets that were not drawn
_UNKNOWN = "_url_unknown"  # what the link last read held that the app does not know
_LIST_FIELDS: Final = ("batches", "provinces", "levels", "categories", "statuses", "compare")


def _widget_value(name: str, state: ViewState) -> Any:
    value = getattr(state, name)
    return list(value) if name in _LIST_FIELDS else value


def arrive(shared: ViewState, *, ticked: bool) -> ViewState:
    """The state a link opens: its `basemap=osm` is only a suggestion. The online basemap
    fetches tiles from a third party, so it is on only if this session's user ticked the box
    (the box is never ticked from a URL, so `ticked` means the user did)."""
    return replace(shared, basemap=shared.basemap and ticked)


def _apply(state: ViewState, *, only_missing: bool = False) -> None:
    import streamlit as st

    for name, key in WIDGET_KEYS.items():
        if not only_missing or key not in st.session_state:
            st.session_state[key] = _widget_value(name, state)


def sync_from_url() -> ViewState:
    """Load the URL into widget state when it is new to this session (first load,
    a pasted link); otherwise the widgets are the truth. Returns the state."""
    import streamlit as st

    current = st.query_params.to_dict()
    seen = st.session_state.get(_SEEN)
    if seen is not None and seen != current and same_but_view(seen, current):
        # only the map moved (the page wrote z/c): nothing to redraw
        st.session_state[_SEEN] = current
    elif seen != current:
        shared = from_query(current)
        st.session_state[_UNKNOWN] = unknown_values(current)
        state = arrive(shared, ticked=bool(st.session_state.get(WIDGET_KEYS["basemap"])))
        _apply(state)
        canonical = to_query(state)
        if canonical != current:
            st.query_params.from_dict(canonical)
        st.session_state[_SEEN] = canonical
        st.session_state[_VIEW] = state
    else:
        # Every widget's change goes through write_url, which keeps _VIEW: so a widget
        # that disagrees with it holds a stale value. Streamlit drops the state of widgets
        # a run did not draw (the sidebar while presenting, the compare picker elsewhere),
        # and the browser may send the last value it showed of one back (the sidebar's
        # 地图 after 演示 was chosen: presenting fell back to the map on the next rerun).
        _apply(st.session_state.get(_VIEW, DEFAULT))
    return current_state()


def ignored_in_url() -> list[str]:
    """`key=value` items of the link last opened that were ignored as unknown; cleared
    once the user changes the view (the address bar then holds the app's own URL)."""
    import streamlit as st

    return list(st.session_state.get(_UNKNOWN, []))


def current_state() -> ViewState:
    import streamlit as st

    view: ViewState = st.session_state.get(_VIEW, DEFAULT)
    values: dict[str, Any] = {"z": view.z, "c": view.c}
    for name, key in WIDGET_KEYS.items():
        if key not in st.session_state:
            values[name] = getattr(view, name)
            continue
        value = st.session_state[key]
        if name in _LIST_FIELDS:
            value = tuple(value or ())
        elif name in ("mode", "lang", "style"):
            value = value or getattr(DEFAULT, name)
        elif name in ("q", "use"):
            value = value or ""
        values[name] = value
    return ViewState(**values).normalised()


def write_url() -> None:
    """on_change callback: put the widgets' state into the address bar."""
    import streamlit as st

    # any change made in the app replaces the shared link's zoom and centre
    s = replace(current_state(), z=None, c=None)
    st.session_state[_VIEW] = s
    st.session_state[WIDGET_KEYS["step"]] = s.step  # leaving presenting drops the step
    st.session_state[_UNKNOWN] = []
    query = to_query(s)
    if st.query_params.to_dict() != query:
        st.query_params.from_dict(query)
    st.session_state[_SEEN] = query


def update(**changes: Any) -> None:
    """Set fields from code (buttons, map clicks) and write the URL. Call it from
    callbacks only: a widget's state cannot change once the widget is drawn."""
    import streamlit as st

    state = replace(current_state(), **changes).normalised()
    for name in changes:
        st.session_state[WIDGET_KEYS[name]] = _widget_value(name, state)
    write_url()


def reset_filters() -> None:
    """Back to the default filters, keeping the language and the view."""
    fields = ("batches", "provinces", "levels", "categories", "statuses", "q", "pilot")
    update(**{f: getattr(DEFAULT, f) for f in fields})
