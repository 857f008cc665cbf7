"""Every coded value the data and the geocoder produce has one label in each language,
and the labels of one field tell its values apart (a table cell, a legend)."""

from __future__ import annotations

import seeds
from geodata.exports.schema import cell, doc_rows
from geodata.exports.value_labels import LABELS, label
from geodata.geocode.geocoder import Geocoder
from geodata.registry import pilots as registry
from geodata.registry.evidence import DATASET_CHECKS
from geodata.worklist import flow as listwork


def _codes_in_use() -> dict[str, set[str]]:
    """Each labelled field's values, from the code's own lists and the real registry."""
    rows = registry.registry_rows()
    found: dict[str, set[str]] = {
        "status": set(seeds.STATUSES),
        "match_status": set(listwork.STATUSES),
        "kind": set(registry.KINDS),
        "list_mark": set(registry.LIST_MARKS),
        "evidence_kind": set(seeds.EVIDENCE_KINDS),
        "doubt": set(seeds.DOUBTS),
        "dataset_check": set(DATASET_CHECKS),
    }
    for field in ("level", "status", "match_status", "kind", "geometry_kind", "category",
                  "evidence_kind", "doubt", "dataset_check"):
        found.setdefault(field, set()).update(str(r[field]) for r in rows if r[field])
    gc = Geocoder()  # a group name and a zone: levels no pilot row may have
    found["level"] |= {gc.resolve(n).level for n in ("重庆市主城九区", "苏州工业园区")}
    return found


def test_every_coded_value_has_a_label_in_both_languages() -> None:
    used = _codes_in_use()
    assert {"group", "zone", "town", "province"} <= used["level"]
    assert {"boundary", "town_point", "approximate"} <= used["geometry_kind"]
    assert set(used) == set(LABELS)
    for field, codes in used.items():
        missing = codes - set(LABELS[field])
        assert not missing, (field, missing)
        for lang in ("zh", "en"):
            texts = [label(field, c, lang) for c in LABELS[field]]
            assert all(texts) and len(set(texts)) == len(texts), (field, lang, texts)
            if lang == "zh":
                assert all(t != c for t, c in zip(texts, LABELS[field], strict=True)
                           if field != "category"), (field, texts)  # a label, not the code


def test_a_chinese_download_writes_the_labels() -> None:
    assert cell("level", "province", "zh") == "省级（全省）"
    assert cell("status", "group", "zh", geocoder=True) == "group"  # unknown: as it is
    assert cell("status", "matched", "zh", geocoder=True) == "已匹配"
    assert cell("level", "group", "zh") == "多个单位"
    assert cell("geometry_kind", "approximate", "zh") == "近似位置（所在单位内一点）"
    # the documentation sheet in the file's language: each code with its label
    documented = " ".join(" ".join(r) for r in doc_rows(["status", "level"], "zh"))
    assert "official = 官方名单" in documented and "province = 省级（全省）" in documented
    assert "Official list" not in documented
    english = " ".join(" ".join(r) for r in doc_rows(["status", "level"], "en"))
    assert "official = Official list (named in the batch's own notice" in english
    assert "province = Province (whole)" in english and "官方名单" not in english
