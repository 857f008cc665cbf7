"""Tables people upload: the header row, the name column, context columns, numbering
(geodata.lists.columns), read from real bytes and resolved by the real geocoder."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geodata.lists.columns import read_table
from geodata.lists.published import geocode_names


def test_gbk_table_with_numbering_province_and_pilot_columns() -> None:
    from geodata.lists.inputs import parse_bytes

    text = "序号,省份,试点地区\r\n1,湖南省,株洲市\r\n2,湖南省,资兴市\r\n3,浙江省,嘉兴市\r\n"
    parsed = parse_bytes(text.encode("gbk"), "名单.csv")
    assert parsed.rows == ["湖南省株洲市", "湖南省资兴市", "浙江省嘉兴市"]
    assert parsed.table is not None and parsed.table.sure and parsed.table.column == 2
    results = geocode_names(parsed.rows)
    assert [r.adcode for r in results] == ["430200", "431081", "330400"]


def test_header_below_a_title_and_a_prefecture_column() -> None:
    from geodata.lists.columns import read_table

    rows = [["第一批国家新型城镇化综合试点地区名单"], [], ["序号", "所在省", "地级市", "试点"],
            ["1", "河北省", "石家庄市", "正定县"], ["2", "河北省", "", "定州市"]]
    read = read_table(rows)
    assert read.header[3] == "试点" and read.column == 3 and read.context == (1, 2)
    assert read.names == ["河北省石家庄市正定县", "河北省定州市"]


def test_no_header_numbering_skipped_and_names_found_by_content() -> None:
    from geodata.lists.columns import read_table

    read = read_table([["1", "湖南", "株洲市"], ["2", "湖南", "湘潭市"]])
    assert read.header == [] and read.column == 2 and read.names == ["株洲市", "湘潭市"]


def test_unsure_tables_ask_and_a_pick_is_obeyed() -> None:
    from geodata.basics.errors import InputError
    from geodata.lists.columns import read_table

    rows = [["株洲市", "湘潭市"], ["长沙市", "岳阳市"]]
    read = read_table(rows)
    assert not read.sure and set(read.candidates) == {0, 1}
    assert read_table(rows, column=1).names == ["湘潭市", "岳阳市"]
    headed = [["名称", "所在地区"], ["株洲市", "湖南省"]]
    # the column of province names goes in front of the name
    assert read_table(headed).sure and read_table(headed).names == ["湖南省株洲市"]
    assert read_table(headed, column="所在地区").names == ["湖南省"]
    with pytest.raises(InputError):
        read_table(headed, column="省份")
    with pytest.raises(InputError):
        read_table(headed, column=7)


# --- properties: wherever the columns are, the names come out whole --------------------

PLACE = st.sampled_from(["株洲市", "嘉兴市", "正定县", "龙港镇", "义乌市", "金山区", "和林格尔县"])
HEADERS = st.sampled_from(["试点地区", "地区名称", "名称", "name", "试点名称"])


@settings(deadline=None)
@given(
    st.lists(PLACE, min_size=1, max_size=30),
    st.integers(min_value=0, max_value=3),
    HEADERS,
    st.booleans(),
    st.booleans(),
)
def test_the_named_column_is_read_wherever_it_is(
    places: list[str], at: int, head: str, numbered: bool, with_province: bool
) -> None:
    columns: list[tuple[str, list[str]]] = [(head, places)]
    if numbered:
        columns.insert(0, ("序号", [str(i + 1) for i in range(len(places))]))
    if with_province:
        columns.append(("省份", ["浙江省"] * len(places)))
    filler = ("备注", ["—"] * len(places))
    columns.insert(min(at, len(columns)), filler)
    rows = [[h for h, _ in columns]] + [[vals[i] for _, vals in columns]
                                        for i in range(len(places))]
    read = read_table(rows)
    front = "浙江省" if with_province else ""
    assert read.names == [front + p for p in places]
    assert read.sure and read.header[read.column] == head
