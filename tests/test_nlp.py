"""The parse: the array attribute rules give the parts of speech the model's attribute ruler would;
verbs are lemmatized by spaCy's lemmatizer."""

from __future__ import annotations

import numpy as np
from spacy.attrs import DEP, POS, TAG
from spacy.pipeline import AttributeRuler

from briefbook.extract.nlp import parse, pipeline, verb_lemma
from briefbook.extract.spans import tokens_with_lower

# Sentences written for this test; they reach the rules that look at more than the tag: "there
# is" (two tokens), "do"/"have" as main verbs, "that" as a pronoun, "but" as an adverb, "not",
# doubled spaces (whitespace tokens), and a sentence that is only punctuation.
SENTENCES = [
    "There is a  new tariff, and there were  two before it.",
    "They do what they have to do, but that is not enough, the minister said.",
    "If the council had approved it, she would have signed the law that day.",
    "Those who voted did so because they believed it.  Nothing changed.",
    "“We can’t wait,” said Dr. Ana Lima of the Lisbon Energy Agency (LEA).",
    "!!!",
    "Gon na happen, y'all.",
]


def test_attribute_rules_match_spacy_attribute_ruler() -> None:
    nlp = pipeline()
    assert "attribute_ruler" not in nlp.pipe_names
    rules = nlp.get_pipe("briefbook_attribute_rules")
    assert nlp.pipe_names.index("briefbook_attribute_rules") < nlp.pipe_names.index("ner")
    docs = parse(SENTENCES)
    ours = [[(t.pos_, t.tag_, t.dep_) for t in d] for d in docs]
    ruler = AttributeRuler(nlp.vocab)
    ruler.add_patterns(rules.patterns)
    theirs = []
    for d in docs:  # undo ours, then let spaCy's ruler annotate the same parse
        arr = d.to_array([POS, TAG, DEP])
        arr[:, 0] = 0
        d.from_array([POS, TAG, DEP], arr.astype(np.uint64))
        ruler(d)
        theirs.append([(t.pos_, t.tag_, t.dep_) for t in d])
    assert ours == theirs
    assert any(pos == "SPACE" for d in ours for pos, _, _ in d)
    assert {"PROPN", "VERB", "AUX", "PRON", "SCONJ", "PART"} <= {pos for d in ours for pos, _, _ in d}


def test_token_filter_gives_the_tokens_a_full_pass_would() -> None:
    doc = parse(["Deputy Minister Rosa Quint told the Harbour Authority that the minister would resign."])[0]
    assert [t.i for t in tokens_with_lower(doc, {"minister", "authority"})] == [
        t.i for t in doc if t.lower_ in ("minister", "authority")
    ]
    assert tokens_with_lower(doc, set()) == []


def test_attribute_rules_run_one_doc_as_in_a_batch() -> None:
    """The component called on one Doc (as spaCy does outside `pipe`) tags as the batch does."""
    nlp = pipeline()
    batch = parse(SENTENCES[:3])
    rules = nlp.get_pipe("briefbook_attribute_rules")
    for text, done in zip(SENTENCES[:3], batch, strict=True):
        doc = nlp.make_doc(text)
        for name, proc in nlp.pipeline:
            if name == "briefbook_attribute_rules":
                break
            doc = proc(doc)
        rules(doc)
        assert [t.pos_ for t in doc] == [t.pos_ for t in done]


def test_verbs_are_lemmatized_by_spacy_whatever_their_form() -> None:
    doc = parse(["The parliament ratified the pact, she noted, and he has been saying so; "
                 "they hoped it lasts, the ministers told reporters."])[0]
    lemmas = {t.text: verb_lemma(t) for t in doc}
    assert lemmas["ratified"] == "ratify"  # a form no word list spells out
    assert lemmas["noted"] == "note" and lemmas["saying"] == "say" and lemmas["told"] == "tell"
    assert lemmas["hoped"] == "hope"  # lemma_fixes.yml: spaCy's rules would say "hop"
    assert "lemmatizer" in nlp_disabled()


def nlp_disabled() -> list[str]:
    """The lemmatizer is loaded for `verb_lemma` but does not run on every token."""
    return list(pipeline().disabled)
