"""What every extractor receives: one article, normalised once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cached_property

from akhbar.text.normalize import NormText
from tasks.extract.common.dates import dated, event_day, lead_shift, occurred_spans
from tasks.extract.common.scan import Scan, scan


@dataclass
class ExtractContext:
    """One article's visible text and what earlier extractors found in it.

    Extractors run in order entities -> timex -> figures -> quotes and may
    read what the earlier ones appended. Every row they return carries
    ``start``/``end`` offsets into ``text`` (== offsets into ``visible``).
    """

    text: str  # documents.text
    visible: str  # same length; boilerplate blanked to newlines
    nt: NormText  # NormText(visible): normalised once, shared by all extractors
    published_at: datetime | None = None
    published_precision: str | None = None
    ingest_date: date | None = None  # upper bound when inferring a year
    # Writing day inferred from related articles (tasks.story.infer),
    # used only when neither a publication date nor the text pins one down.
    story_date: date | None = None
    # Source span of the dateline's place ("بغداد" of "بغداد (أ ف ب) -"): blanked in
    # ``visible`` as boilerplate, yet where the story happened when no sentence says.
    dateline: tuple[int, int] | None = None
    # Source span of the first body paragraph (after the title): where a story says
    # what happened, where and when.
    lead: tuple[int, int] | None = None
    # The headline when it came as metadata, not as the text's first line: no offsets
    # into ``text``, yet it names the story's place when the lead does not.
    headline: str | None = None
    mentions: list[dict] = field(default_factory=list)  # MENTIONS rows (no article_id)
    # Known places inside an organisation's name ("شرطة نيكاراغوا"): not mentions of
    # their own (the name is the organisation), yet where a figure may have happened.
    inner_places: list[dict] = field(default_factory=list)
    entities: dict[str, dict] = field(default_factory=dict)  # entity_id -> ENTITY_DEFS row
    timex: list[dict] = field(default_factory=list)  # TIMEX rows (no article_id)

    @cached_property
    def scan(self) -> Scan:
        """The gazetteer/phrase scan of this article, shared by entities and quotes."""
        return scan(self.nt.norm)

    @cached_property
    def day_timex(self) -> list[dict]:
        """The day-precise dates that bound no period (:func:`dated`); read after the timex
        extractor ran, like every day below."""
        return dated(self.timex, self.visible)

    @cached_property
    def event_day(self) -> date | None:
        """The story's day (the lead's recent date)."""
        found = self.day_timex
        occurred = [self.nt.span(s, e) for s, e in occurred_spans(self.nt.norm)] if found else []
        return event_day(
            found, self.lead_span, self._published_day, occurred, self.says, self.visible
        )

    @cached_property
    def says(self) -> list[int]:
        """Where the speech verbs of the article start (``visible`` offsets)."""
        return [self.nt.span(s, e)[0] for s, e, _l, _k in self.scan.verbs]

    @cached_property
    def lead_dated(self) -> bool:
        """The lead paragraph holds a recent date: the event day is the lead's own."""
        return event_day(self.day_timex, self.lead_span, self._published_day) is not None

    @property
    def _published_day(self) -> date | None:
        return self.published_at.date() if self.published_at is not None else None

    @cached_property
    def story_day(self) -> date | None:
        """The day of the event the story counts: the event day, a day off when the lead
        states something on that day about what it followed ("دعا الرئيس اليوم السبت ...
        بعد يوم من هجومين" counts Friday's; "شنت إسرائيل السبت غارات ... غداة مواجهات"
        is Saturday's own event)."""
        day = self.event_day
        found = self.day_timex
        start, end = self.lead_span
        lead_dates = [t for t in found if start <= t["start"] < end]
        if day is None or not lead_dates or lead_dates[0]["resolved_date"] != day:
            return day  # no lead date, or the report's earlier day: nothing to shift
        first = lead_dates[0]["start"]
        says = any(start <= p < first for p in self.says)
        shift = lead_shift(found, self.lead_span, self.visible) if says else 0
        return day + timedelta(days=shift)

    @property
    def lead_span(self) -> tuple[int, int]:
        """The lead paragraph: ``lead`` when cleaning found a body, else the first line."""
        return self.lead if self.lead is not None else paragraph_from(self.visible, 0)

    @classmethod
    def from_visible(cls, text: str, visible: str, **kw: object) -> ExtractContext:
        return cls(text=text, visible=visible, nt=NormText(visible), **kw)  # type: ignore[arg-type]


_SPACE = re.compile(r"\s*")


def paragraph_from(text: str, pos: int) -> tuple[int, int]:
    """The line that starts at the first non-space at or after ``pos``."""
    start = _SPACE.match(text, pos).end()
    end = text.find("\n", start)
    return start, len(text) if end < 0 else end
