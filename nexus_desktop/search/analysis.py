"""Analyzers and the term matching shared by queries, snippets and in-reader highlighting.

A *match key* is how a hit tells the reader which words to highlight without the reader knowing
about stemming: ``=stem`` matches a word whose stem is `stem`; ``^pre`` matches a word that starts
with `pre` (the last word typed, search as you type).
"""

from __future__ import annotations

from collections.abc import Iterable

from whoosh.analysis import Analyzer, StandardAnalyzer, StemmingAnalyzer

# No stop words: "rule of law" must stay a phrase users can find, and the corpus is small.
STEMMED: Analyzer = StemmingAnalyzer(stoplist=None, minsize=1)
EXACT: Analyzer = StandardAnalyzer(stoplist=None, minsize=1)


def stem_words(text: str) -> list[str]:
    """Stemmed tokens of `text`, as indexed in the title, steps and body fields."""
    return [t.text for t in STEMMED(text)]


def word_spans(text: str) -> Iterable[tuple[int, int, str, str]]:
    """(start, end, lower-case word, stem) for every word of `text`."""
    for token in STEMMED(text, chars=True, positions=False):
        start, end = token.startchar, token.endchar
        yield start, end, text[start:end].lower(), token.text


def spans_for(text: str, keys: Iterable[str]) -> tuple[tuple[int, int], ...]:
    """Character spans of the words of `text` that the match keys select."""
    stems = {k[1:] for k in keys if k.startswith("=")}
    prefixes = tuple(k[1:] for k in keys if k.startswith("^") and len(k) > 1)
    if not stems and not prefixes:
        return ()
    spans = [
        (start, end)
        for start, end, word, stem in word_spans(text)
        if stem in stems or (prefixes and word.startswith(prefixes))
    ]
    return tuple(spans)
