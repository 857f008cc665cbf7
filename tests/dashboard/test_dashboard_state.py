"""URL query parameters ⇄ ViewState."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dashboard.state import (
    BATCHES,
    CATEGORIES,
    DEFAULT,
    LEVELS,
    MODES,
    PROVINCE_NAMES,
    STATUSES,
    STYLES,
    ViewState,
    from_query,
    to_query,
)


def test_default_state_is_an_empty_query():
    assert to_query(DEFAULT) == {}
    assert from_query({}) == DEFAULT
    assert DEFAULT.statuses == ("official", "reported")  # unconfirmed off by default


def test_parse_documented_forms():
    s = from_query({"batch": "3,1", "province": "浙江省,江苏省", "level": "county,town",
                    "category": "land", "status": "official,unconfirmed", "q": " 龙港 ",
                    "mode": "present", "lang": "en", "map": "choropleth", "basemap": "osm",
                    "compare": "浙江省,江苏省", "step": "2", "pilot": "b3-8ecc3630"})
    assert s.batches == (1, 3)
    assert s.provinces == ("江苏省", "浙江省")  # adcode order
    assert s.levels == ("county", "town")
    assert s.categories == ("农村土地制度改革试点",)
    assert s.statuses == ("official", "unconfirmed")
    assert (s.q, s.mode, s.lang, s.style, s.basemap) == ("龙港", "present", "en",
                                                         "choropleth", True)
    assert s.compare == ("浙江省", "江苏省")  # the order chosen
    assert (s.step, s.pilot) == (2, "b3-8ecc3630")
    # presenting: cumulative up to the step, "batch 1 or 2" members from 2015 on
    assert s.visible_batches == (1, 2, 12)


def test_unknown_values_are_dropped_not_fatal():
    s = from_query({"batch": "9,x,2", "province": "火星省,浙江省", "mode": "nope",
                    "lang": "fr", "step": "99", "category": "综合试点", "status": "bogus"})
    assert s.batches == (2,)
    assert s.provinces == ("浙江省",)
    assert (s.mode, s.lang, s.step) == ("explore", "zh", 1)  # no step outside presenting
    assert from_query({"mode": "present", "step": "99"}).step == 3  # the last one
    assert s.categories == ("综合试点",)
    assert s.statuses == DEFAULT.statuses  # nothing known asked for: the default


def test_a_key_with_only_unknown_values_is_the_default_view():
    """`?batch=4` or `?level=village` is named as ignored, and the view is the default one,
    not an empty map (and the link it writes back holds no empty key)."""
    for key, value in (("batch", "4"), ("level", "village"), ("status", "x"),
                       ("category", "y"), ("province", "火星省"), ("compare", "火星省")):
        s = from_query({key: value})
        assert s == DEFAULT.normalised(), key
        assert to_query(s) == {}, key
    # some known among them: those are kept; an empty value is still "none selected"
    assert from_query({"batch": "4,2"}).batches == (2,)
    assert from_query({"level": ""}).levels == ()


def test_empty_value_means_none_selected():
    assert from_query({"batch": ""}).batches == ()
    assert to_query(ViewState(batches=())) == {"batch": ""}
    assert from_query({"province": ""}).provinces == ()  # all provinces


def test_query_uses_short_forms_and_omits_defaults():
    q = to_query(ViewState(batches=(1, 3), categories=("农村土地制度改革试点",), lang="en"))
    assert q == {"batch": "1,3", "category": "land", "lang": "en"}


def test_at_most_four_provinces_compared():
    s = from_query({"compare": ",".join(PROVINCE_NAMES[:6])})
    assert len(s.compare) == 4


def _subset(values):
    return st.lists(st.sampled_from(values), unique=True).map(tuple)


STATES = st.builds(
    ViewState,
    batches=_subset(BATCHES), provinces=_subset(PROVINCE_NAMES), levels=_subset(LEVELS),
    categories=_subset(CATEGORIES), statuses=_subset(STATUSES),
    q=st.text(alphabet="顺义龙港浙江 ab,-", max_size=12), mode=st.sampled_from(MODES),
    lang=st.sampled_from(("zh", "en")), style=st.sampled_from(STYLES), basemap=st.booleans(),
    compare=_subset(PROVINCE_NAMES), same_scale=st.booleans(), step=st.integers(1, 3),
    pilot=st.sampled_from(("", "b3-8ecc3630")),
)


@given(STATES)
def test_round_trip(state):
    query = to_query(state)
    assert from_query(query) == state.normalised()
    assert to_query(from_query(query)) == query


def test_download_names_say_what_is_in_them():
    import datetime
    from dataclasses import replace

    from dashboard.export.filenames import download_name

    day = datetime.date(2026, 11, 27)
    plain = download_name(ViewState(), "fn_pilots", "xlsx", today=day)
    assert plain == "国家新型城镇化试点_2026-11-27.xlsx"
    s = ViewState(batches=(1, 12), provinces=("浙江省",), q="龙港", use="list-abcdef0123:1:replace")
    name = download_name(s, "fn_pilots", "csv", today=day)
    assert name == "国家新型城镇化试点_批次1+1or2_浙江省_龙港_含名单_2026-11-27.csv"
    en = download_name(replace(s, lang="en"), "fn_research", "csv", today=day)
    assert en == "pilot-atlas-counties_batches-1+1or2_Zhejiang_龙港_with-lists_2026-11-27.csv"
    assert "/" not in download_name(ViewState(q="a/b c"), "fn_pilots", "csv", today=day)
    # meeting exports: what they hold, the step's years when presenting, the filters
    step = ViewState(mode="present", step=2, provinces=("湖南省",))
    assert download_name(step, "fn_slide", "png", today=day) == (
        "试点地图幻灯片_2014-2015_湖南省_2026-11-27.png")
    assert download_name(replace(step, lang="en"), "fn_deck", "pptx", today=day) == (
        "pilot-atlas-deck_2014-2015_Hunan_2026-11-27.pptx")
    assert download_name(ViewState(batches=(3,)), "fn_map", "html", today=day) == (
        "试点离线地图_批次3_2026-11-27.html")


def test_a_link_only_suggests_the_online_basemap():
    from dashboard.state import arrive, from_query

    shared = from_query({"basemap": "osm", "lang": "en"})
    assert shared.basemap
    assert arrive(shared, ticked=False).basemap is False
    assert arrive(shared, ticked=False).lang == "en"
    assert arrive(shared, ticked=True).basemap is True


def test_map_count_is_the_choropleth_of_counts_and_unknowns_are_listed() -> None:
    from dashboard.state import unknown_values

    assert from_query({"map": "count"}).style == "choropleth"
    assert to_query(from_query({"map": "count"})) == {"map": "choropleth"}  # canonical
    assert unknown_values({"map": "count"}) == []
    assert unknown_values({"map": "share", "batch": "1or2,3", "province": "湖南省"}) == []
    assert unknown_values({"map": "heat", "batch": "1,7", "province": "湖南,湖北省",
                           "lang": "fr"}) == ["lang=fr", "map=heat", "batch=7",
                                              "province=湖南"]
    assert to_query(from_query({"map": "heat"})) == {}  # dropped from the URL, but said
