"""The geocoder as a list reads it, under a budget of work per item and per list."""

from __future__ import annotations

from geodata.basics import settings
from geodata.geocode import reasons as why
from geodata.geocode.geocoder import UNMATCHED, Geocoder, Result
from geodata.lists.inputs import Limits


class OverBudget(Exception):
    """The work of an item (or of the list) ran out: `reason` says which."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Reader:
    """The geocoder as a list reads it: every name resolved counts against the work one
    item (ITEM_WORK_MAX) and one list (LIST_WORK_MAX) may cost, text too long to be a
    name (ITEM_NAME_MAX) is not resolved at all, and a name asked twice in one context
    is answered from memory (joined items repeat their pieces, hostile lists their items)."""

    def __init__(
        self,
        gc: Geocoder,
        list_work: int = settings.LIST_WORK_MAX,
        item_work: int = settings.ITEM_WORK_MAX,
        *,
        limits: Limits | None = None,
    ) -> None:
        self.gc = gc
        if limits is not None:  # a list as long as `limits` lets in (the CLI's --max-bytes)
            list_work = list_work * max(1, limits.max_rows // settings.UPLOAD_MAX_ITEMS)
        self.list_left = list_work
        self.item_work = item_work
        self.item_left = item_work
        self._memo: dict[tuple[str, tuple[str, ...], bool], Result] = {}
        self.spent = 0  # steps taken, for benchmarks and tests


    def next_item(self) -> None:
        self.item_left = self.item_work
        if len(self._memo) > settings.READER_MEMO:
            self._memo.clear()

    def spend(self) -> None:
        """One step of work; past the item's or the list's budget, OverBudget."""
        if self.list_left <= 0:
            raise OverBudget(why.LIST_OVER_BUDGET)
        if self.item_left <= 0:
            raise OverBudget(why.OVER_BUDGET)
        self.list_left -= 1
        self.item_left -= 1
        self.spent += 1

    def resolve(self, text: str, context: tuple[str, ...] = (), *, strict: bool = True) -> Result:
        # every call counts, remembered or not: the budget bounds the work around it too
        self.spend()
        if len(text) > settings.ITEM_NAME_MAX:
            return Result(text, UNMATCHED, reason=why.OVER_BUDGET)
        key = (text, context, strict)
        if (known := self._memo.get(key)) is not None:
            return known.copy()
        res = self.gc.resolve(text, context, strict=strict)
        self._memo[key] = res.copy()
        return res


def over_budget(text: str, reason: str) -> Result:
    return Result(text, UNMATCHED, reason=reason)  # the reason says it all
