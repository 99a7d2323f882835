"""Site search in the visitor's language: a bilingual index on PostgreSQL, and excerpts.

Why not Wagtail's database backend as it is: it indexes every search field of an object
with one text-search configuration, into one row per object (``IndexEntry`` is unique on
content type and object id). modeltranslation's clones (``title_en``, ``body_en``…) put
both languages into that one French document, so an English query went through the French
stemmer; and a second backend with the English configuration would write the same rows and
overwrite the French vectors. Here each language's text, as a visitor of that language reads
it, is indexed with that language's configuration and labelled with that language's tsvector
weight; a query is stemmed with the visitor's language and matches only that label. Field
boosts give way to the labels: a title still ranks above the body (its own vector).

SQLite keeps Wagtail's FTS5 backend: words match whole, accents and case folded, in either
language, without stemming (README, "Search").
"""

import operator
import re
import unicodedata
from functools import reduce
from html import escape

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Manager, TextField, Value
from django.db.models.sql.subqueries import InsertQuery
from django.utils.encoding import force_str
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import override
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.backends.database.postgres.postgres import (
    EMPTY_VECTOR,
    IndexEntry,
    ObjectIndexer,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.index import RelatedFields, SearchField
from modelsearch.query import PlainText
from modelsearch.utils import ADD, get_content_type_pk
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from .navigation import fallback_lang

# One tsvector weight per language: a query carries its language's label.
WEIGHTS = {"fr": "A", "en": "B"}
EXCERPT_WORDS = 40
WORD = re.compile(r"\w+")
# A sentence ends with . ! ? or … followed by a space; each text chunk (a block) ends one too.
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def SearchBackend(params):  # noqa: N802 (Wagtail finds backends by this name)
    """The bilingual backend on PostgreSQL, Wagtail's own database backend elsewhere."""
    if connection.vendor == "postgresql":
        return BilingualPostgresSearchBackend(params)
    return DatabaseSearchBackend(params)


def _translated_names(model):
    try:
        return frozenset(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return frozenset()


def _localized_names(model):
    return frozenset(
        build_localized_fieldname(name, language)
        for name in _translated_names(model)
        for language in settings.MODELTRANSLATION_LANGUAGES
    )


def _text(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "\n".join(_text(item) for item in value)
    if isinstance(value, dict):
        return "\n".join(_text(item) for item in value.values())
    return force_str(value)


def _field_texts(obj, fields):
    localized = _localized_names(type(obj))
    for field in fields:
        if isinstance(field, SearchField) and field.field_name not in localized:
            # The untranslated name reads the active language (French where it is empty).
            yield field.field_name, _text(field.get_value(obj))
        elif isinstance(field, RelatedFields):
            related = field.get_value(obj)
            if related is None:
                continue
            if isinstance(related, Manager):
                related = related.all()
            elif callable(related):
                related = [related()]
            else:
                related = [related]
            for item in related:
                yield from _field_texts(item, field.fields)


def searchable_texts(obj, language):
    """``(field name, text)`` for each search field of ``obj``, as read in ``language``."""
    with override(language):
        return [(name, text) for name, text in _field_texts(obj, obj.get_search_fields()) if text.strip()]


class BilingualIndexer(ObjectIndexer):
    """Each language's texts with its own configuration and weight label."""

    def __init__(self, obj, backend):
        super().__init__(obj, backend)
        self.configs = backend.configs

    @cached_property
    def texts(self):
        return {language: searchable_texts(self.obj, language) for language in self.configs}

    def _vector(self, title):
        vectors = [
            SearchVector(Value(text, output_field=TextField()), weight=WEIGHTS[language], config=config)
            for language, config in self.configs.items()
            for name, text in self.texts[language]
            if (name == "title") == title
        ]
        return ADD(vectors) if vectors else EMPTY_VECTOR

    @cached_property
    def title(self):
        return self._vector(title=True)

    @cached_property
    def body(self):
        return self._vector(title=False)


class BilingualIndex(PostgresIndex):
    def add_items(self, model, objs):
        """``PostgresIndex.add_items`` with the bilingual indexer (the parent names its own)."""
        if not model.get_search_fields() or not objs:
            return
        content_type_pk = get_content_type_pk(model)
        compiler = InsertQuery(IndexEntry).get_compiler(connection=self.write_connection)
        rows, params = [], []
        for obj in objs:
            indexer = BilingualIndexer(obj, self.backend)
            params.extend((content_type_pk, indexer.id))
            vectors = []
            for name in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(IndexEntry._meta.get_field(name), getattr(indexer, name))
                sql, value_params = value.as_sql(compiler, self.write_connection)
                vectors.append(sql)
                params.extend(value_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {IndexEntry._meta.db_table}
                    (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
                (VALUES {", ".join(rows)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0,
                              autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,
                              title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
                """,  # noqa: S608 (the table name is the model's, the values are parameters)
                params,
            )
        self._refresh_title_norms()


class BilingualQueryCompiler(PostgresSearchQueryCompiler):
    """Plain-text queries stemmed in each query language, matching that language's label."""

    languages = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One label per language, all weighing the same: the label selects, it does not rank.
        self.sql_weights = "{1,1,1,1}"

    def get_config(self, backend):
        self.configs = backend.configs
        # A search on named fields reads their columns, which carry no label.
        self.languages = backend.query_languages() if self.fields is None else ()
        return backend.configs[backend.query_languages()[0]]

    def build_tsquery_content(self, query, config=None, invert=False):
        if not isinstance(query, PlainText) or not self.languages:
            return super().build_tsquery_content(query, config=config, invert=invert)
        terms = [term for term in re.split(r"[\s\-]+", query.query_string) if term]
        if not terms:
            return None
        queries = []
        for language in self.languages:
            lexemes = [Lexeme(term, invert=invert, weight=WEIGHTS[language]) for term in terms]
            combined = lexemes[0]
            for lexeme in lexemes[1:]:
                combined = combined & lexeme if query.operator == "and" else combined | lexeme
            queries.append(SearchQuery(combined, search_type="raw", config=self.configs[language]))
        return reduce(operator.or_, queries)


class BilingualPostgresSearchBackend(PostgresSearchBackend):
    """``SEARCH_CONFIGS``: a text-search configuration per language. ``LANGUAGE``: the
    language of the queries (the site's search); without it, as in the admin, a query
    matches the text of any language."""

    query_compiler_class = BilingualQueryCompiler
    index_class = BilingualIndex

    def __init__(self, params):
        super().__init__(params)
        self.configs = params["SEARCH_CONFIGS"]
        self.language = params.get("LANGUAGE")

    def query_languages(self):
        return [self.language] if self.language in self.configs else list(self.configs)


# Excerpts ----------------------------------------------------------------------------


def fold(word):
    """Lower case without accents: how the index compares words ("telecom" = "télécom")."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def matching_words(words, terms, language):
    """The words (folded) among ``words`` that the search engine takes for one of ``terms``.

    On PostgreSQL, a word matches when the language's configuration stems it as it stems a
    term (``partenaires`` for ``partenaire``); elsewhere when it is the term itself, accents
    and case aside, as SQLite's FTS5 compares them.
    """
    words = {fold(word) for word in words}
    terms = {fold(term) for term in terms}
    if connection.vendor != "postgresql":
        return words & terms
    config = settings.WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIGS"][language]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT word FROM unnest(%s::text[]) AS word"
            " WHERE to_tsvector(%s::regconfig, word)"
            " @@ ANY(ARRAY(SELECT plainto_tsquery(%s::regconfig, term) FROM unnest(%s::text[]) AS term))",
            [sorted(words), config, config, sorted(terms)],
        )
        return {row[0] for row in cursor.fetchall()}


def _highlight(text, matches):
    """``text`` escaped, each matching word in ``<mark>``."""
    parts, position = [], 0
    for found in WORD.finditer(text):
        if fold(found.group()) in matches:
            parts.append(escape(text[position : found.start()]))
            parts.append(f"<mark>{escape(found.group())}</mark>")
            position = found.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 (every part is escaped above)


def _window(sentence, matches):
    """The sentence, cut to ``EXCERPT_WORDS`` words around its first matching word."""
    words = list(WORD.finditer(sentence))
    if len(words) <= EXCERPT_WORDS:
        return sentence
    first = next(index for index, word in enumerate(words) if fold(word.group()) in matches)
    start = max(0, min(first - EXCERPT_WORDS // 3, len(words) - EXCERPT_WORDS))
    begin = words[start].start() if start else 0
    excerpt = sentence[begin:]
    excerpt = Truncator(excerpt).words(EXCERPT_WORDS)
    return ("… " if start else "") + excerpt


def _sentences(text):
    for chunk in text.splitlines():
        yield from (sentence.strip() for sentence in SENTENCE_END.split(chunk) if sentence.strip())


def highlights(pages, query, language):
    """For each page (by pk): its title and the first sentence of its text that holds a term.

    ``{"title": html, "excerpt": {"html": html, "lang": its lang or None} or None}``, the
    texts escaped and the terms marked; one query on PostgreSQL for all the pages. Without a
    sentence holding a term (a term found in the title only), the page shows its lead.
    """
    terms = WORD.findall(query)
    texts = {page.pk: searchable_texts(page, language) for page in pages}
    words = {
        word for page_texts in texts.values() for _name, text in page_texts for word in WORD.findall(text)
    }
    matches = matching_words(words, terms, language) if words and terms else set()
    result = {}
    with override(language):
        for page in pages:
            excerpt = None
            for name, text in texts[page.pk]:
                if name == "title":
                    continue
                sentence = next(
                    (s for s in _sentences(text) if any(fold(w) in matches for w in WORD.findall(s))), None
                )
                if sentence:
                    translated = name in _translated_names(type(page))
                    excerpt = {
                        "html": _highlight(_window(sentence, matches), matches),
                        "lang": fallback_lang(page, name) if translated else None,
                    }
                    break
            result[page.pk] = {"title": _highlight(page.title, matches), "excerpt": excerpt}
    return result
