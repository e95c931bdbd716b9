"""Find and normalise date expressions in news text, by rule (HeidelTime's approach, in small).

Two entry points:

- ``parse_date(text)``: the first complete calendar date (day, month and year) in a byline or
  metadata line ("Published: 20 Feb. 2026, 16:53"), or ``None``.
- ``written_dates(text)``: every complete date written in a line, with its place, including the
  forms only metadata lines use (a Reuters "March 3, 20264:12 PM", a portal "2022. 8. 2. 17:15",
  "2025년 8월 5일"); the cleaner asks it for date lines, bylines and datelines.
- ``find_dates(text, anchor)``: every date expression in a paragraph, each normalised against the
  anchor (the publication date). Relative ("yesterday", "last month", "on Tuesday") and partial
  ("Aug. 4") expressions need the anchor; without one only complete dates and years are returned.

Values are ISO 8601 / TimeML: ``YYYY-MM-DD`` (precision "day"), ``YYYY-MM`` ("month"), ``YYYY``
("year"), ``YYYY-Www`` ("week"), ``YYYY-SU`` ("season"), ``YYYY-Qn`` ("quarter"), ``YYYY-Hn``
("half"). With ``timeml=True`` the vaguer TimeML forms are added too (``PRESENT_REF`` and friends,
decades ``199``, centuries ``19``): useful for scoring on TempEval, useless in a briefing.
Only mentions whose ``calendar`` property is true fit a briefing's event ``date`` field.

Rules rather than a model: the patterns of dates in English news are few and regular, and a rule
that is wrong is easy to see and to fix. Words that double as dates ("May", "March", "fall") and
numbers that look like years ("APEC 2025", "2000 people") are guarded by their context.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from .lexicon import CALENDAR, alternation, forms_of, groups
from .sentences import sentence_bounds as _sentence_bounds

__all__ = [
    "CALENDAR_PRECISIONS",
    "NUMERIC_DATE_SHAPE",
    "DateMention",
    "WrittenDate",
    "find_dates",
    "find_dates_in_paragraphs",
    "iso_day",
    "month_number",
    "parse_date",
    "sentence_tense",
    "weekdays_disagree",
    "written_dates",
]

CALENDAR_PRECISIONS = frozenset({"day", "month", "year"})


@dataclass(frozen=True)
class DateMention:
    """One date expression: where it is, what it says, and what it means."""

    start: int
    end: int
    text: str
    value: str
    precision: str  # day | month | year | week | season | quarter | half | decade | century | ref
    tense: str = ""  # "past" | "future" | "" (no cue): the direction used to resolve it

    @property
    def calendar(self) -> bool:
        """True when the value is a plain calendar date (YYYY, YYYY-MM or YYYY-MM-DD)."""
        return self.precision in CALENDAR_PRECISIONS

    def as_date(self) -> date | None:
        """The first day the value covers, for sorting; None for weeks, seasons and references."""
        if not self.calendar:
            return None
        parts = [int(p) for p in self.value.split("-")]
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


# --------------------------------------------------------------------------------------------
# Vocabulary

_MONTH_NAMES = {name: n for n, name in enumerate(CALENDAR["months"], start=1)}
# "Sept." is September: an abbreviation stands for the month whose name it begins.
_MONTH_ABBR = {a: next(n for m, n in _MONTH_NAMES.items() if m.startswith(a)) for a in CALENDAR["month_abbreviations"]}
_MONTHS = {**_MONTH_NAMES, **_MONTH_ABBR}
_WEEKDAYS = {name: n for n, name in enumerate(CALENDAR["weekdays"])}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 0, "few": 0,
}  # fmt: skip
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
# The month in which each season starts, to tell whether "this summer" is past or to come.
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
# Words around dates and years, by what they tell: ``data/lexicon/en/time_words.yml`` (as written,
# and as sets of lower-case words).
_TIME_FORMS = dict(forms_of("time_words"))
_TIME_WORDS = groups("time_words")
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def _cased(words: Iterable[str]) -> str:
    """An alternation of Title and UPPER forms, longest first (month names are proper nouns:
    matching them case-sensitively keeps the verbs "may" and "march" out)."""
    forms = {f for w in words for f in (w.title(), w.upper())}
    return "|".join(sorted(forms, key=len, reverse=True))


_MONTH_FULL_RE = _cased(_MONTH_NAMES)
# An abbreviation must end the word: "Aug" in "Augusta" or "Mar" in "Mars" is no month.
_MONTH_RE = rf"(?:(?:{_MONTH_FULL_RE})\b|(?:{_cased(_MONTH_ABBR)})\b\.?)"
_WEEKDAY_RE = _cased(_WEEKDAYS)
_DAY_RE = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR_RE = r"(?:1[0-9]|20|21)\d\d"
# A year ends the number: not "2025,000", "2025.5", "20251", "2025%".
_YEAR_END = r"(?![\d%A-Za-z]|[.,]\d|\s*(?:percent|per\s+cent)\b)"
_DAY_END = r"(?![\d:%]|[.,]\d{1,2}\b|\s*(?:percent|per\s+cent)\b)"
_RANGE_SEP = r"\s*(?:-|–|—|\bto\b|\bthrough\b|\bthru\b|\buntil\b|\btill\b)\s*"
_AND_SEP = r"\s*,?\s*(?:and|&|or)\s+"

# Count nouns after a number that make "2000 people" a quantity, not a year.
_COUNT_NOUNS = _TIME_WORDS["count_nouns"]
# Words before a year that make it part of a name ("APEC 2025", "Vision 2030", "Section 2025").
_NAME_WORDS_BEFORE_YEAR = _TIME_WORDS["name_words_before_year"]
# Capitalised words that may stand right before a year without making it a name.
_OK_CAPS_BEFORE_YEAR = _TIME_WORDS["ok_caps_before_year"]

_FUTURE_CUES = re.compile(
    r"\b(?:will|won't|shall|'ll|scheduled|slated|set\s+to|due\s+to|due\s+(?:on|in)|plans?\s+to|"
    r"planned|planning|upcoming|expected|expects?|going\s+to|to\s+be\s+held|is\s+to|are\s+to|"
    r"intends?\s+to|aims?\s+to|forthcoming|next|coming|later\s+this|starting|from\s+next|"
    r"would\s+(?:be\s+)?(?:held|take)|ahead\s+of|(?:should|might|must|may)(?=\s+(?!have\b)\w))\b",
    re.IGNORECASE,
)
_PAST_IRREGULAR = alternation(_TIME_FORMS["past_cues"])
_PAST_CUES = re.compile(rf"\b(?:{_PAST_IRREGULAR}|[a-z]{{3,}}ed)\b", re.IGNORECASE)
# -ed words that are not past tense verbs, or that point to the future.
_NOT_PAST_ED = _TIME_WORDS["not_past_ed"]


# --------------------------------------------------------------------------------------------
# Calendar arithmetic


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _week_value(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def _weekday_date(anchor: date, wd: int, direction: str, strict: bool = False) -> date:
    """The weekday nearest the anchor in the given direction; the anchor itself counts unless strict."""
    if direction == "future":
        delta = (wd - anchor.weekday()) % 7
        if delta == 0 and strict:
            delta = 7
        return anchor + timedelta(days=delta)
    delta = (anchor.weekday() - wd) % 7
    if delta == 0 and strict:
        delta = 7
    return anchor - timedelta(days=delta)


def _day_month_date(anchor: date, m: int, d: int, tense: str) -> date | None:
    """Give "Aug. 4" a year: the nearest such day, on the side of the anchor the tense points to.

    A day within a week on the "wrong" side still wins (a story on Aug. 5 says an event "will be
    held Aug. 4" only by mistake, while publication dates lag by a day or two)."""
    cands = [c for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (c := _valid(y, m, d))]
    if not cands:
        return None
    grace = timedelta(days=7)
    if tense == "future":
        side = [c for c in cands if c >= anchor - grace]
    elif tense == "past":
        side = [c for c in cands if c <= anchor + grace]
    else:
        # No cue: news mostly reports what happened, so the past wins unless the future date is
        # much nearer ("Dec. 3" read in August is last December, not the coming one).
        past = [c for c in cands if c <= anchor + grace]
        future = [c for c in cands if c > anchor + grace]
        if past and future and (min(future) - anchor) * 2 >= anchor - max(past):
            return max(past)
        side = cands
    return min(side or cands, key=lambda c: abs((c - anchor).days))


def _month_year(anchor: date, m: int, tense: str) -> int:
    """Give "in August" a year: the anchor's month counts as current; otherwise past by default."""
    if m == anchor.month:
        return anchor.year
    if tense == "future":
        return anchor.year if m > anchor.month else anchor.year + 1
    if tense == "past":
        return anchor.year if m < anchor.month else anchor.year - 1
    # No cue: the nearer one, ties to the past (news mostly reports what happened).
    back = anchor.year if m < anchor.month else anchor.year - 1
    fwd = anchor.year if m > anchor.month else anchor.year + 1
    dist_back = (anchor.year - back) * 12 + anchor.month - m
    dist_fwd = (fwd - anchor.year) * 12 + m - anchor.month
    return fwd if dist_fwd < dist_back - 2 else back


# --------------------------------------------------------------------------------------------
# Sentences and tense


_REPORTING = _TIME_WORDS["reporting"]


_BE_OR_TO_BEFORE = re.compile(r"\b(?:be|being|to)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def sentence_tense(sentence: str, at: int | None = None) -> str:
    """"future", "past" or "" for a sentence, from the cue nearest to position ``at`` (the date).

    "X will visit on Monday, officials said Friday": the nearest cue decides for each date, so
    Monday is ahead and Friday behind. A reporting verb ("..., officials said.") speaks for the
    date only when it stands right by it; otherwise only when nothing else does. Participles after
    "be" or "to" ("due to be published") are not past tense. Future cues win ties."""
    at = len(sentence) // 2 if at is None else at
    best: tuple[int, int, str] | None = None
    for m in _FUTURE_CUES.finditer(sentence):
        dist = min(abs(m.start() - at), abs(m.end() - at))
        cand = (dist, 0, "future")
        best = cand if best is None or cand < best else best
    for m in _PAST_CUES.finditer(sentence):
        word = m.group(0).lower()
        if word in _NOT_PAST_ED:
            continue
        # only the words just before count: a window, so that a long sentence is not scanned per cue
        if _BE_OR_TO_BEFORE.search(sentence[max(0, m.start() - 100) : m.start()]):
            continue
        dist = min(abs(m.start() - at), abs(m.end() - at))
        if word in _REPORTING and dist > 12:
            dist += 60
        cand = (dist, 1, "past")
        best = cand if best is None or cand < best else best
    return best[2] if best else ""


# --------------------------------------------------------------------------------------------
# Candidates


@dataclass(frozen=True)
class _Item:
    """A resolved piece of a match (a coordinated list gives several)."""

    start: int
    end: int
    value: str
    precision: str


@dataclass
class _Ctx:
    text: str
    anchor: date | None
    reference: date | None  # the last day mentioned, for "the day before"
    timeml: bool
    sentences: list[tuple[int, int]]

    def tense(self, start: int, end: int) -> str:
        for s, e in self.sentences:
            if s <= start < e:
                # The date's own words ("next Friday") must not cue themselves.
                sent = self.text[s:start] + " " * (end - start) + self.text[end:e]
                return sentence_tense(sent, start - s)
        return ""


def _in_name(text: str, start: int) -> bool:
    """A capitalised word right after another capitalised word, not at a sentence start."""
    before = text[:start]
    after_capital = re.search(r"[A-Z][\w'’.-]*\s+$", before)
    sentence_start = re.search(r"(?:^|[.!?:;\n\"“]\s*)\S*\s*$", before)
    return bool(after_capital) and not sentence_start


_Rule = Callable[[re.Match[str], _Ctx], list[_Item] | None]
_RULES: list[tuple[re.Pattern[str], _Rule]] = []


def _rule(pattern: str, flags: int = 0) -> Callable[[_Rule], _Rule]:
    def register(fn: _Rule) -> _Rule:
        _RULES.append((re.compile(pattern, flags), fn))
        return fn

    return register


def _ymd(y: int, m: int, d: int) -> str | None:
    return f"{y:04d}-{m:02d}-{d:02d}" if _valid(y, m, d) else None


def _month_of(token: str) -> int | None:
    return _MONTHS.get(token.rstrip(".").lower())


def _day_of(token: str) -> int:
    return int(re.match(r"\d+", token).group(0))  # type: ignore[union-attr]


_TOKEN = re.compile(rf"(?P<month>{_MONTH_RE})|(?P<num>\d{{1,4}})(?:st|nd|rd|th)?")


def _date_list(m: re.Match[str], ctx: _Ctx, day_first: bool) -> list[_Item] | None:
    """Resolve "Oct. 31 and Nov. 1, 2025", "10-12 November", "Aug. 4": one item per day."""
    body_start = m.start("body")
    body = m.group("body")
    year = int(m.group("year")) if m.group("year") else None
    days: list[list] = []  # [start, end, day, month]
    pending: list[list] = []
    month: int | None = None
    month_start, fresh = 0, False
    for t in _TOKEN.finditer(body):
        s, e = body_start + t.start(), body_start + t.end()
        if t.group("month"):
            month, month_start, fresh = _month_of(t.group("month")), s, True
            if day_first:
                for p in pending:
                    p[3] = month
                pending[-1][1] = e
                days.extend(pending)
                pending = []
        elif day_first:
            pending.append([s, e, _day_of(t.group(0)), None])
        else:
            # In "Oct. 31-Nov. 1" the item "1" starts at its month.
            days.append([month_start if fresh else s, e, _day_of(t.group(0)), month])
            fresh = False
    if pending or not days:
        return None
    days.sort(key=lambda d: d[0])
    # The first item's span starts at the match (a leading weekday or modifier belongs to it).
    days[0][0] = min(days[0][0], m.start())
    items: list[_Item] = []
    if year is None:
        if ctx.anchor is None:
            return None
        tense = ctx.tense(m.start(), m.end())
        first = _day_month_date(ctx.anchor, days[0][3], days[0][2], tense)
        if m.group("lead_wd"):
            # "Friday, Dec. 6": the year in which Dec. 6 is a Friday, if one is near.
            wd = _WEEKDAYS[m.group("lead_wd").lower()]
            near = [c for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)
                    if (c := _valid(y, days[0][3], days[0][2])) and c.weekday() == wd]
            first = min(near, key=lambda c: abs((c - ctx.anchor).days)) if near else first
        if first is None:
            return None
        year = first.year
        base_year = year
    else:
        # The year closes the list: "Dec. 30-Jan. 2, 2026" puts December in 2025.
        base_year = year - 1 if days[0][3] > days[-1][3] else year
    y = base_year
    prev_month = days[0][3]
    for s, e, d, mo in days:
        if mo < prev_month:
            y += 1
        prev_month = mo
        value = _ymd(y, mo, d)
        if value is None:
            return None
        items.append(_Item(s, e, value, "day"))
    # The last item's span runs to the year.
    if m.group("year"):
        last = items[-1]
        items[-1] = _Item(last.start, m.end("year"), last.value, last.precision)
    return items


_WEEKDAY_PREFIX = rf"(?:(?P<lead_wd>{_WEEKDAY_RE}),?\s+(?:the\s+)?)?"
_MDY_ITEM = rf"(?:{_MONTH_RE}\s*)?{_DAY_RE}{_DAY_END}"
_DMY_ITEM = rf"{_DAY_RE}(?:\s+(?:of\s+)?{_MONTH_RE})?"


@_rule(
    rf"\b{_WEEKDAY_PREFIX}(?P<body>{_MONTH_RE}\s*{_DAY_RE}{_DAY_END}"
    rf"(?:(?:\s*,\s*{_MDY_ITEM})*{_AND_SEP}{_MDY_ITEM}|{_RANGE_SEP}{_MDY_ITEM})?)"
    rf"(?:\s*,?\s+(?:in\s+|of\s+)?(?P<year>{_YEAR_RE}){_YEAR_END})?"
)
def _month_day(m: re.Match[str], ctx: _Ctx) -> list[_Item] | None:
    return _date_list(m, ctx, day_first=False)


@_rule(
    rf"\b{_WEEKDAY_PREFIX}(?P<body>{_DAY_RE}(?:(?:\s*,\s*{_DMY_ITEM})*{_AND_SEP}{_DMY_ITEM}|"
    rf"{_RANGE_SEP}{_DMY_ITEM})?\s+(?:of\s+)?{_MONTH_RE})"
    rf"(?:\s*,?\s+(?P<year>{_YEAR_RE}){_YEAR_END})?"
)
def _day_month(m: re.Match[str], ctx: _Ctx) -> list[_Item] | None:
    return _date_list(m, ctx, day_first=True)


@_rule(rf"(?<![\w/.-])(?P<y>{_YEAR_RE})(?P<sep>[-/.])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?![\w/]|\.\d)")
def _iso(m: re.Match[str], ctx: _Ctx) -> list[_Item] | None:
    value = _ymd(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return [_Item(m.start(), m.end(), value, "day")] if value else None


@_rule(rf"(?<![\w/.-])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>{_YEAR_RE})(?![\w/]|\.\d)")
def _numeric(m: re.Match[str], ctx: _Ctx) -> list[_Item] | None:
    value = _numeric_value(int(m.group("a")), int(m.group("b")), int(m.group("y")), m.group("sep"))
    return [_Item(m.start(), m.end(), value, "day")] if value else None


def _numeric_value(a: int, b: int, y: int, sep: str) -> str | None:
    """29/10/2025 is day-first, 10/29/2025 month-first; 05/06/2025 could be either: no answer.

    Dotted dates (29.10.2025) are written day-first wherever they are written."""
    if sep == ".":
        return _ymd(y, b, a)
    if a == b:
        return _ymd(y, a, b)
    if a > 12 >= b:
        return _ymd(y, b, a)
    if b > 12 >= a:
        return _ymd(y, a, b)
    return None


_MONTH_MOD = (
    r"(?:(?:early|earlier|mid|late|later|"
    r"the\s+(?:end|beginning|start|middle|first\s+half|second\s+half)\s+of)[\s-]+)?"
)


@_rule(rf"\b{_MONTH_MOD}(?P<month>{_MONTH_RE}),?\s+(?:of\s+)?(?P<year>{_YEAR_RE}){_YEAR_END}")
def _month_year_rule(m: re.Match[str], ctx: _Ctx) -> list[_Item] | None:
    mo = _month_of(m.group("month"))
    return [_Item(m.start(), m.end(), f"{int(m.group('year')):04d}-{mo:02d}", "month")]


# "May" and "March" are words before they are months; full names of the other months are safe
# mid-sentence. Abbreviations alone ("Aug") never make a date.
_MONTH_CUE = (
    r"(?:in|In|since|Since|until|Until|till|by|By|from|From|through|during|During|before|Before|after|"
    r"After|of|early|Early|earlier|late|Late|mid|Mid|end|beginning|start|middle|and|or|to|last|Last|next|"
    r"Next|this|This|coming|past|on|On|the|The)"
)


@_rule(
    rf"(?:\b(?P<mod>(?:(?:early|earlier|late|later|mid)[\s-]+)?(?:(?:last|next|this|coming|past)\s+)?)"
    rf"|(?<=\bmid-))(?P<month>{_MONTH_FULL_RE})\b(?!\s*\d|-\d|\.\w)"
)
def _month_alone(m: re.Match[str], ctx: _Ctx) -> list[_Item] | None:
    word = m.group("month")
    mo = _MONTH_NAMES[word.lower()]
    mod = (m.group("mod") or "").lower()
    before = ctx.text[: m.start("month")]
    cue = re.search(rf"\b{_MONTH_CUE}[\s-]+$|\bmid-$", before)
    if word.title() in ("May", "March") and not cue:
        return None
    # "April Ryan", "June Carter": a capitalised word after it makes a name, as does one before
    # ("Ernst August"), except at a sentence start.
    after = ctx.text[m.end() :]
    if re.match(r"\s+[A-Z][a-z]", after) and not cue:
        return None
    if not cue and re.search(r"[A-Z][a-z]+\s+$", before) and not re.search(r"[.!?:]\s*\S*\s*$", before):
        return None
    if ctx.anchor is None:
        return None
    a = ctx.anchor
    if "last" in mod or "past" in mod:
        y = a.year if mo < a.month else a.year - 1
    elif "next" in mod or "coming" in mod:
        y = a.year if mo > a.month else a.year + 1
    elif "this" in mod:
        y = a.year
    else:
        y = _month_year(a, mo, ctx.tense(m.start(), m.end()))
    return [_Item(m.start(), m.end(), f"{y:04d}-{mo:02d}", "month")]


_WEEKDAY_NAME_BEFORE = re.compile(rf"\b(?:{alternation(_TIME_FORMS['weekday_names_before'])})\s+$")
_WEEKDAY_NAME_AFTER = re.compile(rf"\s+(?:{alternation(_TIME_FORMS['weekday_names_after'])})\b")


@_rule(
    rf"\b(?P<mod>(?:(?:early|late)\s+)?(?:last|next|this|coming|past|on|early|late)\s+)?"
    rf"(?P<wd>{_WEEKDAY_RE})\b(?!s\b)"
)
def _weekday(m: re.Match[str], ctx: _Ctx) -> list[_Item] | None:
    if ctx.anchor is None:
        return None
    wd = _WEEKDAYS[m.group("wd").lower()]
    mod = (m.group("mod") or "").strip().lower()
    # "Good Friday", "Super Tuesday", "the Sunday Times": days in names.
    if _WEEKDAY_NAME_BEFORE.search(ctx.text[: m.start()]) or _WEEKDAY_NAME_AFTER.match(ctx.text[m.end() :]):
        return None
    start = m.start() if mod and mod != "on" else m.start("wd")
    if mod.endswith("last") or mod.endswith("past"):
        d = _weekday_date(ctx.anchor, wd, "past", strict=True)
    elif mod.endswith("next") or mod.endswith("coming"):
        d = _weekday_date(ctx.anchor, wd, "future", strict=True)
    else:
        tense = ctx.tense(m.start(), m.end())
        if mod.endswith("this") and tense != "past":
            tense = "future"
        d = _weekday_date(ctx.anchor, wd, "future" if tense == "future" else "past")
    return [_Item(start, m.end(), d.isoformat(), "day")]


_NUM_WORD = rf"(?:\d{{1,2}}|{'|'.join(_NUMBER_WORDS)})"


@_rule(
    r"\b(?:today|Today|TODAY|yesterday|Yesterday|tomorrow|Tomorrow|"
    r"(?:the\s+)?day\s+(?:before|after)\s+(?:yesterday|tomorrow))\b(?!'s\s+(?:world|society|economy))"
)
def _deictic_day(m: re.Match[str], ctx: _Ctx) -> list[_Item] | None:
    if ctx.anchor is None:
        return None
    t = m.group(0).lower()
    # "USA Today", "a Sustainable Tomorrow": capitalised mid-sentence after a capitalised word,
    # it is part of a name.
    if m.group(0)[0].isupper() and _in_name(ctx.text, m.start()):
        return None
    shift = {"today": 0, "yesterday": -1, "tomorrow": 1}.get(t)
    if shift is None:
        shift = -2 if "yesterday" in t else 2
    return [_Item(m.start(), m.end(), (ctx.anchor + timedelta(days=shift)).isoformat(), "day")]


@_rule(
    r"\b(?:(?:the|The)\s+(?:previous|prior|following|next)\s+day|(?:the|The)\s+day\s+(?:before|after)|"
    rf"(?P<n>{_NUM_WORD}|A|One|Two|Three)\s+days?\s+(?P<dir>earlier|before|later|after|ago))\b"
)
def _relative_day(m: re.Match[str], ctx: _Ctx) -> list[_Item] | None:
    t = m.group(0).lower()
    after = ctx.text[m.end() :]
    # "the day before the vote" is relative to the vote, which we do not know.
    if re.match(r"\s+(?:the|a|an|his|her|its|their|our|this|that|[A-Z][a-z])", after) and "ago" not in t:
        return None
    n = _NUMBER_WORDS.get(m.group("n").lower()) if m.group("n") else 1
    if m.group("n") and m.group("n").isdigit():
        n = int(m.group("n"))
    if not n:
        return None
    backwards = any(w in t for w in ("previous", "prior", "before", "earlier", "ago"))
    base = ctx.anchor if "ago" in t else (ctx.reference or ctx.anchor)
    if base is None:
        return None
    d = base + timedelta(days=-n if backwards else n)
    return [_Item(m.start(), m.end(), d.isoformat(), "day")]


_UNIT_MOD = (
    r"(?P<mod>(?:(?:earlier|later|early|late|the\s+end\s+of|end\s+of|the\s+start\s+of|the\s+beginning\s+of|"
    r"the\s+middle\s+of|the\s+rest\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of)\s+)?"
    r"(?:this|last|next|the\s+(?:last|past|previous|coming|next|current)|the\s+same|coming|current)"
    r"(?:\s+(?:fiscal|calendar|academic))?)"
)


@_rule(rf"\b{_UNIT_MOD}\s+(?P<unit>week|month|year)\b(?!s\b|-)", re.IGNORECASE)
def _relative_unit(m: re.Match[str], ctx: _Ctx) -> list[_Item] | None:
    if ctx.anchor is None:
        return None
    mod = m.group("mod").lower()
    unit = m.group("unit").lower()
    if "same" in mod:
        return None
    # "over the past year", "in the last month": a stretch of time, not a calendar unit.
    if unit in ("year", "month") and re.search(r"\bthe\s+(?:past|last)\b", mod):
        return None
    before = ctx.text[: m.start()].lower()
    # "over the past week" is a stretch too; "in the past week" is last week's news.
    stretch = r"\b(?:over|for|within|throughout|during)\s+$"
    if unit != "week":
        stretch = r"\b(?:over|for|in|within|throughout|during)\s+$"
    if re.search(stretch, before) and re.search(r"\bthe\s+(?:past|last|coming|next)\b", mod):
        return None
    if re.search(r"\b(?:last|past|previous)\b", mod):
        n = -1
    elif re.search(r"\b(?:next|coming)\b", mod):
        n = 1
    else:
        n = 0
    base = ctx.anchor
    if "previous" in mod and ctx.reference:
        base = ctx.reference
    return [_Item(m.start(), m.end(), *_shift_unit(base, unit, n))]


def _shift_unit(base: date, unit: str, n: int) -> tuple[str, str]:
    if unit == "week":
        return _week_value(base + timedelta(weeks=n)), "week"
    if unit == "month":
        y, mo = _add_months(base.year, base.month, n)
        return f"{y:04d}-{mo:02d}", "month"
    return f"{base.year + n:04d}", "year"


@_rule(rf"\b(?P<n>{_NUM_WORD}|A|One|Two|Three)\s+(?P<unit>week|month|year)s?\s+(?P<dir>ago|earlier)\b")
def _units_ago(m: re.Match[str], ctx: _Ctx) -> list[_Item] | None:
    if ctx.anchor is None:
        return None
    word = m.group("n").lower()
    n = int(word) if word.isdigit() else _NUMBER_WORDS.get(word, 0)
    if not n:
        return None
    base = ctx.anchor
    if m.group("dir") == "earlier":
        if not ctx.reference:
            return None
        base = ctx.reference
    return [_Item(m.start(), m.end(), *_shift_unit(base, m.group("unit"), -n))]


_SEASON_RE = f"(?:{'|'.join([*_SEASONS, *(s.title() for s in _SEASONS)])})"


@_rule(
    r"\b(?:(?P<mod>(?:(?:early|late)\s+)?(?:last|this|next|coming|past|early|late)|(?:in|by|during)\s+the|"
    r"(?:[Ii]n|[Bb]y|[Dd]uring))\s+)?"
    rf"(?P<season>{_SEASON_RE})\b(?:\s+(?:of\s+)?(?P<year>{_YEAR_RE}){_YEAR_END})?"
)
def _season(m: re.Match[str], ctx: _Ctx) -> list[_Item] | None:
    code = _SEASONS[m.group("season").lower()]
    mod = (m.group("mod") or "").lower()
    if m.group("year"):
        return [_Item(m.start("season"), m.end(), f"{m.group('year')}-{code}", "season")]
    if not mod or ctx.anchor is None:
        return None
    relative = re.search(r"\b(?:last|this|next|coming|past)\b", mod)
    if code == "FA" and not relative:
        return None  # "in the fall" of prices
    a = ctx.anchor
    # Each season's occurrences around the anchor: (first day, first day after).
    occ = []
    for y in range(a.year - 2, a.year + 2):
        first = date(y, _SEASON_START[code], 1)
        ny, nm = _add_months(y, _SEASON_START[code], 3)
        occ.append((first, date(ny, nm, 1)))
    running = next((o for o in occ if o[0] <= a < o[1]), None)
    if relative and relative.group(0) in ("last", "past"):
        pick = max(o for o in occ if o[1] <= a)
    elif relative and relative.group(0) in ("next", "coming"):
        pick = min(o for o in occ if o[0] > a)
    elif relative:  # "this summer": the one under way, else the one of this calendar year
        pick = running or next(o for o in occ if o[0].year == a.year)
    elif ctx.tense(m.start(), m.end()) == "future":
        pick = running or min(o for o in occ if o[0] > a)
    else:
        pick = max(o for o in occ if o[0] <= a)
    start_at = m.start("mod") if relative else m.start("season")
    return [_Item(start_at, m.end(), f"{pick[0].year:04d}-{code}", "season")]


_FINANCE = re.compile(
    r"\b(?:earnings|results|revenues?|profits?|loss(?:es)?|sales|income|GDP|economy|economic|growth|"
    r"output|exports?|imports?|quarterly|fiscal|shares|investors?|forecasts?|outlook|percent|won|dollars?|"
    r"billion|million|trillion|inflation|rates?)\b",
    re.IGNORECASE,
)


@_rule(
    r"\b(?:the\s+|The\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?P<kind>quarter|half)"
    rf"(?:\s+(?:of\s+)?(?:(?P<year>{_YEAR_RE}){_YEAR_END}|(?P<rel>this|last|next)\s+year))?"
    rf"|\b(?P<q>Q[1-4]|H[12])(?:\s+|\s*,\s*|\s+of\s+)(?P<year2>{_YEAR_RE}){_YEAR_END}",
    re.IGNORECASE,
)
def _quarter(m: re.Match[str], ctx: _Ctx) -> list[_Item] | None:
    if m.group("q"):
        q = m.group("q").upper()
        kind = "quarter" if q[0] == "Q" else "half"
        return [_Item(m.start(), m.end(), f"{m.group('year2')}-{q}", kind)]
    kind = m.group("kind").lower()
    n = _ORDINALS[m.group("ord").lower()]
    if kind == "half" and n > 2:
        return None
    letter = "Q" if kind == "quarter" else "H"
    if m.group("year"):
        y = int(m.group("year"))
    elif ctx.anchor is None:
        return None
    elif m.group("rel"):
        y = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[m.group("rel").lower()]
    else:
        # A bare "the second half" is as often a match's as a year's: only with money about.
        sent = next((ctx.text[s:e] for s, e in ctx.sentences if s <= m.start() < e), "")
        if not _FINANCE.search(sent):
            return None
        # A bare "the third quarter" is the latest one that has begun (or the next, ahead).
        a = ctx.anchor
        cur = (a.month - 1) // 3 + 1 if kind == "quarter" else (a.month - 1) // 6 + 1
        tense = ctx.tense(m.start(), m.end())
        y = a.year if (n <= cur or tense == "future") else a.year - 1
    return [_Item(m.start(), m.end(), f"{y:04d}-{letter}{n}", kind)]


_YEAR_START = r"(?<![\w$€£¥#.,/-])"


@_rule(
    rf"{_YEAR_START}(?P<mod>(?:(?:the\s+|The\s+)?(?:early|late|mid|end\s+of|start\s+of|beginning\s+of)[\s-]+)?)"
    rf"(?P<year>{_YEAR_RE}){_YEAR_END}(?!-\d{{3}}|s\b)"
)
def _year(m: re.Match[str], ctx: _Ctx) -> list[_Item] | None:
    y = int(m.group("year"))
    if not 1800 <= y <= 2199 or _not_a_year(ctx.text, m.start("year"), m.end(), bool(m.group("mod"))):
        return None
    return [_Item(m.start(), m.end(), f"{y:04d}", "year")]


@_rule(rf"{_YEAR_START}(?P<y1>{_YEAR_RE})\s*[-–/]\s*(?P<y2>{_YEAR_RE}|\d\d)(?![\d%]|[.,]\d|s\b|[-/]\d)")
def _year_range(m: re.Match[str], ctx: _Ctx) -> list[_Item] | None:
    """ "2009-2010", "the 1957-58 expedition", "the 2025/26 season": two years."""
    y1 = int(m.group("y1"))
    y2 = int(m.group("y2")) if len(m.group("y2")) == 4 else y1 // 100 * 100 + int(m.group("y2"))
    if not (1800 <= y1 < y2 <= y1 + 30) or _not_a_year(ctx.text, m.start(), m.end(), False):
        return None
    first = _Item(m.start("y1"), m.end("y1"), f"{y1:04d}", "year")
    return [first, _Item(m.start("y2"), m.end(), f"{y2:04d}", "year")]


_STREET = re.compile(
    r"(?:\s+[A-Z][a-z]+){1,3}\s+(?:" + alternation(_TIME_FORMS["street_suffixes"]) + r")\b"
)


def _not_a_year(text: str, start: int, end: int, modified: bool) -> bool:
    """A four-digit number that names ("APEC 2025"), counts ("2000 people") or prices."""
    before, after = text[:start], text[end:]
    prev = re.search(r"([A-Za-z][\w'’.&-]*)\s*$", before)
    prev_word = prev.group(1) if prev else ""
    pw = prev_word.lower().rstrip(".")
    if pw in _NAME_WORDS_BEFORE_YEAR:
        return True
    # "APEC 2025", "Vision 2030", "G20 2025": a name (capitalised, not a preposition) before it.
    if (
        prev
        and not modified
        and prev_word[:1].isupper()
        and pw not in _OK_CAPS_BEFORE_YEAR
        and pw not in _MONTHS
        and not prev_word.endswith(("'s", "’s"))
    ):
        return True
    nxt = re.match(r"\s+([a-z]+)", after)
    if nxt and nxt.group(1) in _COUNT_NOUNS:
        return True
    if _STREET.match(after):
        return True
    # "No. 2010", "2025 / 2026 = ..." and money.
    return bool(
        re.search(r"(?:[$€£¥#]|No\.)\s*$", before) or re.match(r"\s*(?:[x×*+=/]\s*\d|:\d)", after)
    )


@_rule(r"\b(?:the\s+|The\s+)?(?:(?P<full>1[0-9]|20)(?P<dec>\d)0|'(?P<short>\d)0)s\b")
def _decade(m: re.Match[str], ctx: _Ctx) -> list[_Item] | None:
    if not ctx.timeml:
        return None
    if m.group("full"):
        return [_Item(m.start(), m.end(), m.group("full") + m.group("dec"), "decade")]
    d = int(m.group("short"))
    return [_Item(m.start(), m.end(), ("19" if d >= 3 else "20") + str(d), "decade")]


@_rule(
    r"\b(?:the\s+|The\s+)?(?P<n>1[0-9]|2[0-2]|first|second|third)(?:st|nd|rd|th)?[\s-]+century\b",
    re.IGNORECASE,
)
def _century(m: re.Match[str], ctx: _Ctx) -> list[_Item] | None:
    if not ctx.timeml or not m.group("n").isdigit():
        return None
    return [_Item(m.start(), m.end(), f"{int(m.group('n')) - 1:02d}", "century")]


@_rule(
    r"\b(?:(?P<present>now|Now|currently|Currently|nowadays|Nowadays|at\s+present|these\s+days)"
    r"|(?:in\s+|In\s+)(?P<past>the\s+past)|(?:in\s+|In\s+)(?P<future>the\s+future))\b(?!-)"
    # "in the past several months" is a stretch of time.
    rf"(?!\s+(?:{_NUM_WORD}|several|few|couple|decade|century|years?|months?|weeks?|days?)\b)"
)
def _reference(m: re.Match[str], ctx: _Ctx) -> list[_Item] | None:
    if not ctx.timeml:
        return None
    for group, value in (("present", "PRESENT_REF"), ("past", "PAST_REF"), ("future", "FUTURE_REF")):
        if m.group(group):
            return [_Item(m.start(group), m.end(group), value, "ref")]
    return None


# --------------------------------------------------------------------------------------------
# Entry points


def _candidates(ctx: _Ctx) -> Iterator[tuple[int, int, int, list[_Item]]]:
    for order, (pattern, fn) in enumerate(_RULES):
        for m in pattern.finditer(ctx.text):
            items = fn(m, ctx)
            if items:
                start = min(i.start for i in items)
                end = max(i.end for i in items)
                yield start, end, order, items


def _resolve(ctx: _Ctx) -> list[_Item]:
    """Keep the longest of overlapping matches (the earliest rule on ties)."""
    taken: list[tuple[int, int]] = []
    chosen: list[_Item] = []
    for start, end, _order, items in sorted(_candidates(ctx), key=lambda c: (c[0] - c[1], c[2], c[0])):
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        chosen.extend(items)
    return sorted(chosen, key=lambda i: i.start)


def find_dates(
    text: str,
    anchor: date | None,
    *,
    reference: date | None = None,
    timeml: bool = False,
) -> list[DateMention]:
    """Every date expression in ``text``, normalised against ``anchor`` (the publication date).

    ``reference`` is the last day mentioned before this text (so "the day before" in a new
    paragraph counts from it); ``find_dates_in_paragraphs`` carries it along for you."""
    sentences = _sentence_bounds(text)
    ctx = _Ctx(text, anchor, reference, timeml, sentences)
    # Relative days ("the day before") count from the day mentioned last, so resolve in order:
    # a first pass finds everything; where a relative day follows a dated one, a second pass
    # with that reference fixes it.
    items = _resolve(ctx)
    if any(re.match(r"(?i)(?:the|a|one|two|three|\d)", text[i.start : i.end]) for i in items):
        items = _resolve_relative_in_order(ctx, items)
    out = []
    for it in items:
        tense = ctx.tense(it.start, it.end)
        out.append(DateMention(it.start, it.end, text[it.start : it.end], it.value, it.precision, tense))
    return out


def _resolve_relative_in_order(ctx: _Ctx, items: list[_Item]) -> list[_Item]:
    out = []
    ref = ctx.reference
    for it in items:
        sub = _Ctx(ctx.text, ctx.anchor, ref, ctx.timeml, ctx.sentences)
        again = None
        for pattern, fn in ((p, f) for p, f in _RULES if f in (_relative_day, _relative_unit, _units_ago)):
            m = pattern.match(ctx.text, it.start)
            if m and m.end() == it.end:
                again = fn(m, sub)
                break
        if again:
            it = again[0]
        out.append(it)
        if it.precision == "day":
            ref = date.fromisoformat(it.value)
    return out


def find_dates_in_paragraphs(paragraphs: Iterable[str], anchor: date | None) -> list[list[DateMention]]:
    """``find_dates`` over consecutive paragraphs, carrying the last day mentioned from one to the
    next ("Lutnick spoke Thursday. // The day before, Trump said ..." is Wednesday)."""
    ref: date | None = None
    out = []
    for para in paragraphs:
        found = find_dates(para, anchor, reference=ref)
        out.append(found)
        for mention in found:
            if mention.precision == "day":
                ref = date.fromisoformat(mention.value)
    return out


_ISO_DATETIME = re.compile(rf"(?<!\d)(?P<y>{_YEAR_RE})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?=[T\s]\d\d:\d\d)")
_COMPACT = re.compile(r"(?<![\w.])(?P<y>20\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?![\w.])")


def parse_date(text: str) -> date | None:
    """The first complete date (with day, month and year) in a byline or metadata line.

    "August 5, 2025 09:24 IST", "Aug 05, 2025", "20 Feb. 2026, 16:53", "2025-10-29",
    "2025.10.29", "29/10/2025"; None when there is none or the only one is ambiguous (05/06/2025).
    """
    if not text:
        return None
    m = _ISO_DATETIME.search(text)
    if m:
        d = _valid(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if d:
            return d
    for mention in find_dates(text, None):
        if mention.precision == "day":
            return date.fromisoformat(mention.value)
    m = _COMPACT.fullmatch(text.strip())
    if m:
        return _valid(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return None


# --------------------------------------------------------------------------------------------
# Complete dates in metadata lines (the cleaner's questions)


@dataclass(frozen=True)
class WrittenDate:
    """A complete date (day, month and year) written in a line: where it is and its ISO value."""

    start: int
    end: int
    value: str


# A numeric date by its shape alone (05/06/2025 is one even though its order is unknown).
NUMERIC_DATE_SHAPE = re.compile(r"(?<![\w/.-])\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d{2}(?![\w/])")

# Forms written only in page furniture, never in running text, so ``find_dates`` leaves them out:
# a wire time glued to the year ("March 3, 20264:12 PM"), a portal's spaced dots
# ("2022. 8. 2. 17:15"), Korean ("2025년 8월 5일"), a dotted month-first date ("11.14.2019").
_GLUED_TIME = re.compile(
    rf"\b(?P<mon>{_MONTH_RE})\s+(?P<d>[0-3]?\d),\s+(?P<y>(?:19|20)\d\d)(?=[0-2]?\d:[0-5]\d)"
)
_SPACED_DOTS = re.compile(r"(?<![\w.])(?P<y>(?:19|20)\d\d)\.\s(?P<m>[01]?\d)\.\s(?P<d>[0-3]?\d)\.(?!\d)")
_KOREAN = re.compile(r"(?P<y>(?:19|20)\d{2})\s*년\s*(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일")
_DOTTED_MONTH_FIRST = re.compile(r"(?<![\w/.-])(?P<m>[01]?\d)\.(?P<d>[0-3]\d)\.(?P<y>(?:19|20)\d{2})(?![\w/])")


def iso_day(y: int, m: int, d: int) -> str | None:
    """YYYY-MM-DD, or None when there is no such day (February 30)."""
    return _ymd(y, m, d)


def month_number(name: str) -> int | None:
    """1-12 for a month's name or abbreviation ("Aug.", "august"), else None."""
    return _month_of(name)


def is_calendar_word(word: str) -> bool:
    """A weekday's or a month's full name ("Monday", "november"): what is left of a date that a
    page's metadata split at its commas ("Jane Doe Monday; November")."""
    w = word.strip(".,;:").lower()
    return w in _WEEKDAYS or w in _MONTH_NAMES


def written_dates(text: str) -> list[WrittenDate]:
    """Every complete calendar date written in ``text``, in order (relative dates left out)."""
    found = [WrittenDate(m.start, m.end, m.value) for m in find_dates(text, None) if m.precision == "day"]
    for rx in (_GLUED_TIME, _SPACED_DOTS, _KOREAN, _DOTTED_MONTH_FIRST):
        for m in rx.finditer(text):
            if any(w.start < m.end() and m.start() < w.end for w in found):
                continue
            month = _month_of(m.group("mon")) if "mon" in rx.groupindex else int(m.group("m"))
            value = _ymd(int(m.group("y")), month or 0, int(m.group("d")))
            if value:
                found.append(WrittenDate(m.start(), m.end(), value))
    return sorted(found, key=lambda w: w.start)


_WEEKDAY_DATE = re.compile(
    rf"\b(?P<wd>{_WEEKDAY_RE})\s*,?\s*\(?(?:the\s+)?(?:(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"(?P<m1>{_MONTH_RE})|(?P<m2>{_MONTH_RE})\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?)(?!\d|,?\s*(?:19|20)\d\d)"
)


def weekdays_disagree(text: str, day: date) -> bool:
    """True when the text names a weekday with a day and month ("on Wednesday (15 September)")
    that does not fall on that weekday in ``day``'s year (or the year before, for a month still
    to come): ``day`` is then not when the text was written (a site's today's-date widget)."""
    checked = agreed = 0
    for m in _WEEKDAY_DATE.finditer(text):
        month = _month_of(m.group("m1") or m.group("m2") or "")
        d = int(m.group("d1") or m.group("d2"))
        if not month:
            continue
        year = day.year if (month, d) <= (day.month, day.day) else day.year - 1
        when = _valid(year, month, d)
        if when is None:
            continue
        checked += 1
        agreed += when.weekday() == _WEEKDAYS[m.group("wd").lower()]
    return checked > 0 and agreed == 0
