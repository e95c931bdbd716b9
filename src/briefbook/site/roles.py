"""A person's jobs from the roles the briefings gave them: merged, tidied, posts only.

Each briefing words a role its own way ("President", "President of the United States", "the
president"), and extraction sometimes keeps phrases that name no post at all. A reader wants one
row per job: roles are kept when they name a post (a word such as minister, director, CEO), and
merged when they have the same organization and the same post words, however worded.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..corpus import RoleSeen
from ..ids import name_key
from ..lexicon import ROLE_HEADS
from ..lexicon import words as word_list

_WORD = re.compile(r"[a-z][a-z.'-]*")
# Post words too vague to tell two jobs apart on their own.
_VAGUE = word_list("vague_role_words")


@dataclass(frozen=True)
class Job:
    """One job: the wording shown, the organization, and every sighting of it (oldest first)."""

    role: str
    organization: str | None
    organization_name: str | None
    wordings: tuple[str, ...]
    sightings: tuple[RoleSeen, ...]

    @property
    def first(self) -> RoleSeen:
        dated = [s for s in self.sightings if s.date]
        return dated[0] if dated else self.sightings[0]

    @property
    def last(self) -> RoleSeen:
        dated = [s for s in self.sightings if s.date]
        return dated[-1] if dated else self.sightings[-1]


@lru_cache(maxsize=1 << 16)  # the same few thousand roles are asked about on every page that lists people
def post_words(role: str) -> frozenset[str]:
    """The words of a role that name a post ("deputy", "minister"), lower-cased."""
    return frozenset(w.strip(".'-") for w in _WORD.findall(role.lower()) if w.strip(".'-") in ROLE_HEADS)


def is_post(role: str | None) -> bool:
    """Whether a role names a post at all (not "a resident of Ohio" or "farm country")."""
    return bool(role) and bool(post_words(role or ""))


def tidy(role: str) -> str:
    """One line, no stray punctuation at the ends, a capital first letter ("director of X" -> "Director of X")."""
    text = " ".join(role.split()).strip(" ,;:-–—")
    if text.lower().startswith("the "):
        text = text[4:]
    return text[:1].upper() + text[1:]


def _key(seen: RoleSeen) -> tuple[str | None, frozenset[str]]:
    words = post_words(seen.role or "")
    return seen.organization, (words - _VAGUE) or words


def jobs(roles: list[RoleSeen]) -> list[Job]:
    """The jobs in a list of sightings, oldest first; sightings without a post are left out."""
    groups: dict[tuple[str | None, frozenset[str]], list[RoleSeen]] = {}
    for seen in roles:
        if is_post(seen.role):
            groups.setdefault(_key(seen), []).append(seen)
    # the same post named without its organization is the same job when one organization has it
    for (org, words), sightings in list(groups.items()):
        if org is None:
            homes = [k for k in groups if k[0] is not None and k[1] == words]
            if len(homes) == 1:
                groups[homes[0]].extend(sightings)
                del groups[(org, words)]
    # "head of X" beside "director of X": a vague word for the one post at that organization
    for (org, words), sightings in list(groups.items()):
        if org is not None and words <= _VAGUE:
            others = [k for k in groups if k[0] == org and not k[1] <= _VAGUE]
            if len(others) == 1:
                groups[others[0]].extend(sightings)
                del groups[(org, words)]
    out = []
    for (org, _), sightings in groups.items():
        sightings.sort(key=lambda s: (s.date or "9999", s.briefing))
        counts: Counter[str] = Counter()
        forms: dict[str, str] = {}
        for s in sightings:
            text = tidy(s.role or "")
            key = name_key(text)
            counts[key] += 1
            # the longest wording of each: "President of the United States" over "President"
            if len(text) > len(forms.get(key, "")):
                forms[key] = text
        ranked = [forms[k] for k in sorted(forms, key=lambda k: (-counts[k], -len(forms[k]), k))]
        # the fullest wording names the job best ("President of the United States"), unless rambling
        # or vague ("head of" beside "director of")
        best = max(ranked, key=lambda w: (bool(post_words(w) - _VAGUE), len(w) <= 80, len(w)))
        org_name = next((s.organization_name for s in sightings if s.organization_name), None)
        wordings = (best, *(w for w in ranked if w != best))
        out.append(Job(best, org, org_name, wordings, tuple(sightings)))
    out.sort(key=lambda j: (j.first.date or "9999", j.role))
    return out


def latest_job(roles: list[RoleSeen]) -> Job | None:
    """The job of the latest briefing that gives one."""
    found = jobs(roles)
    return max(found, key=lambda j: (j.last.date or "", j.last.briefing)) if found else None


def names_organization(role: str, organization_name: str | None) -> bool:
    """Whether a role's wording already says its organization (no need to write it twice)."""
    return bool(organization_name) and name_key(organization_name or "") in name_key(role)
