"""Tables as Stata datasets (format 118, Unicode), for economists who use the pilots as a
treatment: variable labels in the chosen language, coded columns (batch, status, evidence
kind, level …) as numbers with value labels, codes such as adcodes kept as text."""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence

import seeds
from geodata.basics.settings import STATA_LABEL_CHARS, STATA_STR_BYTES, STATA_VERSION
from geodata.exports.schema import cell, doc_for
from geodata.exports.value_labels import label

_BATCH_COLUMNS = ("batch", "first_batch")
_NUMERIC = ("year", "lon", "lat", "dataset_year", "first_year")


def _batch_labels(lang: str) -> dict[float, str]:
    doc = doc_for("batch")
    index = 1 if lang == "en" else 0
    out = {float(b): doc.values[str(b)][index] for b in seeds.batch_numbers()}
    out[float(seeds.BATCH_1_OR_2)] = doc.values["1or2"][index]
    return out


def _variable_label(column: str, lang: str) -> str:
    doc = doc_for(column)
    text = doc.en_meaning if lang == "en" else doc.zh
    return (text or column)[:STATA_LABEL_CHARS]


def _number(value: object) -> float:
    if value is None or value == "":
        return float("nan")
    return float(value)  # type: ignore[arg-type]


def dta_bytes(
    rows: Iterable[Mapping[str, object]], columns: Sequence[str], lang: str = "zh", *,
    title: str = "",
) -> bytes:
    """The rows as a .dta file: one variable per column, in `columns` order."""
    import pandas as pd

    rows = list(rows)
    data: dict[str, list[object]] = {}
    value_labels: dict[str, dict[float, str]] = {}
    for c in columns:
        values = [r.get(c) for r in rows]
        doc = doc_for(c)
        if c in _BATCH_COLUMNS:
            data[c] = [_number(v) for v in values]
            value_labels[c] = _batch_labels(lang)
        elif c in _NUMERIC:
            data[c] = [_number(v) for v in values]
        elif doc.values and all(v in (None, "") or str(v) in doc.values for v in values):
            codes = list(doc.values)
            data[c] = [float(codes.index(str(v)) + 1) if v not in (None, "") else float("nan")
                       for v in values]
            value_labels[c] = {float(i + 1): label(c, code, lang) if c != "category"
                               else doc.values[code][1 if lang == "en" else 0]
                               for i, code in enumerate(codes)}
        else:
            data[c] = [str(cell(c, v, lang)) if v is not None else "" for v in values]
    frame = pd.DataFrame(data, columns=list(columns))
    strl = [c for c in columns if frame[c].dtype == object
            and any(len(str(v).encode("utf-8")) > STATA_STR_BYTES for v in frame[c])]
    buf = io.BytesIO()
    frame.to_stata(
        buf,
        write_index=False,
        version=STATA_VERSION,
        variable_labels={c: _variable_label(c, lang) for c in columns},
        value_labels=value_labels,
        convert_strl=strl,
        data_label=title[:STATA_LABEL_CHARS] or None,
    )
    return buf.getvalue()
