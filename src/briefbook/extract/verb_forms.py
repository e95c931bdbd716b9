"""The base form of a verb, for the rules that compare verbs with the word lists.

A small stand-in for spaCy's lemmatizer, which the pipeline leaves out for speed; it knows the
speech, saying and adoption verbs of the lexicon and a few irregular past forms.
"""

from __future__ import annotations

from functools import lru_cache

from ..lexicon import ADOPTION_VERBS, INDIRECT_VERBS, REPORTING_VERBS

# Irregular past forms of the verbs above; regular forms are derived by `verb_base`.
_IRREGULAR = {
    "said": "say",
    "told": "tell",
    "wrote": "write",
    "written": "write",
    "spoke": "speak",
    "spoken": "speak",
    "thought": "think",
    "made": "make",
    "gave": "give",
    "given": "give",
    "took": "take",
    "taken": "take",
    "signed": "sign",
    "began": "begin",
    "begun": "begin",
    "held": "hold",
    "met": "meet",
    "sought": "seek",
    "drew": "draw",
    "drawn": "draw",
    "put": "put",
    "set": "set",
    "led": "lead",
    "won": "win",
    "saw": "see",
    "seen": "see",
    "knew": "know",
    "known": "know",
    "went": "go",
    "gone": "go",
    "came": "come",
    "reached": "reach",
    "inked": "ink",
    "adopted": "adopt",
}


@lru_cache(maxsize=8192)
def verb_base(word: str) -> str:
    """The base form of a verb ("said" -> "say", "stressed" -> "stress", "noting" -> "note").

    A small stand-in for spaCy's lemmatizer, which the pipeline leaves out for speed: every rule
    that reads a verb compares it against the word lists of the lexicon.
    """
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    known = _KNOWN_VERBS
    if w in known:
        return w
    candidates = []
    if w.endswith("ies"):
        candidates.append(w[:-3] + "y")
    if w.endswith("ied"):
        candidates.append(w[:-3] + "y")
    if w.endswith("es"):
        candidates += [w[:-2], w[:-1]]
    if w.endswith("s"):
        candidates.append(w[:-1])
    if w.endswith("ed"):
        candidates += [w[:-2], w[:-1], w[:-3] if len(w) > 4 and w[-3] == w[-4] else w[:-2]]
    if w.endswith("ing"):
        candidates += [w[:-3], w[:-3] + "e", w[:-4] if len(w) > 5 and w[-4] == w[-5] else w[:-3]]
    for c in candidates:
        if c in known:
            return c
    return w


_KNOWN_VERBS = (
    REPORTING_VERBS
    | INDIRECT_VERBS
    | ADOPTION_VERBS
)
