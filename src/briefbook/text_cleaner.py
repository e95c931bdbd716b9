"""Clean pasted article text: keep every sentence of the story, cut the site furniture around it.

Text pasted from a news site carries menus, bylines, photo captions, "Also Read" teasers,
comment prompts and related-story lists. This module decides line by line what belongs to the
article, records everything it cuts with a reason (so a contributor can check it), and lifts the
facts hidden in the furniture into metadata: headline, publication date, dateline city, wire
agencies and authors.

Two layers do the work. Pattern rules recognise furniture that any outlet words the same way
("Open in App", "Updated: ...", "By Jane Doe", "Related Stories", a caption ending in its
credit, a paragraph printed twice). Then the body is found. A text that is mostly article (a
pasted story) keeps everything the rules left, from its first sentence to the first related-list
or comment heading. Whole-page text, where most lines are navigation, gets a line-level score in
the spirit of jusText (length, sentence punctuation, runs of short link-like lines); the densest
run of prose is the article, comment threads end it, and the page title printed again as the
headline marks where it starts.

Measured with ``python -m tools.evaluation.cleaning_bench`` (181 real pages, their whole
visible text): shingle F1 0.936, against 0.665 for keeping everything.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from .dates import NUMERIC_DATE_SHAPE, iso_day, month_number, weekdays_disagree, written_dates
from .lexicon import (
    CALENDAR,
    FUNCTION_WORDS,
    MONTHS,
    NAME_PARTICLES,
    WEEKDAYS,
    agencies,
    alternation,
    fold,
    forms_of,
    index_forms,
    words,
)
from .sentences import split_sentences

__all__ = ["CleanArticle", "Removal", "clean_markdown", "clean_text"]


@dataclass
class Removal:
    """A piece of the input the cleaner cut, and why."""

    text: str
    reason: str


@dataclass
class CleanArticle:
    """An article as the rest of the pipeline sees it: paragraphs in order plus what the page told us."""

    paragraphs: list[str]
    title: str | None = None
    date: str | None = None
    location: str | None = None
    agencies: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    url: str | None = None
    outlet: str | None = None
    removed: list[Removal] = field(default_factory=list)
    # True when no headline was found and ``title`` was made from the lead sentence.
    title_from_lead: bool = False

    @property
    def text(self) -> str:
        """The article body: paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs)


# --------------------------------------------------------------------------- settings


@dataclass(frozen=True)
class Limits:
    """How long a line may be and still be a given piece of furniture (characters, unless the name
    says words). Measured on the 181 pages of the cleaning benchmark; every rule reads them here."""

    headline: int = 220  # a longer line is a sentence, not a headline
    wrapped_line: int = 40  # a line this long, not ending a sentence, is continued by a lower-case line
    meta_line: int = 160  # bylines and date lines are short; longer lines are left to the other rules
    labelled_date: int = 120  # "Updated: May 23, 2024 01:05 am IST"
    date_line: int = 80  # a line that is a date (a time, an agency or a place besides)
    numeric_date_line: int = 40  # "05.06.2025 10:41" alone on its line
    date_line_words_left: int = 3  # words a date line may carry besides the date
    agency_line: int = 40  # "Yonhap" or "(AFP)" alone on its line
    agency_list_line: int = 80  # "Yonhap | IANS"
    notice: int = 400  # only notices and disclaimers come longer; captions and credits do not
    photo_position: int = 300  # "(left to right) ...": a caption naming who stands where
    end_marker: int = 320  # "Related stories", "© 2024 ...": a footer line
    comments_line: int = 250  # "23 comments", "Leave a reply"
    short_line: int = 200  # the line rules for short lines; longer ones get the long-line rules
    person_line: int = 40  # a line that is only a name ("Jane Roe")
    repeated_stem: int = 20  # a shared beginning this long makes two lines the same teaser
    near_duplicate: int = 30  # shorter neighbouring lines may repeat on purpose ("Yes." "Yes.")
    repeated_paragraph: int = 60  # a paragraph this long printed twice is the page repeating itself
    heading: int = 160  # a link or heading line
    heading_words: int = 25
    list_heading: int = 120  # "Related stories" heading that opens a link list
    teaser: int = 400  # the summary paragraph of a teaser in a link list
    menu_date_line: int = 40  # a date standing alone among menu lines
    cjk_sentence: int = 20  # Chinese, Japanese or Korean text has no spaces to count words by
    closing_sentence: int = 80  # a short last sentence ("We will see," he said.) kept after the article
    comment_author: int = 120  # "Jane says:" above a comment
    page_title: int = 250  # "Headline | Site": the first line, repeated as the headline
    bare_credit: int = 30  # "-- AFP" at the end
    outlet_credit: int = 60  # "with the Korea JoongAng Daily"
    dash_item_words: int = 16  # "- 11 Fascinating Facts About Our Milky Way Galaxy": a linked headline
    linked_headline_words: int = 5  # "Jonas Brothers Added to 2019 American Music Awards Performance Lineup"
    weather_words: int = 6  # "Seoul 23°C Clear Hi 25° Lo 17°": a widget is a few words around a temperature
    title_window: int = 25  # lines above the body searched for the headline (bylines, dates, share bars between)
    colon_dateline_lead: int = 10  # words after "Seoul:" for it to be a dateline, not a headline's topic
    dateline_city: int = 40  # "SEOUL" or "WASHINGTON, D.C." before the dateline's date


LIMITS = Limits()


# --------------------------------------------------------------------------- vocabulary

# The month names a dateline may carry (``dates.month_number`` reads them).
_MON = (r"(?i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
        r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")

# Wire services, keyed by a folded form; the value is how the agency is usually written.
_AGENCIES = agencies()
_AGENCY_NAMES = frozenset(_AGENCIES.values())
# Picture agencies (every folded form) and the usual names of every agency credited under a photo.
_PHOTO_AGENCIES = frozenset(index_forms(forms_of("photo_agencies"), include_name=True))
_CREDITED = _AGENCY_NAMES | {name for name, _ in forms_of("photo_agencies")}

# Whole lines that are site navigation or page chrome, in any outlet: ``data/lexicon/en/furniture.yml``;
# the words inside the patterns of furniture lines, by kind: ``furniture_words.yml``.
_CHROME = words("furniture")
_FURNITURE_WORDS = dict(forms_of("furniture_words"))

def _labels(kind: str, list_name: str = "post_labels", spaces: str = r"\s+") -> str:
    """The words of one kind of ``data/lexicon/<list_name>.yml``, as a regular-expression alternation
    (each space written ``spaces``)."""
    found = dict(forms_of(list_name)).get(kind, ())
    return alternation(found, spaces)


def _furniture(kind: str, spaces: str = " ") -> str:
    """One list of ``data/lexicon/en/furniture_words.yml`` as an alternation (see `_labels`)."""
    return _labels(kind, "furniture_words", spaces)


# Headings that open a related-stories list, a comment thread or the footer: the article is over.
_P = r"^(?:(?=[^\s\w]*\w)[\w'’.&-]+\s+){0,3}"  # "PFT Most Commented", "Technology Related Stories"
_END_MARKERS = re.compile(
    _P + r"(?:related|realted)\s+(?:" + _furniture("related_nouns", r"\s+") + ")"
    r"\s*:?$"
    r"|" + _P + r"(?:" + _furniture("list_adjectives", r"\s+") + r")\s+(?:" + _furniture("list_nouns", r"\s+") + ")"
    r"(?:\s+(?:from|on|in|about)\s+.{1,40})?\s*:?$"
    r"|^more\s+(?:from|on|in|about)\s+.{1,50}$|^more(?-i:(?:\s+[A-Z][\w'’.&-]*){1,4})$"
    r"|^(?:you|we think you)\s+(?:may|might|will|could|should)\s+(?:also\s+)?(?:like|enjoy|be interested in)"
    r".{0,20}$"
    r"|^(?:recommended|suggested)\s+(?:for you|stories|articles|reading|videos?)\s*:?$"
    r"|" + _P + r"(?:most\s+(?:" + _furniture("most_read", r"\s+") + r")|trending\s+(?:now|stories|news)"
    r"|popular\s+now|editors?'?\s+picks?)(?:\s+(?:stories|articles|news|on\s+.{1,30}))?\s*:?$"
    r"|^(?:read|what to read)\s+next\s*:?$"
    r"|^(?:" + _labels("related_headings") + r")\s*(?:\.{2,3}|…|:)?$"  # "Você pode gostar..."
    r"|^(?:copyright\b|(?:©|\(c\))\s*(?:\d{4}|copyright)|all rights reserved).{0,300}$"
    r"|^.{0,200}\ball rights reserved\b.{0,100}$",
    re.I,
)
# The start of a comment thread: counts, sort orders, "NAME says:", reply forms.
_COMMENTS_STRONG = re.compile(
    r"^(?:(?:\d+|one|two|three)\s+)?(?:responses?|replies|thoughts?|comments?)\s+(?:to|on)\s+[\"“‘'].{0,160}$"
    r"|^(?:" + _furniture("comment_sorts") + ")"
    r"\s+(?:\d+\s+)?comments?\b.{0,20}$"
    r"|^(?:" + _furniture("comment_verbs") + r")\s+(?:a|your)\s+(?:comment|reply|response|say)\b.{0,60}$"
    r"|^(?:comments are closed|comments for this (?:article|story|post)).{0,60}$"
    r"|^to write comments, please log in\b.*$"
    r"|^your email address will not be published.{0,80}$",
    re.I,
)
_COMMENTS = re.compile(
    r"^\[?\(?\s*\d+\s+(?:comments?|responses?|replies|reactions|thoughts?)\s*\]?\)?\s*$"
    r"|^(?:\d+\s+)?(?:comments?|discussion|conversation|reader comments|user comments)\s*(?:\(\d+\))?\s*:?$"
    r"|^join the (?:conversation|discussion)\b.{0,60}$",
    re.I,
)
_COMMENT_AUTHOR = re.compile(
    r"^.{1,60}\s(?:on|at)\s.{4,40}\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:said|says|wrote)\s*:?\s*$"
    r"|^[\w.@’' -]{1,40}\s(?:says|said|wrote)\s*:\s*$",
    re.I,
)
# One-word headings of an inline box of links ("Related", "Trending"): a short list follows.
_SOFT_MARKERS = re.compile(
    r"^(?:" + _furniture("link_box_headings") + "|" + _labels("also_read_labels") + r")\s*:?$",
    re.I,
)
_COOKIES = re.compile(
    r"\b(?:we|this (?:web)?site|our (?:web)?site|site) uses? cookies\b|\bcookies? (?:policy|settings|consent)\b"
    r"|\b(?:" + _furniture("cookie_choices") + r") cookies\b"
    r"|\bby (?:continuing|using) (?:to (?:use|browse) )?(?:this|our) (?:web)?site\b",
    re.I,
)

# Lines that are furniture wherever they occur, with the reason reported to the contributor.
_LINE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("byline", re.compile(r"^(?:The\s+)?(?:[A-Z][\w.&'-]*\s+){1,4}(?:Bureau|News Desk|Web Desk|Desk)$")),
    ("link", re.compile(r"^(?:https?://|www\.)\S+$|^follow\b.{0,60}\bhttps?://\S+$"
                        r"|^[\w' ]{1,30}:\s*(?:https?://|www\.)\S+(?:\s+and\s+(?:https?://|www\.)\S+)?$", re.I)),
    # "Email Jane Roe at jroe@example.com", "Have a tip? ... reached at ...", "Follow us on Twitter @x":
    # how to reach the reporter or the desk, not the story
    ("contact line", re.compile(
        r"^(?:have a (?:news )?tip\?|(?:e-?mail|write to|reach|contact|follow)\b).{0,300}"
        r"(?:[\w.+-]+@[\w-]+\.\w|\s@\w{2,}|\(@\w{2,}\)|https?://|\bon (?:facebook|twitter|instagram|youtube)\b)"
        r".{0,200}$", re.I)),
    ("timestamp", re.compile(r"^(?:updated|posted|published)\s+(?:at|on)\s+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\.?$"
                              r"|^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?(?:Z|[+-]\d\d:?\d\d)?$", re.I)),
    ("date label", re.compile(r"^(?:" + _furniture("date_labels") + r")\s*:?$", re.I)),
    ("advertisement", re.compile(
        r"^(?:(?:hide|close|skip|report(?: this)?|remove)\s+ads?|advertisement|sponsored(?: content)?|ad)$", re.I)),
    ("subscription prompt", re.compile(
        r"^(?:join \S+(?: \S+)? today|become an? (?:expert|member|subscriber)\b.{0,40}"
        r"|get (?:instant|unlimited|full) access\b.{0,140}|.{0,100}\b\d+-day free trial\.?"
        r"|(?:\.{3}|…)?\s*or subscribe\b.{0,40}|subscribe (?:now|today)\b.{0,60}|already a subscriber\?.{0,40}"
        r"|if you (?:enjoyed|liked|value[d]?)\b.{0,40}\b(?:article|story|journalism|reporting)\b.{0,400}"
        r"|get access to\b.{0,200}\bsubscri.{0,400}"
        r"|.{0,200}\b(?:\d+ issues for|delivered (?:to|through) your (?:door|letterbox|inbox))\b.{0,200})$",
        re.I)),
    ("teaser", re.compile(
        r"^.{8,160}\[(?:" + _furniture("teaser_tags") + r")\]"
        r"\s*\|?$|(?-i:^.{8,160}\[[A-Z]{3,12}\]\s*\|?$)|^\[(?:related|read more|see also|also read)\s*:.{1,200}\]$|^also on\s+[\w-]+\.\w{2,10}\b.{0,200}$|"
        r"^(?:" + _furniture("teaser_labels", r"\s+") + "|click here|"
        r"(?:read|watch)\s+the\s+(?:full|latest)\b[^:]{0,20})\s*[:|»›>-]\s*\S.*$", re.I)),
    ("disclaimer", re.compile(
        r"^\(?(?:disclaimer|note to readers|editor'?s note)\s*:.*$"
        r"|.*\b(?:auto-?(?:published|generated) from an? (?:agency|syndicated) feed"
        r"|has not been (?:edited|reviewed) by\b.{0,40}\b(?:staff|editor|editorial)"
        r"|views expressed (?:in this|here|above) are (?:those|the personal)\b"
        r"|for your personal,? non-?commercial use|to order presentation-ready copies).*$", re.I)),
    ("comment prompt", re.compile(
        r"^.*\b(?:please\s+log\s*in|log\s*in\s+to\s+(?:comment|reply|post)|sign\s+in\s+to\s+(?:comment|reply)"
        r"|you must be logged in|to (?:write|post|leave) (?:a )?comments?|moderat\w*\s+(?:all\s+)?comments"
        r"|(?:we['’]d|we would) (?:like|love) to hear what you think|letters? to the editor\b.{0,80}\bsubmit)\b.*$"
        r"|^.{0,60}\(\s*\d+\s*/\s*\d+\s*(?:자|characters?|chars?)?\s*\)\s*$", re.I)),
    ("share prompt", re.compile(
        r"^(?:share|follow|like|find)\s+(?:this|us|on|your)\b.{0,60}$|^click to (?:share|print|email)\b.*$"
        r"|^(?:share|send) (?:this )?(?:article|story|on)\b.{0,60}$", re.I)),
    ("newsletter prompt", re.compile(
        r"^(?:sign up|subscribe)\b.{0,120}(?:" + _furniture("newsletter_targets") + r")\b.{0,60}$"
        r"|^(?:get|receive) (?:the|our) .{0,40}newsletter\b.*$"
        r"|^(?:" + _furniture("newsletter_asks") + r")\b.{0,160}"
        r"\b(?:" + alternation(_FURNITURE_WORDS["newsletter_targets"] + _FURNITURE_WORDS["newsletter_offers"]) + r")\b.{0,100}$"
        r"|^.{0,160}[.!?]\s+(?:sign up|subscribe)\b.{0,120}\b(?:newsletter|inbox)\b.{0,100}$", re.I)),
    ("photo credit", re.compile(
        r"^(?:" + _furniture("photo_labels") + r")s?\s*"
        r"(?:credit|courtesy|source)?\s*[:|/]\s*.{1,100}$"
        r"|^\(?(?:photo|image|picture)s?\s+(?:by|courtesy(?: of)?|credit)\b.{1,80}\)?$"
        r"|^.{0,40}\bphoto(?:graph)?s?\s+by\s+[A-Z][^.]{1,60}$|^(?:photo\s+)?courtesy\s+of\s+[^.]{2,60}$"
        rf"|^.{{0,60}}\b(?:{alternation(_PHOTO_AGENCIES)}|(?:{alternation(_AGENCY_NAMES)}) photo)\b"
        r".{0,40}$"
        r"|^.{0,60}(?:image|photo|picture) (?:source|credit)\s*[,:].{0,60}$",  # "Jane RoeImage source, Family"
        re.I)),
    ("social handle", re.compile(r"^\(?@\w{2,}\)?$")),
    ("related list / footer", re.compile(r"^most (?:read|popular|viewed|shared) (?:in|on) .{1,30}$", re.I)),
    # "Listen to the morning show live at 7:00 - or listen back here", "How to listen to The X Podcast"
    ("audio prompt", re.compile(r"^(?:how to )?listen (?:to|back|live|again)\b.{0,100}(?:here|podcast|live|weekdays)\W*$",
                                re.I)),
    # "... outside an office in New York.Reuters": a caption with its agency glued on
    ("photo caption", re.compile(rf"^.{{20,300}}[a-z]\.\s?(?:{alternation(_CREDITED)})$")),
    # "1996-98 Example Inc., All rights reserved" inside the article (an image's notice): not the footer
    ("copyright line", re.compile(r"^(?:©\s*)?(?:19|20)\d\d(?:\s*[-–]\s*\d{2,4})?\s+.{2,60}?,?\s+all\s+rights?\b.{0,20}$",
                                  re.I)),
    # "Milano Design Week 2018 | A Preview of the Fair": a headline of another post, its parts in capitals
    # (the part after the bar may open in lower case: "Milano Design Week 2018 | a preview of ...")
    ("related headline", re.compile(r"^(?=.{10,140}$)(?:[A-Z0-9‘“'\"][^|.!?]{1,70}\s\|\s)+[\w‘“'\"][^|.!?]{1,70}[^.!?:]$")),
    # "sexta-feira, 22 de outubro de 2010 às 20:13": a date line in another language (dates.py reads English)
    ("date line", re.compile(rf"^(?:(?:{_labels('weekdays', 'date_words')})\s*,?\s*)?\d{{1,2}}\.?\s+(?:de\s+)?"
                             rf"(?:{_labels('months', 'date_words')})\.?\s+(?:de\s+)?\d{{4}}"
                             r"(?:\s*(?:,|às|as|a las|à|a|um|at|-)?\s*\d{1,2}[:h.]\d{2}(?:\s*(?:h|uhr))?)?\.?$", re.I)),
    ("tags", re.compile(r"^(?:filed (?:under|in)|tagged|tags)\s*:.{0,200}$", re.I)),
    ("source credit", re.compile(r"^source\s*:\s*[^.]{2,50}$", re.I)),
    ("shortcode", re.compile(r"^\[(?:button|caption|embed|gallery|video|audio)\b[^\]]*\].{0,200}$", re.I)),
    ("reading time", re.compile(r"^(?:\d+\s*(?:min(?:ute)?s?|mins?)\.?\s*(?:read|to read)"
                                rf"|(?:{_labels('reading_time')})\s*:?.{{0,20}})$", re.I)),
    # "Publicado por: Ana Lima - Categoria: Saúde - Tags: gripe": two labelled details or more on one line
    ("post details", re.compile(rf"^(?:.{{0,40}}?\b(?:{_labels('post_details')})\s*:[^:]{{1,80}}?(?:\s[-|·•]\s|$)){{2,}}",
                                re.I)),
    ("photo gallery", re.compile(
        r"^(?:(?:image|photo|picture|slide)\s+)?\d+\s*(?:/|of)\s*\d*\s*(?:/\s*\d+)?$|^back to (?:gallery|article)$"
        r"|^(?:caption|expand|enlarge|view gallery|view (?:all )?photos|launch gallery|hide caption|"
        r"toggle caption|show caption|next image|previous image)$", re.I)),
    ("image file name", re.compile(
        r"^\S+\.(?:jpe?g|png|gif|webp|svg)\b.*$|^.{0,80}\b[\w-]+\.(?:jpe?g|png|gif|webp)\b.{0,40}$", re.I)),
    ("credit line", re.compile(
        r"^[(\[]?(?:additional\s+)?(?:" + _furniture("credit_verbs") + r")\s+by\b.{0,200}$"
        r"|^.{0,300}\bcontributed (?:reporting )?to this (?:report|story|article)\.?[)\]]?$"
        r"|^(?:[A-Z][\w.'-]+\s+){1,3}contributed reporting(?:\s+(?:from|in)\s+[^.]{1,40})?\.?$"
        r"|^[(\[]?(?:end|ends|fin)[)\]]?$|^-+\s*(?:end|30)\s*-+$", re.I)),
    ("contact", re.compile(r"^(?:e-?mail\s*:?\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+$", re.I)),
    ("share buttons", re.compile(
        r"^(?:(?:" + _furniture("share_buttons") + r")(?:\s+|$)){2,}$", re.I)),
)

# "Image caption," and the like: the next line is the caption.
_CAPTION_LABEL = re.compile(r"^(?:image|photo|picture|video)?\s*caption\s*[,:]?$", re.I)
_LABELLED_CREDIT = re.compile(
    r"(?:\((?:" + _furniture("credit_labels") + r")s?\s*:\s*[^()]{1,60}\)"
    r"|[.!?]\s+(?:image|photo|picture)?\s*credits?\s*:\s*[^.]{1,60}"
    r"|[.!?]\s+(?:photographer|photo|picture|image)\s*:\s*[A-Z][^.]{1,60}\.?)\s*$", re.I)
_PHOTO_OPENING = re.compile(
    r"^(?:" + _furniture("photo_openers") + r")\s*(?::|\||—|--)\s+|"
    r"^(?:in\s+)?this\s+(?:[\w.,]+\s+){0,6}?(?:file\s+|handout\s+|undated\s+|aerial\s+)?"
    r"(?:" + _furniture("photo_nouns", r"\s+") + r")\b", re.I)
# "Minister Bae (right) shakes hands ...", "(second from left)": who is where in a photo
_PHOTO_POSITION = re.compile(
    r"\((?:(?:" + _furniture("photo_rows") + r")\s+(?:row\s+)?)?(?:from\s+)?(?:left|right|center|centre)"
    r"(?:\s+(?:row|to\s+right|to\s+left))?\)|\bfrom\s+left\s*[:,]"
    r"|^[^,]{3,80},\s+(?:(?:second|third)\s+from\s+)?(?:left|right|center|centre),\s+"
    r"(?:" + _furniture("photo_poses") + r")\b", re.I)
_SLASH_CREDIT = re.compile(
    r"(?:\s/\s*|[.!?]\s+(?=(?:photo\s+)?courtesy\b|provided\s+by\b))(?P<credit>[^/.!?]{2,60})$", re.I)
_PHOTO_WORD = re.compile(
    rf"\b(?:photo|photos|image|courtesy|provided by|{alternation(_PHOTO_AGENCIES | set(_AGENCIES))})\b",
    re.I)
_RULE = dict(_LINE_RULES)
# Rules that can match a long line; the others describe short lines only.
_LONG_LINE_RULES = tuple((r, _RULE[r]) for r in ("disclaimer", "comment prompt", "subscription prompt", "contact line"))
_CREDIT_TAIL = re.compile(
    r"(?:[.!?。][\"”’']?|\d)\s*(?:\((?P<p>[^()]{2,70})\)|\[(?P<b>[^\[\]]{2,50})\])\s*$"
)
_BYLINE = re.compile(
    r"^(?:written\s+|reported\s+|story\s+|text\s+)?by\s*:?\s+(?P<names>[^|•·\n]{2,80}?)"
    r"\s*(?:(?:[|•·,;]|\s-\s|\s—\s)\s*(?P<rest>.*))?$",
    re.I,
)
_DATE_LABEL = re.compile(
    r"^(?P<label>(?:first\s+)?published(?:\s+on)?|posted(?:\s+on)?|updated(?:\s+on)?|last\s+updated|"
    r"modified|last\s+modified|created|date|released|issued)\s*[:\-–—]?\s*(?P<rest>.*)$",
    re.I,
)
# Wire-service tags in front of a headline: "(LEAD)", "(2nd LD)", "(URGENT)", "(News Focus)"
_WIRE_TAG = re.compile(
    r"^\s*\((?:LEAD|URGENT|AMPLIFY|\d+(?:st|nd|rd|th)\s+LD|News\s+Focus|News\s+Analysis|Yonhap\s+[A-Za-z ]{3,20}|"
    r"EDITORIAL[^)]{0,40}|LEAD[^)]{0,30}|\d+(?:st|nd|rd|th)\s+LD[^)]{0,30})\)\s*"
)
_CRAWLER_PREFIX = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*(.*)$", re.I)
_DATELINE_STOP = words("dateline_stop_words") | WEEKDAYS | MONTHS
_DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Za-z.'’-]*(?:[ /-][A-Z][A-Za-z.'’-]*){0,3})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*){0,2})(?=,\s*" + _MON + r"|\s*(?:—|–|--|\(|-\s)))?"
    r"(?:,?\s*(?P<mon>" + _MON + r")\.?\s+(?P<day>\d{1,2})(?:,\s*(?P<year>\d{4}))?)?"
    r",?\s*(?P<agency>\([A-Za-z][A-Za-z0-9 .&'-]{1,40}\)|\([A-Z]{2,6}\s+[-–/][^()]{1,80}\))?"
    r"\s*(?P<sep>—|–|--|-|:|\|)?\s*"
)
_PLACE_TAIL = re.compile(r"^[\s,]*[-–—|]\s*(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\s*$")
# "(Reporting by Jane Roe; editing by John Doe)" closing the last paragraph
_TRAILING_CREDIT = re.compile(
    r"\s*[(\[](?:additional\s+)?(?:reporting|writing|editing|compiled)\s+by\b[^()\[\]]{1,200}[)\]]\s*$", re.I)
# "Nairobi, (APP - Some Portal / Some News - 22nd May, 2020 ) :": the portal's credit inside a dateline
_PORTAL_CREDIT = re.compile(r"(?<=,)\s*\([A-Z]{2,6}\s+[-–/][^()]{1,80}\)\s*(?=:)")
_DATE_LEAD = re.compile(r"^(?P<date>[A-Za-z0-9 ,.]{6,40}?)\s*(?:—|–|--|-)\s+(?=[A-Z\"“])")
_AGENCY_ONLY_DATELINE = re.compile(r"^\((?P<agency>[A-Za-z][A-Za-z0-9 .&'-]{1,40})\)\s*(?:—|–|--|-|:)\s+")
_NEWS_AGENCY = re.compile(r"\b(?:the\s+)?([A-Z][\w'-]+(?:\s[A-Z][\w'-]+)?)\s+[Nn]ews\s+[Aa]gency\b")
# a linked name's pop-up card pasted into the sentence: the name twice, glued, then its links, then "MORE"
_HOVER_CARD = re.compile(r"(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,3})(?P=name)(?=[A-Z])[^\n]{0,600}?\sMORE\b(?=\s|$)")
_TRUNCATED = re.compile(r"(?:\.\.\.|…)\s*$")
_SENT_END = re.compile(r"[.!?。！？](?:[\"”’')\]]*)(?=\s|$)")
_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


# --------------------------------------------------------------------------- helpers


def agency_name(name: str) -> str | None:
    """The usual spelling of a wire service ("YONHAP", "Associated Press" -> "AP"), or None."""
    return _agency(name)


def byline_names(raw: str) -> list[str]:
    """The people in a byline's text: roles, e-mail addresses and doubled names removed."""
    return [n for n in _names(raw) if n]


def _agency(name: str) -> str | None:
    """The usual spelling of a wire agency name, or None when ``name`` is not a known agency."""
    key = fold(name).strip("[]().,;:-—/ ")
    return _AGENCIES.get(key)


# What a date line may carry besides the date: times, zones ("GMT+9"), weekdays and the wire's
# "Updated 2 hours ago".
_DATE_LINE_EXTRAS = (
    r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\b(?:[A-Z]{2,4}T|GMT|UTC)[+-]\d{1,2}(?::?\d{2})?"
    r"|\b(?:[A-Z]{2,4}T|" + alternation(_FURNITURE_WORDS["time_zones"]) + r")\b"
    r"|\b(?:" + alternation(w[:3] for w in CALENDAR["weekdays"]) + r")[a-z]*\b"
    r"|updated|\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?)\s+ago\b"
    r"|\bat\b(?=\s*\d{1,2}[:.]\d{2})|\b\d+\s*min(?:ute)?s?\s+read\b"  # "Nov 18, 2019 at 9:24 pm ET • 2 min read"
)


def find_date(text: str) -> str | None:
    """The first complete calendar date written in ``text``, as YYYY-MM-DD (``dates`` reads it)."""
    found = written_dates(text)
    return found[0].value if found else None


def _without_dates(text: str) -> str:
    """``text`` with its complete dates blanked out, to see what else a date line says."""
    for w in reversed(written_dates(text)):
        text = text[: w.start] + " " + text[w.end :]
    return text


def _words(s: str) -> list[str]:
    return _WORD.findall(s)


def _is_cjk(s: str) -> bool:
    return len(_CJK.findall(s)) > len(s) / 4


def _headline_like(s: str, max_words: int = 25) -> bool:
    """A short line that reads like a headline: a few words, no sentence ending, not a label."""
    words = _words(s)
    if not (3 <= len(words) <= max_words) or len(s) > LIMITS.headline:
        return False
    if s.rstrip().endswith((".", ":", ";", ",")) and not s.rstrip().endswith(("...", "…")):
        return False
    return not _TRUNCATED.search(s)


# "Jane Roe, staff writer": the role after a byline's names, cut with what follows it.
_BYLINE_ROLE = re.compile(r"\s*\b(?:" + _furniture("byline_roles") + r")s?\b.*$", re.I)


def _names(raw: str) -> list[str]:
    """Split a byline's names: "Jane Doe and John Roe", "Jane Doe, John Roe"."""
    raw = re.sub(r"[(\[]?[\w.+-]+@[\w-]+(?:\.[\w-]+)+[)\]]?|\([^)]*\)", " ", raw)  # e-mail, (role)
    raw = _BYLINE_ROLE.sub("", raw)
    parts = [p.strip(" .") for p in re.split(r"\s*(?:,|&|\band\b|/)\s*", raw) if p.strip(" .")]
    out = []
    for p in parts:
        words = p.split()
        half = len(words) // 2
        if len(words) % 2 == 0 and half and words[:half] == words[half:]:  # "Jane Doe Jane Doe"
            p = " ".join(words[:half])
        out.append(p)
    return out


def _person_like(name: str) -> bool:
    words = name.split()
    return 1 <= len(words) <= 5 and all(w[:1].isupper() or w.lower() in NAME_PARTICLES
                                        for w in words)


# --------------------------------------------------------------------------- blocks


@dataclass
class _Block:
    text: str
    keep: bool = True
    reason: str | None = None

    def cut(self, reason: str) -> None:
        if self.keep:
            self.keep = False
            self.reason = reason


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = re.sub(r"[\u200b\u200c\u200d\u2060]", "", text)
    text = re.sub(r"[\u00a0\u2007\u202f\t\u3000]", " ", text)
    return text


# "copyright Inexhibit 2019 - ISSN ...": the site's notice, never the rest of the line above it
# (a sentence wrapped before "copyright infringement" goes on in lower case)
_NOTICE = re.compile(r"^(?:©|\(c\)|copyright)\s*(?-i:[A-Z]|(?:19|20)\d\d\b)", re.I)


def _split_blocks(text: str) -> list[_Block]:
    """One block per non-empty line; lines hard-wrapped inside a sentence are joined back."""
    out: list[_Block] = []
    prev_blank = True
    for raw in text.split("\n"):
        line = re.sub(r"\s+", " ", raw).strip()
        if not line:
            prev_blank = True
            continue
        if (out and not prev_blank and len(out[-1].text) >= LIMITS.wrapped_line and line[:1].islower()
                and not re.search(r"[.!?:;\"”)\]]$", out[-1].text) and not _NOTICE.match(line)):
            out[-1].text += " " + line
        else:
            out.append(_Block(line))
        prev_blank = False
    return out


# --------------------------------------------------------------------------- the cleaner


class _Cleaner:
    """One pass over one article; collects metadata while it cuts."""

    def __init__(self) -> None:
        self.title: str | None = None
        self.dates: dict[str, str] = {}
        self.location: str | None = None
        self.place: str | None = None  # named on a date line; the location when there is no dateline
        self.agencies: list[str] = []
        self.authors: list[str] = []
        self.outlet: str | None = None
        self.removed: list[Removal] = []
        # bare date lines, to be weighed once we know where the article starts
        self.site_dates: list[tuple[_Block, str | None]] = []
        # where each labelled date was read: one inside the story ("date: 1999-01-01") is no metadata
        self.date_blocks: dict[str, _Block] = {}
        self.body_texts: list[str] = []

    # ---- metadata sinks

    def add_agency(self, name: str) -> None:
        a = _agency(name) or name.strip()
        if a and a not in self.agencies:
            self.agencies.append(a)

    def add_author(self, name: str) -> None:
        if name and name not in self.authors:
            self.authors.append(name)

    def add_date(self, kind: str, iso: str | None) -> None:
        if iso and kind not in self.dates:
            self.dates[kind] = iso

    # ---- line rules

    def meta_line(self, b: _Block) -> str | None:
        """Recognise byline and date lines; record their facts; return the reason to cut them."""
        s = b.text
        if len(s) > LIMITS.meta_line:
            return None
        m = _DATE_LABEL.match(s)
        if m and len(s) <= LIMITS.labelled_date:
            iso = find_date(m["rest"])
            if iso:
                label = m["label"].lower()
                kind = "updated" if ("updat" in label or "modif" in label) else "published"
                if kind not in self.dates:
                    self.date_blocks[kind] = b
                self.add_date(kind, iso)
                # "Published - May 23, 2024 01:05 am IST - New Delhi": the place the story is filed from
                place = _PLACE_TAIL.search(re.sub(_DATE_LINE_EXTRAS, " ", _without_dates(m["rest"]), flags=re.I))
                if place and _place_like(place["place"]) and place["place"].split()[0].lower() not in _DATELINE_STOP:
                    self.place = self.place or place["place"]
                return "date line"
        m = _BYLINE.match(s)
        if m and len(s) <= LIMITS.meta_line:
            names = _names(m["names"])
            if names and all(_agency(n) or _person_like(n) for n in names):
                for n in names:
                    if _agency(n):
                        self.add_agency(n)
                    else:
                        self.add_author(n)
                rest = m["rest"] or ""
                for part in re.split(r"\s*[|•·]\s*", rest):
                    dm = _DATE_LABEL.match(part)
                    iso = find_date(part)
                    if iso:
                        kind = "updated" if dm and "updat" in dm["label"].lower() else "published"
                        self.add_date(kind, iso)
                    elif _agency(part):
                        self.add_agency(part)
                return "byline"
        # A line that is only a date (and maybe a time, an agency or a place): the site's date line.
        iso = find_date(s) if len(s) <= LIMITS.date_line else None
        if not iso and NUMERIC_DATE_SHAPE.search(s) and len(s) <= LIMITS.numeric_date_line:
            rest = NUMERIC_DATE_SHAPE.sub(" ", s)
            rest = re.sub(r"\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?", " ", rest, flags=re.I)
            if len(_words(rest)) <= 2:
                self.site_dates.append((b, None))  # a date in an order that cannot be told
                return "date line"
        if iso and len(s) <= LIMITS.date_line:
            rest = _without_dates(s)
            rest = re.sub(_DATE_LINE_EXTRAS, " ", rest, flags=re.I)
            leftover = _words(rest)
            if len(leftover) <= LIMITS.date_line_words_left:
                for w in re.split(r"\s*[|•·,]\s*", rest.strip(" |•·,-—")):
                    if _agency(w):
                        self.add_agency(w)
                self.site_dates.append((b, iso))
                return "date line"
        if _agency(s) and len(s) <= LIMITS.agency_line:
            self.add_agency(s)
            return "credit line"
        # "Press Trust of India | New Delhi": the wire and the place, as a byline
        parts = [p for p in re.split(r"\s*[|•·,/]\s*", s) if p]
        if 2 <= len(parts) <= 3 and len(s) <= LIMITS.agency_list_line and _agency(parts[0]) and all(
                _person_like(p) for p in parts[1:]):
            self.add_agency(parts[0])
            return "byline"
        if not re.search(r"[^\W_]", s):
            return "separator"
        return None

    def furniture(self, s: str) -> str | None:
        if len(s) > LIMITS.notice:
            if _COOKIES.search(s):
                return "cookie notice"
            return "disclaimer" if _RULE["disclaimer"].match(s) else None
        key = fold(s).strip(" :|»›>-•·")
        if key in _CHROME:
            return "navigation"
        # a caption ending in its credit: "... on Aug. 4. (Ministry of Science and ICT)", "[YONHAP]",
        # "... in Seoul. / Yonhap", "... on Tuesday. Courtesy of Hyundai Motor", "(Image: GETTY)",
        # or opening like an agency caption: "In this Dec. 12, 2006, file photo, ..."
        if len(s) <= LIMITS.notice and (_LABELLED_CREDIT.search(s) or _PHOTO_OPENING.match(s)):
            return "photo caption"
        if len(s) <= LIMITS.photo_position and _PHOTO_POSITION.search(s):
            return "photo caption"
        m = _SLASH_CREDIT.search(s)
        if m and len(s) <= LIMITS.notice and (_agency(m["credit"]) or _PHOTO_WORD.search(m["credit"])):
            if _agency(m["credit"]):
                self.add_agency(m["credit"])
            return "photo caption"
        m = _CREDIT_TAIL.search(s)
        if m and len(s) <= LIMITS.notice:
            credit = (m["p"] or m["b"] or "").strip()
            if _credit_like(credit):
                if _agency(credit):
                    self.add_agency(credit)
                return "photo caption"
        if _COOKIES.search(s):
            return "cookie notice"
        if len(s) <= LIMITS.end_marker and _END_MARKERS.match(s):
            return "related list / footer"
        if len(s) <= LIMITS.comments_line and (_COMMENTS_STRONG.match(s) or _COMMENTS.match(s)):
            return "comments"
        for reason, rx in _LINE_RULES if len(s) <= LIMITS.short_line else _LONG_LINE_RULES:
            if rx.match(s):
                return reason
        if _tag_line(s):
            return "tags"
        return None


def _crawler_prefix(blocks: list[_Block], c: _Cleaner) -> None:
    """``date YYYY-MM-DD`` put in front by a crawler: a date, then either the headline or the lead."""
    if not blocks:
        return
    m = _CRAWLER_PREFIX.match(blocks[0].text)
    if not m:
        return
    c.add_date("prefix", m[1])
    rest = m[2].strip()
    c.removed.append(Removal(f"date {m[1]}", "crawler date prefix"))
    if not rest:
        blocks.pop(0)
    elif len(blocks) > 1 and _headline_like(rest) and not furniture_title(rest):
        c.title = rest
        blocks.pop(0)
        c.removed.append(Removal(rest, "headline"))
    else:
        blocks[0].text = rest


def clean_text(text: str, find_body: bool = True) -> CleanArticle:
    """Clean plain article text (pasted from a page) into paragraphs and metadata.

    ``find_body=False`` trusts that the text is already the article (an HTML extractor chose
    it) and only applies the furniture rules.
    """
    c = _Cleaner()
    blocks = _split_blocks(_normalise(text))
    _crawler_prefix(blocks, c)
    _mark(blocks, c, find_body)
    body = [b for b in blocks if b.keep]
    _post(body, c)
    paragraphs = [b.text for b in body if b.keep]
    for b in blocks:
        if not b.keep and b.reason:
            c.removed.append(Removal(b.text, b.reason))
    art = CleanArticle(paragraphs=paragraphs, removed=c.removed)
    art.agencies = c.agencies
    art.authors = c.authors
    art.outlet = c.outlet
    first_body = next((i for i, b in enumerate(blocks) if b.keep), len(blocks))
    for kind, block in c.date_blocks.items():
        at = next((i for i, b in enumerate(blocks) if b is block), 0)
        if at > first_body and c.dates.get("dateline"):
            c.dates.pop(kind, None)  # a labelled date inside the story loses to the story's dateline
    site = c.dates.get("site")
    if site and weekdays_disagree(art.text, dt.date.fromisoformat(site)):
        site = None  # a today's-date widget: the story's weekdays fall in another year
    art.date = c.dates.get("prefix") or c.dates.get("published") or site \
        or c.dates.get("dateline") or c.dates.get("updated")
    art.location = c.location or c.place
    art.title = _WIRE_TAG.sub("", c.title).strip() or c.title if c.title else None
    if not art.title and paragraphs:
        art.title = lead_headline(paragraphs[0])
        art.title_from_lead = art.title is not None
    return art


# --------------------------------------------------------------------------- marking


def _mark(blocks: list[_Block], c: _Cleaner, find_body: bool = True) -> None:
    """Decide for each block whether it is article text; the order of the steps matters."""
    # 1. lines that are furniture or metadata wherever they are
    for b in blocks:
        reason = c.meta_line(b) or c.furniture(b.text)
        if reason:
            b.cut(reason)
    _bare_bylines(blocks, c)
    # "Read and decide" over "Join X today": the heading of a paywall box goes with its prompt
    for head, prompt in itertools.pairwise(blocks):
        if head.keep and prompt.reason == "subscription prompt" and _menu_line(head.text):
            head.cut("subscription prompt")
    for label, line in itertools.pairwise(blocks):
        if _CAPTION_LABEL.match(label.text) and line.keep:
            label.cut("photo gallery")
            line.cut("photo caption")
    _cut_link_lists(blocks)
    _cut_dash_lists(blocks)
    if not find_body:
        _cut_headlines_above_the_lead(blocks)
    _cut_twins(blocks)
    # 2. the article body: the densest run of prose, never past a related-list / comments marker
    page = find_body and _page_like(blocks)
    if page:
        start, end = _main_region(blocks)
        end = _extend_tail(blocks, end)
    else:
        start, end = _article_span(blocks, find_body)
    # credit lines right after the last paragraph still tell us the wire and the outlet
    for b in blocks[end:]:
        if b.reason not in (None, "credit line") or not _credit_line(b.text, c):
            break
        b.cut("credit line")
    after = "after the article"
    for i, b in enumerate(blocks):
        if i < start:
            b.cut(b.reason or "before the article")
        elif i >= end:
            if _COMMENTS_STRONG.match(b.text) or _COMMENTS.match(b.text) or _COMMENT_AUTHOR.match(b.text):
                after = "comments"
            elif _END_MARKERS.match(b.text) or _SOFT_MARKERS.match(b.text):
                after = "related list / footer"
            b.cut(b.reason or after)
    _cut_repeats(blocks[start:end])
    _categories_above_the_list(blocks, end)
    _site_date(blocks, start, end, c)
    # 3. the headline: a headline-like line printed twice above the body (the page's title and
    # its heading, maybe after a breadcrumb), else the last headline-like line before the body
    if c.title is None:
        keys = [_key(b.text) for b in blocks[:start]]
        bylined = {k[3:] for k in keys if k.startswith("by ")}  # "By The Hills Times": an outlet, no title
        window = [
            i for i in range(start - 1, max(-1, start - LIMITS.title_window), -1)
            if _title_candidate(blocks[i]) and keys[i] not in bylined
        ]
        twice = [
            i for i in window
            if sum(1 for k in keys if k == keys[i] or (len(k) < 2 * len(keys[i]) and not k.startswith("by ")
                                                       and (k.endswith(" " + keys[i])
                                                            or k.startswith(keys[i] + " ")))) >= 2
        ]  # the page's title is "Site Headline" or "Headline | Site"
        near = [i for i in window if i > start - 8]
        pick = next(iter(twice), None)
        tab = _tab_headline(blocks[0].text) if page and pick is None and start > 0 else None
        if tab:  # a whole page pasted: its first line is the browser tab's "Headline | Site"
            c.title = tab
            blocks[0].reason = "headline"
            return
        pick = pick if pick is not None else (near[0] if near else None)
        if pick is not None:
            c.title = trim_headline(blocks[pick].text)
            for i in range(start):
                if blocks[i] is blocks[pick] or (keys[i].endswith(keys[pick]) and not blocks[i].keep):
                    blocks[i].reason = "headline"


# Words of menus and bylines: a line of a few capitalised words with one of these is no name.
_UI_WORDS = frozenset(_FURNITURE_WORDS["ui_words"])


_GLUED = re.compile(r"[a-z]{6,}[A-Z][a-z]{2,}")  # menu items run together: "SubscriptionGift"
_HANDLE = re.compile(r"(?:^|\s|\()@\w{3,}")


_WEATHER = re.compile(r"-?\d+\s*°\s*[CF]?\b")
_COUNTER = re.compile(r"\b\d[\d.,]*[KkMm]?\s+(?:" + _furniture("counter_nouns") + r")\b", re.I)
_SHARE_WORDS = frozenset(_FURNITURE_WORDS["share_words"])


def furniture_title(s: str) -> bool:
    """A line that can never be an article's headline, however it is placed: menu items run
    together, a social handle, a reading time, a line that carries a full date, a weather widget's
    temperature, a counter ("1.2K views"), a share bar's buttons."""
    words = [w.casefold() for w in _words(s)]
    return bool(
        _GLUED.search(s)
        or _HANDLE.search(s)
        or _RULE["reading time"].match(s)
        or written_dates(s)
        or (_WEATHER.search(s) and len(words) <= LIMITS.weather_words)  # not "Delhi swelters at 45°C"
        or _COUNTER.search(s)
        or sum(1 for w in words if w in _SHARE_WORDS) >= 2
    )


# "Korea and US sign AI pact @janeroe 12 comments 3 shares": the author's handle and counters glued on
_GLUED_TAIL = re.compile(
    r"(?:\s+(?:@\w{2,}|\d[\d.,]*[KkMm]?\s+(?:comments?|shares?|views?|likes?|reads?|reactions?)|[|•·]))+\s*$", re.I)


def trim_headline(s: str) -> str:
    """A headline without the handle and counters a page glued after it."""
    return _GLUED_TAIL.sub("", s).strip() or s


def _title_candidate(b: _Block) -> bool:
    s = trim_headline(b.text)
    return (
        b.reason in ("before the article", "navigation", "repeated headline")
        and _headline_like(s)
        and not re.match(r"^\d{1,2}[.)]\s", s)  # a numbered menu item
        and fold(s) not in _CHROME
        and not _agency(s)
        and not _name_line(s)
        and not furniture_title(s)
    )


def _tag_line(s: str) -> bool:
    """'cash injection government funding hospital health': a page's keyword tags, lower-case words
    with no function word and no punctuation, which no sentence of an article is."""
    words = s.split()
    return (
        4 <= len(words) <= 15
        and all(w.isalpha() and w.islower() for w in words)
        and not any(w in _FUNCTION_WORDS or w in ("is", "are", "was", "were", "will", "has", "have") for w in words)
    )


def _name_line(s: str) -> bool:
    """Only a person's name, e.g. "Kim Soo-yeon" or "Jane A. Doe"."""
    words = s.split()
    return (2 <= len(words) <= 4 and len(s) <= LIMITS.person_line and _person_like(s) and not s.isupper() and "'" not in s
            and not any(w.lower() in _MINOR or w.lower() in _UI_WORDS for w in words)
            and fold(s) not in _CHROME)


def _bare_bylines(blocks: list[_Block], c: _Cleaner) -> None:
    """A name on its own line next to the date line or the byline is the author."""
    for i, b in enumerate(blocks):
        if not b.keep or not _name_line(b.text):
            continue
        near = [blocks[j] for j in (i - 1, i + 1) if 0 <= j < len(blocks)]
        if any(n.reason in ("date line", "byline") for n in near):
            c.add_author(b.text)
            b.cut("byline")


_INVISIBLE = {"photo gallery", "navigation", "share buttons", "share prompt", "separator"}


def _cut_twins(blocks: list[_Block]) -> None:
    """A paragraph printed twice in a row is a photo caption (the image's alt text and its caption)."""
    # the lead repeated and cut short ("... broaden ties ...") goes first, it is no caption
    texts = sorted({b.text for b in blocks if b.keep})
    for b in blocks:
        if b.keep and _TRUNCATED.search(b.text):
            stem = _TRUNCATED.sub("", b.text).strip()
            k = bisect.bisect_left(texts, stem)
            while len(stem) >= LIMITS.repeated_stem and k < len(texts) and texts[k].startswith(stem):
                if texts[k] != b.text:
                    b.cut("truncated repeat of the lead")
                    break
                k += 1
    # Lines between the two copies decide: nothing, or image furniture, means alt text and caption;
    # a byline or date line means a summary printed above the article and repeated as its lead.
    live = [b for b in blocks if b.keep or b.reason not in _INVISIBLE]
    for a, b in itertools.pairwise(live):
        if a.keep and b.keep and len(a.text) >= LIMITS.near_duplicate and _near_same(a.text, b.text):
            # a headline (no full stop) printed as the page title and again as the heading
            reason = "repeated headline" if _headline_like(b.text) else "photo caption"
            a.cut(reason)
            b.cut(reason)
    # caption, credit, then the same words again: the second copy is the article's lead
    for a, credit, b in zip(live, live[1:], live[2:], strict=False):
        if a.keep and b.keep and credit.reason == "photo credit" and _near_same(a.text, b.text):
            a.cut("photo caption")
    seen: dict[str, int] = {}
    for j, b in enumerate(blocks):
        if b.keep and len(b.text) >= LIMITS.repeated_paragraph:
            i = seen.get(b.text)
            if i is not None and blocks[i].keep and j - i <= 8 and any(
                    m.reason in ("byline", "date line") for m in blocks[i + 1 : j]):
                blocks[i].cut("summary repeated as the lead")
            seen[b.text] = j


def _cut_repeats(blocks: list[_Block]) -> None:
    """Cut a block that repeats several paragraphs above run together (pages that carry their
    article twice, once as paragraphs and once as one line); a single repeated paragraph, like
    an interview question asked each guest, stays."""
    seen: dict[tuple[str, ...], int] = {}
    for n, b in enumerate(blocks):
        if not b.keep:
            continue
        words = _key(b.text).split()
        grams = {tuple(words[i : i + 4]) for i in range(len(words) - 3)}
        sources = {seen[g] for g in grams if g in seen}
        if len(words) >= 20 and len(sources) >= 3 and sum(g in seen for g in grams) >= 0.8 * len(grams):
            b.cut("repeated text")
            continue
        for g in grams:
            seen.setdefault(g, n)


def _near_same(a: str, b: str) -> bool:
    """The same text give or take a few words (alt text and caption, a clipped repeat)."""
    if a == b:
        return True
    ka, kb = _key(a).split(), _key(b).split()
    if min(len(ka), len(kb)) < 6 or sum(map(len, ka)) < 2.5 * len(ka):
        return False  # too short to tell, or a script whose marks split words into letters
    ga = {tuple(ka[i : i + 3]) for i in range(len(ka) - 2)}
    gb = {tuple(kb[i : i + 3]) for i in range(len(kb) - 2)}
    if len(ga & gb) / max(1, len(ga), len(gb)) >= 0.7:
        return True
    shared = next((i for i, (x, y) in enumerate(zip(ka, kb, strict=False)) if x != y), min(len(ka), len(kb)))
    return shared >= 8 and min(len(ka), len(kb)) >= 0.5 * max(len(ka), len(kb))


def _site_date(blocks: list[_Block], start: int, end: int, c: _Cleaner) -> None:
    """The page's own date line is the one nearest above the article (teaser lists carry dates too)."""
    index = {id(b): i for i, b in enumerate(blocks)}
    above = [(index[id(b)], iso) for b, iso in c.site_dates if index[id(b)] < start]
    inside = [(index[id(b)], iso) for b, iso in c.site_dates if start <= index[id(b)] < end]
    # the wire's sign-off under the story ("PANA 14/02/2014") when nothing above dates it
    below = [(index[id(b)], iso) for b, iso in c.site_dates if end <= index[id(b)] < end + 3]
    pick = above[-1] if above else (inside[0] if inside else (below[0] if below else None))
    if pick:
        c.add_date("site", pick[1])


# "Mensagens de Autoestima, Mensagens de Reflexão": two or more capitalised labels, commas between
_CATEGORY_LIST = re.compile(r"^[^\W\d_][^,.!?:;]{1,40}(?:,\s+[^\W\d_][^,.!?:;]{1,40})+$")


def _categories_above_the_list(blocks: list[_Block], end: int) -> None:
    """The post's categories, printed between the story's last paragraph and the heading of a list
    of other posts that ends the article: a line of capitalised labels with commas between."""
    if end >= len(blocks) or not (_hard_end(blocks[end].text) or _SOFT_MARKERS.match(blocks[end].text)):
        return
    last = next((b for b in reversed(blocks[:end]) if b.keep), None)
    if last is not None and _CATEGORY_LIST.match(last.text) and all(
            part[:1].isupper() for part in last.text.split(", ")):
        last.cut("tags")


def is_heading(s: str) -> bool:
    """A link or heading line: short, and not ending like a sentence."""
    return len(s) <= LIMITS.heading and not re.search(r"[.!?。！？:;,\"”’')]$", s) and len(_words(s)) <= LIMITS.heading_words


def _list_line(s: str) -> bool:
    """A line of a link list: a headline, kicker or author name (questions and exclamations too)."""
    return len(s) <= LIMITS.heading and len(_words(s)) <= LIMITS.heading_words and not re.search(r"[.:;,\"”’')]$", s)


_DASH_ITEM = re.compile(r"^[-–•]\s+(?P<rest>\S.*)$")


def _cut_dash_lists(blocks: list[_Block]) -> None:
    """Two or more lines in a row, each "- A Headline In Title Case" with no full stop: links to other
    stories ("- 15 Amazing Images of Stars"), not points of the article, which are sentences."""
    def item(b: _Block) -> bool:
        m = _DASH_ITEM.match(b.text)
        return bool(m) and b.keep and _headline_like(m["rest"], LIMITS.dash_item_words) \
            and all(w[:1].isupper() or w[:1].isdigit() or w.lower().strip(",:") in _MINOR for w in m["rest"].split()) \
            and not re.search(r"[.!?]$", m["rest"])  # "Here's Where ...": capitalised word by word

    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and item(blocks[j]):
            j += 1
        if j - i >= 2:
            for b in blocks[i:j]:
                b.cut("related list / footer")
        i = max(j, i + 1)


_LINKED_HEADLINES = 3  # headlines in a row above the lead that make a box of links


def _cut_headlines_above_the_lead(blocks: list[_Block]) -> None:
    """Headlines of other stories set above an extracted article's lead, with no heading to
    announce them ("Ciara to Host 2019 American Music Awards, Plus New Performers Announced"):
    three or more lines in headline case, every word capitalised, before the first sentence. A
    story's own headline and standfirst are one or two lines, and its subheadings come later."""
    top = list(itertools.takewhile(lambda b: _list_line(b.text), (b for b in blocks if b.keep)))
    caps = [b for b in top if _title_case(b.text)]
    if sum(1 for b in caps if len(_words(b.text)) >= LIMITS.linked_headline_words) >= _LINKED_HEADLINES:
        for b in caps:
            b.cut("related list")


def _cut_link_lists(blocks: list[_Block]) -> None:
    """Cut the list that follows a "Related" / "More in ..." heading: headlines, or teasers made
    of a headline (and kicker or author) and one summary paragraph each. The article may resume
    after the list, so a heading followed by several paragraphs ends it."""
    live = [i for i, b in enumerate(blocks) if b.keep]
    for m, block in enumerate(blocks):
        text = block.text
        if not (_SOFT_MARKERS.match(text) or _END_MARKERS.match(text)) or len(text) > LIMITS.list_heading:
            continue
        items: list[tuple[list[int], bool]] = []  # (blocks, has a summary paragraph)
        k = bisect.bisect_right(live, m)
        while k < len(live):
            heads: list[int] = []
            while (k < len(live) and _list_line(blocks[live[k]].text)
                   and not _SOFT_MARKERS.match(blocks[live[k]].text)):
                heads.append(live[k])
                k += 1
            if not heads:
                break
            if len(heads) > 3:  # a run of plain links; whatever follows is not part of the list
                items.append((heads, False))
                break
            if k < len(live) and not _list_line(blocks[live[k]].text):
                after = live[k + 1] if k + 1 < len(live) else None
                if (after is None or _list_line(blocks[after].text)) and len(blocks[live[k]].text) <= LIMITS.teaser:
                    items.append(([*heads, live[k]], True))
                    k += 1
                    continue
                if len(heads) > 1:  # the last heading is the article's own subheading
                    items.append((heads[:-1], False))
                break
            items.append((heads, False))
        # a teaser list starts with a teaser; menu links running into the article do not make one
        if sum(1 for _, summary in items if summary) < 3 or not any(summary for _, summary in items[:2]):
            # too few teasers to tell them from subheadings: cut only the plain links on top
            items = list(itertools.takewhile(lambda it: not it[1], items))
        for group, _ in items:
            for i in group:
                blocks[i].cut("related list")


def _menu_line(s: str) -> bool:
    """A navigation-like line: a few words, no sentence punctuation."""
    return len(_words(s)) <= 5 and not re.search(r"[.!?。！？:;\"”’)]$", s)


def _page_like(blocks: list[_Block]) -> bool:
    """Whole-page text (menus, link lists) rather than an article pasted on its own."""
    menus = sum(1 for b in blocks if _menu_line(b.text) or (NUMERIC_DATE_SHAPE.search(b.text) and len(b.text) < LIMITS.menu_date_line))
    return menus > max(3, 0.15 * len(blocks))


def _article_span(blocks: list[_Block], find_body: bool) -> tuple[int, int]:
    """The span of a text that is all article: from the first sentence (a headline or kicker
    above it is not body text) to the first related-list or comment heading."""
    start = 0
    if find_body:
        start = next((i for i, b in enumerate(blocks) if b.keep and not is_heading(b.text)
                      and not (_list_line(b.text) and len(_words(b.text)) <= 15)), 0)
    end = next((i for i in range(start, len(blocks)) if _hard_end(blocks[i].text)), len(blocks))
    if find_body:
        # trailing menu words ("Terms of Service") are page furniture; a cut-off sentence is not
        while end > start and (not blocks[end - 1].keep or (
                _menu_line(blocks[end - 1].text) and _title_case(blocks[end - 1].text))):
            end -= 1
    return start, end


_MINOR = FUNCTION_WORDS


def _title_case(s: str) -> bool:
    """Every word capitalised ("Terms of Service"): a label or a link, not a clipped sentence."""
    words = [w for w in _words(s) if not w.isdigit()]
    return bool(words) and all(w[:1].isupper() or w.lower() in _MINOR for w in words)


def _prose_like(s: str) -> bool:
    """Running text rather than a headline or a menu: several words, mostly lower-case ones."""
    words = [w for w in _words(s) if not w.isdigit()]
    if _is_cjk(s):
        return len(s) >= LIMITS.cjk_sentence
    if len(words) < 5:
        return False
    lower = sum(1 for w in words if w[:1].islower())
    return lower / len(words) >= 0.5


def _extend_tail(blocks: list[_Block], end: int) -> int:
    """Keep the text's last line when it is the article's last sentence cut off mid-word."""
    rest = [i for i in range(end, len(blocks)) if blocks[i].keep]
    if len(rest) == 1 and rest[0] == end and _prose_like(blocks[end].text):
        return end + 1
    # a short closing sentence ("We will see," he said.) scores too little to be taken in
    n = 0
    while (end < len(blocks) and n < 2 and blocks[end].keep and len(blocks[end].text) < LIMITS.closing_sentence
           and re.search(r"[.!?][\"”’']?$", blocks[end].text) and _prose_like(blocks[end].text)):
        end += 1
        n += 1
    return end


def _block_score(s: str) -> float:
    """How much a line looks like article prose (positive) or like page chrome (negative)."""
    n = len(s)
    cjk = _is_cjk(s)
    if cjk:
        n *= 3
    words = len(_words(s)) + (len(_CJK.findall(s)) // 2 if cjk else 0)
    # a clipped teaser ("...", "..") does not end a sentence
    ends = bool(re.search(r"[.!?。！？:;\"”’')]$", s)) and not re.search(r"(?:\.\.|…)$", s)
    sentences = len(_SENT_END.findall(s))
    if n >= 150 and (sentences >= 1 or ends):
        return float(n)
    if n >= 80 and ends and words >= 10:
        return n * 0.6
    if n >= 150:
        # long and unpunctuated: careless prose still reads as prose, a link row does not
        return n * 0.5 if _prose_like(s) else -n * 0.3
    if ends and words >= 6:
        return 5.0
    return -max(25.0, n * 0.5)


_RUN_GROWTH = 0.1


def _hard_end(s: str) -> bool:
    return len(s) <= LIMITS.end_marker and bool(_END_MARKERS.match(s) or _COMMENTS_STRONG.match(s) or _COMMENTS.match(s))


def _main_region(blocks: list[_Block]) -> tuple[int, int]:
    """Start and end (exclusive) of the best-scoring contiguous run of blocks (maximum subarray)."""
    scores: list[float] = []
    for b in blocks:
        if not b.keep:
            scores.append(-20.0 if b.reason in ("navigation", "share prompt") else -5.0)
            continue
        if _SOFT_MARKERS.match(b.text):
            b.cut("related links")
            scores.append(-100.0)
            continue
        scores.append(_block_score(b.text))
    # A comment thread ends the article: after its opening line (or the first of several
    # "NAME says:" lines) only comments and the footer follow. Related-list headings and footer
    # lines weigh heavily against spanning them, but an article may continue after an inline box.
    authors = [i for i, b in enumerate(blocks) if len(b.text) <= LIMITS.comment_author and _COMMENT_AUTHOR.match(b.text)]
    limit, prose = len(blocks), 0.0
    for i, b in enumerate(blocks):
        if len(b.text) > LIMITS.end_marker:
            prose += max(scores[i], 0.0)
            continue
        strong = _COMMENTS_STRONG.match(b.text) or (len(authors) >= 2 and i == authors[0])
        if strong:
            if prose >= 100:
                limit = i
                break
            scores[i] = float("-inf")
        elif _COMMENTS.match(b.text):
            scores[i] = float("-inf")
        elif _END_MARKERS.match(b.text):
            scores[i] = -300.0
        elif scores[i] >= 80:
            prose += scores[i]
    # A long run of non-prose lines (a menu, a staff list) separates sections; a short one (a
    # caption, an ad label) is an interruption. Each further line of a run weighs more.
    run = 0
    for i, v in enumerate(scores):
        if v < 0 and v != float("-inf") and (not blocks[i].keep or _title_case(blocks[i].text)):
            scores[i] = v * (1 + _RUN_GROWTH * run)
            run += 1
        elif v > 0:
            run = 0
    best, (start, end) = _best_run(scores, 0, limit)
    if best <= 0:
        # Nothing reads like prose (a very short text): keep everything that is not furniture.
        return 0, len(blocks)
    # The page title (the first line of a whole page) printed again as the headline: the
    # article starts after it, and the prose above it is teasers, captions or a summary.
    for a in reversed(_title_anchors(blocks)):
        if a >= end or any(_GALLERY.match(b.text) for b in blocks[max(0, a - 2): a + 3]):
            continue  # a headline inside a photo gallery, not the article's own
        sub, (s2, e2) = _best_run(scores, a + 1, end)
        if sub >= max(200.0, 0.1 * best) and s2 - a <= 25:
            return s2, e2
    return start, end


def _best_run(scores: list[float], lo: int, hi: int) -> tuple[float, tuple[int, int]]:
    """Maximum-sum contiguous run of ``scores[lo:hi]``: (sum, (start, end))."""
    best, best_range = float("-inf"), (lo, hi)
    cur, cur_start = 0.0, lo
    for i in range(lo, hi):
        v = scores[i]
        if cur <= 0:
            cur, cur_start = v, i
        else:
            cur += v
        if cur > best:
            best, best_range = cur, (cur_start, i + 1)
    return best, best_range


_GALLERY = re.compile(
    r"^(?:(?:image|photo|picture|slide)\s+)?\d+\s*(?:/|of)\s*\d*\s*(?:/\s*\d+)?$|^back to (?:gallery|article)$"
    r"|^(?:photo|image|caption|expand|enlarge|view gallery|view (?:all )?photos|launch gallery)$"
    r"|^(?:photo|image|credit)s?\s*:.{1,80}$",
    re.I,
)
_TITLE_SPLIT = re.compile(r"\s+(?:[|–—:-]|::|›|»|·)\s+")


def _tab_headline(first: str) -> str | None:
    """The headline part of a page's title line ("Headline | Site", "Site - Headline"): the longest
    part between separators, when it reads as a headline."""
    if len(first) > LIMITS.page_title:
        return None
    parts = _TITLE_SPLIT.split(first)
    if len(parts) < 2:
        return None
    best = max(parts, key=lambda p: len(_words(p)))
    if len(_words(best)) < 4 or not _headline_like(best) or furniture_title(best) or fold(best) in _CHROME:
        return None
    return best.strip()


def _title_anchors(blocks: list[_Block]) -> list[int]:
    """Lines that repeat the page title given by the first line ("Headline | Site")."""
    if not blocks or len(blocks[0].text) > LIMITS.page_title:
        return []
    parts = [p for p in _TITLE_SPLIT.split(blocks[0].text) if len(_words(p)) >= 3]
    keys = {_key(p) for p in parts} | {_key(blocks[0].text)}
    out = []
    for i in range(1, len(blocks)):
        s = blocks[i].text
        if len(s) <= LIMITS.page_title and _key(s) in keys:
            out.append(i)
    return out


def _key(s: str) -> str:
    return " ".join(w.casefold() for w in _words(s))


# --------------------------------------------------------------------------- post-processing


def _post(body: list[_Block], c: _Cleaner) -> None:
    """Rules that look at neighbouring paragraphs: captions, teaser repeats, datelines, credits."""
    kept = [b for b in body if b.keep]
    # trailing credit lines: "Yonhap", "with the Korea JoongAng Daily"
    for b in reversed(kept):
        if _credit_line(b.text, c):
            b.cut("credit line")
        else:
            break
    kept = [b for b in body if b.keep]
    for b in kept[-3:]:
        m = _TRAILING_CREDIT.search(b.text)
        if m and m.start() > 0:
            c.removed.append(Removal(m.group(0).strip(), "credit line"))
            b.text = b.text[: m.start()].rstrip()
    for b in kept:  # "Rep. Jane RoeJane RoeHeadline | Headline ... MORE (D-Minn.)": a name's hover card
        b.text = _HOVER_CARD.sub(r"\g<name>", b.text)
    _cut_company_profile(kept)
    kept = [b for b in kept if b.keep]
    if kept and _author_note(kept[-1].text):
        kept.pop().cut("author note")
    c.body_texts = [b.text for b in kept]
    for n, b in enumerate(kept[:3]):  # the lead, maybe under a standfirst
        if _dateline(b, c, lead=n == 0):
            break
    for b in kept[:3]:
        m = _PORTAL_CREDIT.search(b.text[:120])
        if m:
            c.removed.append(Removal(m.group(0).strip(), "portal credit"))
            b.text = b.text[: m.start()] + b.text[m.end() :]
    for b in kept:
        for m in _NEWS_AGENCY.finditer(b.text):
            if _agency(m[1]):
                c.add_agency(m[1])


# "Ascom is a global ...", "Acme Inc. (NASDAQ: ACME) is the leading ...": a profile's first words
_PROFILE_OPENING = re.compile(
    r"^(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4}(?:\s*\([^()]{1,40}\))?,?\s+(?:is|are)\s+(?:a|an|the)\b")
# "About Ascom", "About GE Healthcare": the heading over it
_ABOUT_HEADING = re.compile(r"^About\s+(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z&][\w&.'’-]*){0,5}\s*:?$")
_PROFILE_TERMS = re.compile(r"\b(?:" + _furniture("company_profile", r"\s+") + r")\b", re.I)
_ATTRIBUTION = re.compile(r"\b(?:" + _furniture("attributions", r"\s+") + r")\b", re.I)
_PROFILE_FACTS = 3  # distinct profile terms that make the closing paragraphs a company's profile


def _cut_company_profile(kept: list[_Block]) -> None:
    """A press release's profile of the company (or each company) after the story: from an
    "About Ascom" heading, or from two paragraphs or more the first of which opens "<Name> is a
    ...", to the end; every paragraph a heading or a profile in the company's own voice (a news
    story's closing background says "the company said"), three profile facts among them or more."""
    def profile(b: _Block) -> bool:
        return bool(_ABOUT_HEADING.match(b.text) or (
            (_PROFILE_OPENING.match(b.text) or _PROFILE_TERMS.search(b.text)) and not _ATTRIBUTION.search(b.text)))

    start = len(kept)
    while start > (len(kept) + 1) // 2 and profile(kept[start - 1]):  # a tail: the story comes first and is longer
        start -= 1
    # the profile begins at its heading, or at the first "<Name> is a ..." that says what the company is
    start = next((i for i in range(start, len(kept)) if _ABOUT_HEADING.match(kept[i].text) or (
        _PROFILE_OPENING.match(kept[i].text) and _PROFILE_TERMS.search(kept[i].text))), len(kept))
    facts = {re.sub(r"\s+", " ", m.lower()) for b in kept[start:] for m in _PROFILE_TERMS.findall(b.text)}
    headed = start < len(kept) and _ABOUT_HEADING.match(kept[start].text)
    if (headed or len(kept) - start >= 2) and len(facts) >= _PROFILE_FACTS:
        for b in kept[start:]:
            b.cut("company profile")


_NOTE_SENTENCES = 2  # sentences of an author's note besides the contact ones


def _author_note(s: str) -> bool:
    """The note on the author closing the story: "Jane Roe's book ... is out now. Follow her on
    Twitter @janeroe. Follow us on Facebook." It ends with how to follow or reach the author or
    the site, and its one or two other sentences report no one (the story's last words would)."""
    if len(s) > LIMITS.notice:
        return False
    sentences = split_sentences(s)
    contact = _RULE["contact line"]
    if len(sentences) < 2 or not contact.match(sentences[-1]):
        return False
    rest = [x for x in sentences if not contact.match(x)]
    return len(rest) <= _NOTE_SENTENCES and not any(_ATTRIBUTION.search(x) for x in rest)


def _credit_line(s: str, c: _Cleaner) -> bool:
    """A closing credit ("Yonhap", "with the Korea JoongAng Daily", "-- AFP"); records it."""
    m = _WITH_OUTLET.match(s)
    bare = s.strip("-—–/() ")
    if _agency(s) or (len(s) <= LIMITS.bare_credit and _agency(bare)):
        c.add_agency(bare)
        return True
    if m and len(s) <= LIMITS.outlet_credit:
        if _agency(m["o"]):
            c.add_agency(m["o"])
        else:
            c.outlet = c.outlet or m["o"]
        return True
    return False


_WITH_OUTLET = re.compile(
    r"^(?:with|and|for|via|source:?)\s+(?:the\s+)?(?P<o>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,5})$")


def _credit_like(s: str) -> bool:
    """A parenthesised credit at the end of a caption: a name or organisation, not a sentence."""
    if _agency(s):
        return True
    words = s.split()
    if not (1 <= len(words) <= 8) or re.search(r"[.!?;:]$", s):
        return False
    caps = sum(1 for w in words if w[:1].isupper() or w.lower() in FUNCTION_WORDS)
    return caps == len(words) and s[:1].isupper()


def _date_lead(s: str) -> tuple[str, int] | None:
    """'Monday, August 10, 2020 – The minister ...': a lead that opens with its date and a dash.
    Returns the date and where the text after the dash starts."""
    m = _DATE_LEAD.match(s)
    if not m:
        return None
    found = written_dates(m["date"])
    if len(found) != 1 or len(_words(_without_dates(m["date"]))) > 1:
        return None
    return found[0].value, m.end()


def _dateline(b: _Block, c: _Cleaner, lead: bool = True) -> bool:
    """Read the dateline at the head of a lead paragraph (city, month and day, agency); True if found."""
    s = b.text
    dated = _date_lead(s)
    if dated:
        c.add_date("dateline", dated[0])
        return True
    m = _AGENCY_ONLY_DATELINE.match(s)
    if m:
        if _agency(m["agency"]):
            c.add_agency(m["agency"])
            return True
        return False
    m = _DATELINE.match(s)
    if not m:
        return False
    city, sep, mon = m["city"], m["sep"], m["mon"]
    rest = s[m.end():]
    first = city.split()[0].strip(".").lower()
    if first in _DATELINE_STOP or fold(city) in _CHROME:
        return False
    if not rest[:1].isupper() and rest[:1] not in "\"“'‘":
        return False
    if len(city) > LIMITS.dateline_city or (mon is None and sep is None and m["agency"] is None):
        return False
    if sep == ":" and not (mon or m["agency"]) and not (lead and (city.isupper() or _place_like(city))):
        return False
    # "Julian Assange: Sweden drops rape investigation" is a headline; a colon dateline opens a lead
    if sep == ":" and not (mon or m["agency"]) and len(rest.split()) < LIMITS.colon_dateline_lead:
        return False
    if sep in ("-",) and not (city.isupper() or mon or m["agency"] or m["region"]):
        return False
    # "Washington —" is a dateline, "U.S. President Donald Trump — who ..." is not
    if not (mon or m["agency"] or city.isupper() or _place_like(city)):
        return False
    c.location = _title_city(city)
    if m["agency"]:
        ag = re.split(r"\s+[-–/]", m["agency"].strip("() "))[0]  # "(APP - Some Portal - 22nd May)"
        if _agency(ag):
            c.add_agency(ag)
    if mon:
        month = month_number(mon) or 0
        day = int(m["day"])
        year = int(m["year"]) if m["year"] else _year_hint(c, c.body_texts)
        if year:
            c.add_date("dateline", iso_day(year, month, day))
    return True


def _place_like(city: str) -> bool:
    """A one- or two-word capitalised name (a colon dateline "Seoul: ..." must be short)."""
    words = city.split()
    return 1 <= len(words) <= 2 and all(w[:1].isupper() and w[1:].islower() for w in words)


def _title_city(city: str) -> str:
    if city.isupper():
        return " ".join(w.capitalize() if len(w) > 2 or "." not in w else w for w in city.split())
    return city


def _year_hint(c: _Cleaner, texts: list[str] | None = None) -> int | None:
    """The year a dateline leaves out: from the page's date lines, else from the full dates the
    article itself writes (the most frequent year, the later one on a tie)."""
    years = Counter(int(v[:4]) for v in c.dates.values() if v)
    if not years and texts:
        for t in texts:
            years.update(int(w.value[:4]) for w in written_dates(t))
    if not years:
        return None
    top = max(years.values())
    return max(y for y, n in years.items() if n == top)


# Small words of a clause and the words that open a subordinate one: ``data/lexicon/en/clause_words.yml``.
_CLAUSE_WORDS = dict(forms_of("clause_words"))
_FUNCTION_WORDS = frozenset(_CLAUSE_WORDS["function_words"])


_CLAUSE_BREAK = re.compile(
    r",\s+(?![A-Z])|\s+(?=(?:" + alternation(_CLAUSE_WORDS["openers"]) + r")\b)"
)


def lead_headline(paragraph: str, max_words: int = 20) -> str | None:
    """A headline made from the lead sentence, for articles pasted without their headline: the
    whole sentence when short, else its main clause (cut before a comma or a subordinate clause),
    never a phrase cut off in the middle of a clause."""
    s = paragraph
    m = _DATELINE.match(s)
    if m and (m["sep"] or m["mon"] or m["agency"]) and m["city"].split()[0].lower() not in _DATELINE_STOP:
        s = s[m.end():]
    s = _AGENCY_ONLY_DATELINE.sub("", s)
    dated = _date_lead(s)
    if dated:
        s = s[dated[1] :]
    first = split_sentences(s)[0].strip() if s.strip() else ""
    words = first.split()
    if not words:
        return None
    if len(words) > max_words:
        cuts = [c.start() for c in _CLAUSE_BREAK.finditer(first) if 6 <= len(first[: c.start()].split()) <= max_words]
        if cuts:
            first = first[: cuts[-1]]
        else:
            # no clause boundary in reach: end before a function word and say the title is cut
            cut = words[:max_words]
            for j in range(max_words, 5, -1):
                if words[j].lower() in _FUNCTION_WORDS and words[j - 1].lower() not in _FUNCTION_WORDS:
                    cut = words[:j]
                    break
            first = " ".join(cut).rstrip(" ,.;:—-") + " …"
    return first.rstrip(" ,.;:—-") or None


# --------------------------------------------------------------------------- other kinds

_FRONTMATTER = re.compile(r"\A---[ \t]*\n.*?\n---[ \t]*\n", re.S)


def clean_markdown(text: str) -> CleanArticle:
    """Clean a Markdown article: drop its frontmatter and markup, then clean it as text."""
    text = _normalise(text)
    text = _FRONTMATTER.sub("", text, count=1)
    title = None
    m = re.match(r"\s*#\s+(.+)\n", text)
    if m:
        title = m[1].strip()
        text = text[m.end():]
    text = re.sub(r"^#{1,6}\s+", "", text, flags=re.M)
    # bounded, single-line patterns: markup is short, and a long line must not cost quadratic time
    text = re.sub(r"!\[[^\]\n]{0,300}\]\([^)\n]{0,500}\)", "", text)
    text = re.sub(r"\[([^\]\n]{1,300})\]\([^)\n]{0,500}\)", r"\1", text)
    text = re.sub(r"(\*\*|__)(?=\S)([^*_\n]{1,300}?)\1", r"\2", text)
    text = re.sub(r"(?<!\w)([*_])(?=\S)([^*_\n]{1,300}?)\1(?!\w)", r"\2", text)
    text = re.sub(r"^\s*[-*+]\s+", "- ", text, flags=re.M)
    art = clean_text(text)
    if title:
        art.title, art.title_from_lead = title, False
    return art
