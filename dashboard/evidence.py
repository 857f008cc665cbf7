"""How the evidence of a member reads on the page: the kinds a batch's count rests on,
the research panel's coding of a row, why an unconfirmed row is unconfirmed."""

from __future__ import annotations

from typing import Any

from dashboard.i18n import t, value_label


def kinds_line(use: str, batch: int, lang: str) -> str:
    """The kinds of evidence a batch's known count rests on, each with its count."""
    from geodata.registry.effective import effective_pilots
    from geodata.registry.evidence import by_kind

    counts = by_kind(effective_pilots(use or None), batch)
    kinds = " · ".join(f"{value_label('evidence_kind', k, lang)} {n}" for k, n in counts.items())
    return t("completeness_kinds", lang, kinds=kinds or "—")


def dataset_text(check: object, year: object, lang: str) -> str:
    """The research panel's coding of a row: agreement and the year it gives, or ''."""
    if not check:
        return ""
    text = value_label("dataset_check", str(check), lang)
    if year is not None and year == year:  # not NaN
        text += f" ({int(float(str(year)))})"
    return text


def doubt_text(row: dict[str, Any], lang: str) -> str:
    """Why an unconfirmed row is unconfirmed: its stated doubt, else its evidence kind."""
    if row["status"] != "unconfirmed":
        return ""
    if row.get("doubt"):
        return value_label("doubt", str(row["doubt"]), lang)
    return t(f"why_{row['evidence_kind']}", lang) if row.get("evidence_kind") else ""
