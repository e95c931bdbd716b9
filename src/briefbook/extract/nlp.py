"""The spaCy pipeline, loaded once per process from the installed package (never downloaded).

Run it on Python 3.12 or newer (the Makefile picks 3.12): spaCy's wheels for older Pythons are
compiled with Cython profiling hooks, and the parser and entity recognizer then take and drop
the GIL twice in every state accessor, about a third of ingest's CPU."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# One BLAS thread per process: `ingest --jobs N` already runs one process per core, and spaCy's
# matrices are small, so more threads only spin. Read by OpenBLAS when numpy loads it (below).
if "numpy" not in sys.modules:
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LOWER, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Token
from spacy.util import minibatch

from .. import lexicon


def _fast_ops() -> None:
    """Let thinc multiply matrices with numpy's BLAS rather than the blis package.

    The blis wheel falls back to its generic kernels on processors it does not know (it picks
    ``generic`` on this project's AMD EPYC machines) and is then about three times slower than
    numpy's OpenBLAS; the whole pipeline runs about 30 % faster with the same results.
    """
    from thinc.api import NumpyOps, set_current_ops

    set_current_ops(NumpyOps(use_blis=False))
    if "numpy" in sys.modules and os.environ.get("OPENBLAS_NUM_THREADS") != "1":
        try:  # numpy came first (a test, a caller): limit its BLAS at run time if we can
            from threadpoolctl import threadpool_limits

            threadpool_limits(1, user_api="blas")
        except ImportError:
            pass


# ----------------------------------------------------------------------------- attribute rules

_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}  # columns of `_ARRAY_ATTRS` a rule may test
_ARRAY_ATTRS = [TAG, LOWER, DEP, IS_SPACE, POS]


@dataclass(frozen=True)
class _Rule:
    """One attribute-ruler pattern: a test per token, the token it sets, and the values set."""

    tests: tuple[tuple[tuple[int, str, Any], ...], ...]  # per token: (column, op, value)
    index: int
    sets: tuple[tuple[str, int], ...]  # (POS | TAG | DEP, value as stored in the Doc)


def _test(key: str, want: Any, h: Callable[[str], int]) -> tuple[int, str, Any]:
    """One Matcher token test as (column, op, value); ValueError for what the arrays cannot test."""
    if key not in _COLUMNS:
        raise ValueError(f"unsupported attribute-ruler key {key}")
    if isinstance(want, bool):
        return _COLUMNS[key], "==", int(want)
    if isinstance(want, str):
        return _COLUMNS[key], "==", h(want)
    if isinstance(want, dict) and len(want) == 1 and next(iter(want)) in ("IN", "NOT_IN"):
        op, values = next(iter(want.items()))
        return _COLUMNS[key], op, np.array([h(v) for v in values], dtype=np.uint64)
    raise ValueError(f"unsupported attribute-ruler test {key}: {want!r}")


class AttributeRules:
    """The model's ``attribute_ruler`` as a few array operations over a whole batch of Docs.

    The component is spaCy's Matcher over 179 patterns and costs as much per article as the
    dependency parser (about 13 ms). Only its part-of-speech, tag and dependency settings matter
    here (``pos_`` is read everywhere; MORPH and LEMMA are not), and those are ~30 single-token
    tests on the tag, the lower-case form, the dependency label and whitespace. Applied in the
    ruler's order, later rules overwriting earlier ones, on the arrays the ruler would have
    matched, the result is the same token for token (checked on 1,000 news articles).
    """

    def __init__(self, patterns: Iterable[dict[str, Any]], strings: Any, name: str = "briefbook_attribute_rules") -> None:
        self.name = name
        def h(value: str) -> int:
            return 0 if value == "" else int(strings.add(value))

        self.patterns = list(patterns)  # kept so that a test can run spaCy's own ruler beside it
        rules = []
        for entry in self.patterns:
            sets = []
            for attr, value in entry["attrs"].items():
                if attr == "POS":
                    sets.append((attr, POS_IDS[value]))
                elif attr in ("TAG", "DEP"):
                    sets.append((attr, h(value)))
            if not sets:
                continue
            for pattern in entry["patterns"]:
                tests = tuple(tuple(_test(key, want, h) for key, want in spec.items()) for spec in pattern)
                rules.append(_Rule(tests, int(entry.get("index", 0)), tuple(sets)))
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        self.tag([doc])
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """Batch by batch, as spaCy's components do: the arrays of a batch are tested at once."""
        for batch in minibatch(stream, size=batch_size):
            self.tag(batch)
            yield from batch

    def tag(self, docs: list[Doc]) -> None:
        """Set POS (and the few TAG and DEP fixes) on parsed Docs, in place."""
        docs = [d for d in docs if len(d)]
        if not docs:
            return
        arr = np.concatenate([d.to_array(_ARRAY_ATTRS) for d in docs]).astype(np.uint64)
        n = len(arr)
        which_doc = np.repeat(np.arange(len(docs)), [len(d) for d in docs])
        out = {"POS": arr[:, 4].copy(), "TAG": arr[:, 0].copy(), "DEP": arr[:, 2].copy()}
        for rule in self.rules:
            width = len(rule.tests)
            starts = n - width + 1
            if starts <= 0:
                continue
            hit = np.ones(starts, dtype=bool)
            for j, token_tests in enumerate(rule.tests):
                for col, op, value in token_tests:
                    column = arr[j : j + starts, col]
                    if op == "==":
                        hit &= column == np.uint64(value)
                    elif op == "IN":
                        hit &= np.isin(column, value)
                    else:
                        hit &= ~np.isin(column, value)
            if width > 1:  # a match may not run from one Doc into the next
                hit &= which_doc[:starts] == which_doc[width - 1 :]
            at = np.flatnonzero(hit) + (rule.index if rule.index >= 0 else width + rule.index)
            for attr, value in rule.sets:
                out[attr][at] = value
        pos = out["POS"]
        start = 0
        for doc in docs:
            end = start + len(doc)
            doc.from_array([POS], pos[start:end].reshape(-1, 1))
            start = end
        for attr, col in (("TAG", 0), ("DEP", 2)):  # rare: whitespace tokens
            for i in np.flatnonzero(out[attr] != arr[:, col]):
                doc = docs[which_doc[i]]
                offset = int(i) - int(np.searchsorted(which_doc, which_doc[i]))
                setattr(doc[offset], attr.lower(), int(out[attr][i]))


@Language.factory("briefbook_attribute_rules", default_config={"source": "attribute_ruler"})
def make_attribute_rules(nlp: Language, name: str, source: str) -> AttributeRules:
    """The patterns of the pipeline's attribute ruler ``source``, applied as `AttributeRules` does
    (put it in the ruler's place, then remove the ruler)."""
    return AttributeRules(nlp.get_pipe(source).patterns, nlp.vocab.strings, name)


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The model's pipeline, its attribute ruler replaced by `AttributeRules`, its lemmatizer loaded
    but not run: the rules lemmatize the few words they test (`verb_lemma`), not every token."""
    model = importlib.import_module(lexicon.spacy_model())
    _fast_ops()
    nlp = model.load(disable=["lemmatizer"])
    _index_as_sets(nlp.get_pipe("lemmatizer"))
    try:
        nlp.add_pipe("briefbook_attribute_rules", before="attribute_ruler")
    except (KeyError, ValueError):  # another model version: keep its own component
        return nlp
    nlp.remove_pipe("attribute_ruler")
    return nlp


def _index_as_sets(lemmatizer: Any) -> None:
    """The lemmatizer's lists of known lemmas as sets: it asks ``form in index`` of each, a linear
    search through thousands of verbs (a quarter of a millisecond a word) on a list."""
    table = lemmatizer.lookups.get_table("lemma_index", {})
    for pos in list(table.keys()):
        table[pos] = frozenset(table[pos])


def _pipe(texts: list[str]) -> list[Doc]:
    return list(pipeline().pipe(texts, batch_size=64))


def parse(paragraphs: list[str]) -> list[Doc]:
    """One Doc per paragraph, so that every extracted item knows the paragraph it came from."""
    return _pipe(paragraphs)


def parse_many(articles: list[list[str]]) -> list[list[Doc]]:
    """Several articles' paragraphs in one stream: spaCy's batches fill up (about 20 % faster)."""
    docs = iter(_pipe([p for paragraphs in articles for p in paragraphs]))
    return [[next(docs) for _ in paragraphs] for paragraphs in articles]


def verb_lemma(token: Token) -> str:
    """The lemma spaCy's lemmatizer gives ``token`` read as a verb with its tag ("ratified" ->
    "ratify", "said" -> "say"), lower case: the rules compare a cue with their verb lists whatever
    part of speech the parser gave it (a headline's "Says" is a proper noun)."""
    return _lemma(token.lower_, token.tag_)


@lru_cache(maxsize=8192)
def _lemma(word: str, tag: str) -> str:
    fixed = lexicon.by_form("lemma_fixes").get(word)
    if fixed is not None:
        return fixed
    nlp = pipeline()
    lemmatizer = nlp.get_pipe("lemmatizer")
    token = Doc(nlp.vocab, words=[word], pos=["VERB"], tags=[tag], morphs=[_tag_morphs().get(tag, "")])[0]
    return lemmatizer.rule_lemmatize(token)[0].lower()


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    """The common nouns, verbs and adjectives of the model's lemmatizer (its ``lemma_index``)."""
    index = pipeline().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(w for pos in ("noun", "verb", "adj") for w in index.get(pos, ()))


def dictionary_word(word: str) -> bool:
    """Whether ``word`` (any case) is a common noun, verb or adjective of the language ("tomb",
    "defensive"; also "smith" and "moore": a surname may be one, a given name seldom is)."""
    return word.lower() in _dictionary()


@lru_cache(maxsize=1)
def _tag_morphs() -> dict[str, str]:
    """Tag -> the morphology the model's attribute ruler gives it ("VBD" -> "Tense=Past|VerbForm=Fin"):
    what the lemmatizer reads to leave a base form alone."""
    nlp = pipeline()
    rules = nlp.get_pipe("briefbook_attribute_rules") if "briefbook_attribute_rules" in nlp.pipe_names else None
    patterns = rules.patterns if rules is not None else nlp.get_pipe("attribute_ruler").patterns
    out: dict[str, str] = {}
    for entry in patterns:
        morph = entry["attrs"].get("MORPH")
        for pattern in entry["patterns"]:
            if morph and len(pattern) == 1 and list(pattern[0]) == ["TAG"] and isinstance(pattern[0]["TAG"], str):
                out.setdefault(pattern[0]["TAG"], morph)
    return out
