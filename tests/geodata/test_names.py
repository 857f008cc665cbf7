"""Written forms of official names and the normalisation of published text."""

import pytest

from geodata.geocode.names import BARE, FULL, SHORT, name_forms, normalise, stem_of


@pytest.mark.parametrize(
    ("official", "written", "strength"),
    [
        ("延边朝鲜族自治州", "延边州", SHORT),
        ("鄂伦春自治旗", "鄂伦春旗", SHORT),
        ("保亭黎族苗族自治县", "保亭县", SHORT),
        ("广西壮族自治区", "广西自治区", SHORT),
        ("广西壮族自治区", "广西", BARE),
        ("三都水族自治县", "三都县", SHORT),
        ("巴音郭楞蒙古自治州", "巴音郭楞州", SHORT),
        ("海北藏族自治州", "海北州", SHORT),
        ("阿勒泰地区", "阿勒泰", BARE),
        ("唐山市", "唐山市", FULL),
    ],
)
def test_short_forms(official: str, written: str, strength: int) -> None:
    assert name_forms(official)[written] == strength


def test_single_character_stems_are_not_names() -> None:
    # 涉县 must not make every 涉 in a text a county
    assert set(name_forms("涉县")) == {"涉县"}
    assert stem_of("盘县") == "盘"


def test_ethnic_name_that_is_the_whole_stem_is_kept() -> None:
    assert "鄂温克旗" in name_forms("鄂温克族自治旗")
    assert "河南县" in name_forms("河南蒙古族自治县")


def test_normalise_traditional_fullwidth_spaces_and_notes() -> None:
    assert normalise("貴州省 六盤水市（含xx）盤縣") == "贵州省六盘水市盘县"
    assert normalise("ＡＢ") == "AB"


def test_normalise_keeps_characters_official_names_use() -> None:
    keep = frozenset("乾安县")
    assert normalise("乾安縣", keep=keep) == "乾安县"
    assert normalise("乾安县") == "干安县"  # what t2s alone does, and why `keep` exists
    assert normalise("乾安县", keep=keep) == "乾安县"


def test_normalise_fixes_cited_garbles() -> None:
    assert normalise("阝留隍鎮", {"阝留隍": "留隍"}) == "留隍镇"
