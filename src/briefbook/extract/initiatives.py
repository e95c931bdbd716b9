"""Initiatives: named agreements, programmes, summits, meetings, committees, laws and orders.

Three shapes cover most of news English:
- a capitalised name ending in a kind word: "Technology Prosperity Deal", "OECD AI Principles",
  "Executive Order 14320", "APEC Economic Leaders' Meeting";
- a proper modifier before a lower-case kind word: "the APEC summit", "the Fostering the Future
  Together global initiative", "the GPAI council meeting";
- an adopted or signed text described by its subject: "adopted a joint statement on digital
  transformation and AI".
Quoted titles and unnamed mentions ("a summit", "the deal") are left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..ids import name_key
from ..lexicon import ADOPTION_VERBS, INITIATIVE_HEADS, ORG_HEADS, by_form, groups, subset
from .nlp import verb_lemma
from .spans import Phrase, head_word, inside_quotes, phrases, tokens_with_lower

# Lower-case heads that name an initiative by its topic ("a statement on AI safety").
_LOWER_KINDS = subset("topic_initiative_heads", frozenset(INITIATIVE_HEADS), "initiative_heads.yml")
# The words around a name that tell an initiative: ``data/lexicon/en/initiative_words.yml``.
_WORDS = groups("initiative_words")
_EVENT_HEADS = _WORDS["event_heads"]
_LOWER_MODIFIERS = _WORDS["event_modifiers"]
# A title-like name before these words is the initiative's own name ("... Together global initiative").
_NAMED_BY_TITLE = _WORDS["named_by_title"]
_APPOSITION_KINDS = _WORDS["apposition_kinds"]
_ORDER_ISSUERS = _WORDS["order_issuers"]
_NUMBERED = _WORDS["numbered"]


@dataclass
class InitiativeFound:
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    paragraphs: list[int] = field(default_factory=list)


def _kind(head: str) -> str:
    kind = INITIATIVE_HEADS.get(head.lower(), "initiative")
    return {"statement": "agreement"}.get(kind, kind) if head.lower() == "statement" else kind


def find_initiatives(docs: list[Doc], org_names: set[str]) -> list[InitiativeFound]:
    found: dict[str, InitiativeFound] = {}

    def add(name: str, kind: str, pno: int, alias: str | None = None) -> None:
        name = name.strip(" ,.;:")
        if len(name) < 4:
            return
        key = name_key(name)
        item = found.get(key) or next(
            (f for f in found.values() if key in {name_key(a) for a in f.aliases}), None
        )
        if item is None:
            item = found[key] = InitiativeFound(name=name, kind=kind)
        if pno not in item.paragraphs:
            item.paragraphs.append(pno)
        if alias and alias not in item.aliases and name_key(alias) != name_key(item.name):
            item.aliases.append(alias)
            dup = found.pop(name_key(alias), None)
            if dup is not None and dup is not item:
                item.paragraphs = sorted(set(item.paragraphs) | set(dup.paragraphs))

    for pno, doc in enumerate(docs, start=1):
        for ph in phrases(doc):
            if inside_quotes(doc, ph.start):
                continue
            _named(doc, ph, pno, add, org_names)
        _adopted(doc, pno, add)
        _listed(doc, pno, add)
    return _fold(list(found.values()))


def _named(doc: Doc, ph: Phrase, pno: int, add, org_names: set[str]) -> None:
    words = ph.words
    last = words[-1].lower().strip(".,")
    # "Executive Order 14320", "Section 232"
    if (
        ph.end < len(doc)
        and doc[ph.end].like_num
        and last in _NUMBERED
        and (last not in ("order", "directive") or words[0].lower() in _ORDER_ISSUERS)
    ):
        add(f"{ph.text} {doc[ph.end].text}", _kind(last), pno)
        return
    head = head_word(words)
    if head is not None and head[1] in ("order", "directive") and words[0].lower() not in _ORDER_ISSUERS:
        head = None  # "Fallen Order" (a game), "Order 66": only executive and similar orders count
    if head is not None and head[1] in INITIATIVE_HEADS and head[1] not in ORG_HEADS and len(words) >= 2:
        add(ph.text, _kind(head[1]), pno, ph.acronym or ph.alias)
        return
    # "Pax Silica, a U.S.-led initiative to ...": an apposition says what the name is
    k = ph.end
    if k + 2 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ in ("a", "an", "the"):
        for m in range(k + 2, min(len(doc), k + 8)):
            if doc[m].is_punct and doc[m].text not in ("-", "."):
                break
            if doc[m].lower_ in _APPOSITION_KINDS and doc[m].pos_ == "NOUN":
                add(ph.text, _kind(doc[m].lower_), pno)
                return
    # proper modifier + lower-case kind word: "APEC summit", "... global initiative"
    k = ph.end
    if ph.acronym:
        k += 3
    mods = []
    while k < len(doc) and doc[k].lower_ in _LOWER_MODIFIERS and len(mods) < 2:
        mods.append(doc[k].text)
        k += 1
    if k < len(doc) and doc[k].lower_ in _EVENT_HEADS and doc[k].pos_ in ("NOUN", "PROPN"):
        head = doc[k].lower_
        if k + 1 < len(doc) and doc[k + 1].lower_ in ("meeting", "summit"):  # "council meeting"
            mods.append(doc[k].text)
            k += 1
            head = doc[k].lower_
        is_actor = name_key(ph.text) in org_names or (ph.acronym is not None and ph.acronym != "AI")
        if is_actor or (len(words) == 1 and ph.text.isupper()):
            name = " ".join([ph.text, *mods, doc[k].text])
            add(name, _kind(head), pno)
        elif (
            (len(words) >= 2 or (len(ph.text) >= 3 and ph.text.isupper() and ph.text != "AI"))
            and head in _NAMED_BY_TITLE
            and not (head_word(words) and head_word(words)[1] in ORG_HEADS)
            and not any(t.ent_type_ == "PERSON" for t in doc[ph.start : ph.end])
        ):
            add(ph.text, _kind(head), pno)


# Plural kind words that introduce examples by name ("schemes such as the A and B").
_LIST_KINDS = by_form("initiative_list_kinds")


def _listed(doc: Doc, pno: int, add) -> None:
    """'flagship schemes such as the Awas Housing Plan and Jan Arogya': names given as examples of a
    plural kind word are initiatives of that kind, whatever their own last word."""
    for t in doc:
        kind = _LIST_KINDS.get(t.lower_)
        if kind is None or t.i + 3 >= len(doc):
            continue
        k = t.i + 1
        if doc[k].lower_ == "such" and doc[k + 1].lower_ == "as":
            k += 2
        elif doc[k].lower_ in ("like", "including"):
            k += 1
        else:
            continue
        # the items: runs of capitalised words (with "of"/"for" inside), separated by "and", "or",
        # commas and "the"; the list ends at anything else
        item: list[str] = []
        while k < len(doc):
            w = doc[k]
            inner = w.lower_ in ("of", "for") and item and k + 1 < len(doc) and doc[k + 1].text[:1].isupper()
            if (w.text[:1].isupper() and w.is_alpha) or inner:
                item.append(w.text)
            elif w.lower_ in ("and", "or", ",", "the"):
                if len(item) >= 2:
                    add(" ".join(item), kind, pno)
                item = []
            else:
                break
            k += 1
        if len(item) >= 2:
            add(" ".join(item), kind, pno)


def _adopted(doc: Doc, pno: int, add) -> None:
    """'adopted a joint statement on digital transformation and AI' -> a named text."""
    for tok in tokens_with_lower(doc, _LOWER_KINDS):
        if tok.pos_ != "NOUN":
            continue
        if verb_lemma(tok.head) not in ADOPTION_VERBS or tok.dep_ not in (
            "dobj",
            "nsubjpass",
            "attr",
            "pobj",
        ):
            continue
        nxt = tok.i + 1
        if nxt >= len(doc) or doc[nxt].lower_ not in ("on", "for"):
            continue
        end = nxt + 1
        while end < len(doc) and end - nxt <= 8:
            t = doc[end]
            if (
                t.is_punct
                or t.ent_type_ == "DATE"
                or t.pos_ in ("VERB", "AUX", "ADP")
                or t.lower_ in ("that", "which")
            ):
                break
            end += 1
        if end - nxt < 2:
            continue
        start = tok.i
        if start > 0 and doc[start - 1].lower_ in _LOWER_MODIFIERS | {"first-ever"}:
            start -= 1
            if doc[start].lower_ == "first-ever":
                start += 1
        name = doc[start:end].text
        add(name, _kind(tok.lower_), pno)


def _fold(items: list[InitiativeFound]) -> list[InitiativeFound]:
    """A name that is the tail of a longer one in the same article is the same initiative."""
    items = sorted(items, key=lambda i: -len(i.name))
    kept: list[InitiativeFound] = []
    for item in items:
        key = name_key(item.name)
        target = next(
            (
                k
                for k in kept
                if (name_key(k.name).endswith(key) and len(item.name.split()) >= 2)
                or k.name.lower().startswith(item.name.lower() + " ")
            ),
            None,
        )
        if target and target.name.lower().startswith(item.name.lower() + " ") and item.name[0].islower():
            target.name, item.name = item.name, target.name  # keep the plain description, drop the tail
        if target:
            if item.name not in target.aliases:
                target.aliases.append(item.name)
            target.paragraphs = sorted(set(target.paragraphs) | set(item.paragraphs))
        else:
            kept.append(item)
    return sorted(kept, key=lambda i: (i.paragraphs[0] if i.paragraphs else 0, i.name))
