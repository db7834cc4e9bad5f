"""Turns any string a user can type into a Whoosh query, without ever raising.

Operators AND/OR/NOT, "phrases" and parentheses work; everything else is read as plain words.
Malformed syntax degrades to a plain-terms query. The last word can also match as a prefix (search
as you type), and unknown words get a spelling suggestion from the words in the index.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from whoosh import qparser
from whoosh import query as wq
from whoosh.fields import Schema
from whoosh.reading import IndexReader

from nexus_desktop.search.analysis import stem_words

#: Longer input is cut: nobody types more, and a pasted page must not freeze the app.
MAX_QUERY_CHARS = 256
MAX_WORDS = 24
MIN_PREFIX = 2
OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
WORD_RE = re.compile(r"\w+", re.UNICODE)


def clean(text: str) -> str:
    """Drop control and format characters, fold white space, cut to a sane length."""
    kept = "".join(
        " " if unicodedata.category(ch)[0] in "CZ" else ch for ch in text[: MAX_QUERY_CHARS * 4]
    )
    return " ".join(kept.split())[:MAX_QUERY_CHARS]


def has_operators(text: str) -> bool:
    """Whether the user wrote query syntax (operators, phrases, groups) rather than plain words."""
    return any(ch in text for ch in '"()') or any(w in OPERATORS for w in text.split())


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    query: wq.Query
    #: match keys for highlighting ('=stem' / '^prefix')
    keys: tuple[str, ...]


class QueryBuilder:
    """Builds queries over fixed fields with boosts; one instance per schema."""

    def __init__(self, schema: Schema, fieldboosts: dict[str, float], exact_field: str) -> None:
        self.fields = list(fieldboosts)
        self.exact_field = exact_field
        self._parsers = {
            group: self._make_parser(schema, fieldboosts, group)
            for group in (qparser.AndGroup, qparser.OrGroup)
        }
        self._plain = {
            group: qparser.MultifieldParser(
                self.fields, schema, fieldboosts=fieldboosts, group=group, plugins=[]
            )
            for group in (qparser.AndGroup, qparser.OrGroup)
        }
        for plain in self._plain.values():
            plain.add_plugin(qparser.WhitespacePlugin())

    @staticmethod
    def _make_parser(
        schema: Schema, fieldboosts: dict[str, float], group: type[qparser.GroupNode]
    ) -> qparser.QueryParser:
        parser = qparser.MultifieldParser(
            list(fieldboosts), schema, fieldboosts=fieldboosts, group=group
        )
        # Fixed fields only: no field:, no ranges, no wildcards or boosts typed by users.
        for plugin in (
            qparser.FieldsPlugin,
            qparser.RangePlugin,
            qparser.WildcardPlugin,
            qparser.BoostPlugin,
            qparser.EveryPlugin,
            qparser.SingleQuotePlugin,
        ):
            parser.remove_plugin_class(plugin)
        return parser

    def parse(
        self,
        text: str,
        *,
        any_word: bool = False,
        prefix_last: bool = False,
        is_word: Callable[[str], bool] | None = None,
    ) -> ParsedQuery:
        """Parse `text`; fall back to its plain words if the syntax does not parse."""
        group = qparser.OrGroup if any_word else qparser.AndGroup
        words = WORD_RE.findall(text)[:MAX_WORDS]
        try:
            q = self._parsers[group].parse(text)
        except Exception:  # whoosh raises assorted errors on odd input; degrade, never surface
            q = self._plain[group].parse(" ".join(words))
        q = q.normalize()
        if prefix_last:
            q = self._add_prefix(q, text, is_word)
        return ParsedQuery(q, _match_keys(q, self.exact_field))

    def plain(self, text: str) -> ParsedQuery:
        """The words of `text` alone, all required: the safest query there is."""
        words = WORD_RE.findall(text)[:MAX_WORDS]
        q = self._plain[qparser.AndGroup].parse(" ".join(words)).normalize()
        return ParsedQuery(q, _match_keys(q, self.exact_field))

    def _add_prefix(
        self, q: wq.Query, text: str, is_word: Callable[[str], bool] | None
    ) -> wq.Query:
        """Let the last typed word also match as a prefix, unless the user finished it.

        A last word that is already a whole word of the index gets no prefix: stemming covers its
        other forms, and expanding it would only add matches to score on every keystroke.
        """
        if not text or not (text[-1].isalnum() or text[-1] == "_"):
            return q
        last = WORD_RE.findall(text)[-1].lower()
        if len(last) < MIN_PREFIX or last.upper() in OPERATORS:
            return q
        if is_word is not None and is_word(last):
            return q
        stems = stem_words(last)
        if len(stems) != 1:
            return q
        prefix = wq.Prefix(self.exact_field, last, boost=0.5)
        replaced, done = _replace_last(q, stems[0], prefix)
        return replaced if done else q


def _replace_last(q: wq.Query, stem: str, prefix: wq.Query) -> tuple[wq.Query, bool]:
    """Or `prefix` into the right-most group of terms for `stem` (never inside a NOT)."""
    if isinstance(q, wq.Term) and q.text == stem:
        return wq.Or([q, prefix]), True
    if (
        isinstance(q, wq.Or)
        and q.subqueries
        and all(isinstance(s, wq.Term) and s.text == stem for s in q.subqueries)
    ):
        return wq.Or([*q.subqueries, prefix]), True
    if isinstance(q, (wq.Not, wq.AndNot)):
        return q, False
    if isinstance(q, wq.CompoundQuery):
        subs = list(q.subqueries)
        for i in range(len(subs) - 1, -1, -1):
            new, done = _replace_last(subs[i], stem, prefix)
            if done:
                subs[i] = new
                return type(q)(subs, boost=q.boost), True
            if not isinstance(subs[i], (wq.Term, wq.Or, wq.And)):
                break
    return q, False


def _match_keys(q: wq.Query, exact_field: str) -> tuple[str, ...]:
    keys: set[str] = set()

    def walk(node: wq.Query, negated: bool) -> None:
        if isinstance(node, wq.Not):
            return
        if isinstance(node, wq.AndNot):
            walk(node.a, negated)
            return
        if isinstance(node, wq.Prefix) and node.fieldname == exact_field:
            keys.add("^" + node.text)
        elif isinstance(node, wq.Term):
            keys.add("=" + str(node.text))
        elif isinstance(node, wq.Phrase):
            keys.update("=" + str(w) for w in node.words)
        for child in node.children():
            walk(child, negated)

    walk(q, False)
    return tuple(sorted(keys))


def suggest(reader: IndexReader, field: str, text: str) -> str | None:
    """The text with each unknown word replaced by the closest known word, or None."""
    changed = False
    out: list[str] = []
    pos = 0
    last_index = len(text.rstrip()) if text else 0
    for m in WORD_RE.finditer(text):
        word = m.group(0)
        lower = word.lower()
        out.append(text[pos : m.start()])
        pos = m.end()
        is_last = m.end() == last_index and text[-1:].isalnum()
        if word in OPERATORS or len(lower) < 3 or (field, lower) in reader:
            out.append(word)
            continue
        if is_last and any(True for _ in reader.expand_prefix(field, lower)):
            out.append(word)  # still being typed, and it is the start of a known word
            continue
        best = _closest(reader, field, lower)
        if best is None:
            out.append(word)
        else:
            out.append(best)
            changed = True
    out.append(text[pos:])
    return "".join(out) if changed else None


def _closest(reader: IndexReader, field: str, word: str) -> str | None:
    """Nearest known word by edit distance (1, then 2), ties by frequency."""
    for maxdist in (1, 2):
        candidates = [
            t.decode("utf-8") if isinstance(t, bytes) else str(t)
            for t in reader.terms_within(field, word, maxdist, prefix=1)
        ]
        candidates = [c for c in candidates if c != word]
        if candidates:
            return max(candidates, key=lambda c: (reader.doc_frequency(field, c), c))
    return None
