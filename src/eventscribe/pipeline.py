"""The one library entry point: articles in, coded documents out.

``Coder.build(settings)`` loads the model, ontology, lexicon and actor knowledge once;
``code_documents`` streams articles through nlp -> actors -> time -> coding and yields a
:class:`CodedDocument` per article, in input order. The CLI, the evaluation and every
other front end call these; none of them parses or codes on its own.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from eventscribe import __version__
from eventscribe.actors.building import placed_by
from eventscribe.actors.knowledge import (
    ActorKnowledge,
    ExtraCountry,
    Role,
    load_actor_knowledge,
)
from eventscribe.actors.phrasecache import pipeline_id
from eventscribe.actors.registry import load_registry
from eventscribe.actors.spelling import ordinary_words
from eventscribe.actors.tagger import ActorIndex, ActorTagger
from eventscribe.coding.coder import Decision, EventCoder
from eventscribe.coding.lexicon import Lexicon, LexiconEntry, load_lexicon
from eventscribe.coding.matcher import EventMatcher, NegatedCode
from eventscribe.coding.tree import Tree, TreeStrings
from eventscribe.coding.wordlists import load_word_lists
from eventscribe.config import Settings
from eventscribe.errors import DocumentTimeout
from eventscribe.nlp import load_pipeline, model_description
from eventscribe.nlp.view import DocView
from eventscribe.ontology import Ontology, bundled_ontology
from eventscribe.petrarch.discards import Discards, read_discards
from eventscribe.places import PlaceTagger
from eventscribe.quotes import QuoteFinder
from eventscribe.records import Article, CodedDocument, InputProblem, Span
from eventscribe.time import find_time_expressions, latest_stated_day


@dataclass(frozen=True)
class Analysis:
    """Everything the coder found in one article, including what it decided against."""

    coded: CodedDocument
    doc: Doc
    actors: ActorIndex
    decisions: list[Decision]


@dataclass(frozen=True)
class Coder:
    """The loaded stages. Build once per process; code any number of articles."""

    settings: Settings
    nlp: Language
    ontology: Ontology
    lexicon: Lexicon
    knowledge: ActorKnowledge
    tagger: ActorTagger
    events: EventCoder
    quotes: QuoteFinder
    places: PlaceTagger
    # the clock of the per-document time limit (a test can pass one that ticks)
    clock: Callable[[], float] = time.monotonic
    # spaCy id -> string, shared by the trees of the documents this coder codes
    strings: TreeStrings = field(default_factory=TreeStrings)

    @classmethod
    def build(cls, settings: Settings) -> Coder:
        nlp = load_pipeline(settings.model)
        ontology = bundled_ontology()
        lexicon = load_lexicon(
            ontology,
            settings.lexicons,
            petrarch_verbs(settings, ontology),
            bundled=settings.bundled_lexicon,
        )
        knowledge = load_actor_knowledge(
            extra_roles=petrarch_agents(settings),
            extra_countries=petrarch_countries(settings),
            bundled_roles=settings.bundled_roles,
        )
        words = load_word_lists()
        matcher = EventMatcher(
            lexicon,
            words,
            conventions=settings.conventions,
            negations=negations(settings, ontology),
        )
        return cls(
            settings=settings,
            nlp=nlp,
            ontology=ontology,
            lexicon=lexicon,
            knowledge=knowledge,
            tagger=ActorTagger(
                knowledge,
                nlp.tokenizer,
                load_registry(
                    settings.actor_files, settings.learned_actors, settings.petrarch_actor_files
                ),
                ordinary_words=ordinary_words(nlp),
                pipeline=pipeline_id(nlp),
            ),
            events=EventCoder(
                matcher,
                ontology,
                min_confidence=settings.min_confidence,
                discards=_discards(settings),
            ),
            quotes=QuoteFinder(words.speech_verbs),
            places=PlaceTagger.build(),
        )

    def warmed_up(self) -> Coder:
        """Load what stages load lazily (the gazetteer), so a worker pays for it at
        start-up rather than inside its first batch."""
        _ = self.places.gazetteer
        return self

    def provenance(self) -> dict[str, str]:
        """What a run used: recorded with every run in the store."""
        model, version = model_description(self.nlp)
        return {
            "code_version": __version__,
            "model": model,
            "model_version": version,
            "lexicon_fingerprint": self.lexicon.fingerprint,
            "conventions": self.settings.conventions,
        }

    def analyse(self, doc: Doc, article: Article) -> Analysis:
        """Run the stages after parsing on one parsed article.

        Raises :class:`DocumentTimeout` when, after a stage, the article has taken
        longer than ``settings.doc_seconds`` (a stage is not cut short; the limit stops
        a document from going through every remaining stage)."""
        check = _time_limit(self.clock, self.settings.doc_seconds)
        times = tuple(find_time_expressions(article.text, article.date))
        view = DocView(doc, article.text)  # doc.text is the article's text
        check("times")
        # an undated article's dated offices are read on the latest day it states in full
        # ("President Poroshenko" in a report of March 2018, not the office he holds today)
        as_of = article.date or latest_stated_day(times)
        actors = self.tagger.tag(doc, published=as_of, doc_id=article.doc_id, view=view)
        check("actors")
        # every toponym, the metonyms that are actors too ("Moscow denies"): a place name
        # however it is used, as geoparsing gold (GeoWebNews) counts them
        places = self.places.tag(doc, countries=actors.countries_by_frequency(), view=view)
        actors = placed_by(actors, places, view)  # "California sued": a state is its country's
        check("places")
        tree = Tree(view, self.strings)  # the parse by token position, for the coder and the quotes
        events, decisions = self.events.code(doc, article, actors, times, places, tree=tree)
        check("events")
        quotes = self.quotes.find(doc, actors, events, tree=tree)
        check("quotes")
        coded = CodedDocument(
            article=article,
            sentences=tuple(Span(*view.char_range(start, end)) for start, end in view.sentences()),
            events=events,
            times=times,
            places=tuple(places),
            quotes=tuple(quotes),
            actors=actors.all_actors(),
            decisions=tuple(decisions),
            conventions=self.settings.conventions,
        )
        return Analysis(coded=coded, doc=doc, actors=actors, decisions=decisions)

    def analyse_text(self, text: str, article: Article | None = None) -> Analysis:
        article = article or Article(doc_id="text", text=text)
        return self.analyse(self.nlp(article.text), article)


def _time_limit(clock: Callable[[], float], seconds: float) -> Callable[[str], None]:
    """A check to call after each stage: raises DocumentTimeout once ``seconds`` have
    passed on ``clock`` since the check was made."""
    start = clock()

    def check(stage: str) -> None:
        taken = clock() - start
        if taken > seconds:
            raise DocumentTimeout(
                f"document took {taken:.0f} s by the end of the {stage} stage, over the limit of {seconds:g} s",
                fix="raise --doc-seconds to code it",
            )

    return check


def code_documents(
    items: Iterable[Article | InputProblem],
    coder: Coder,
    *,
    on_problem: Callable[[InputProblem], None] = lambda problem: None,
) -> Iterator[CodedDocument]:
    """Code every article of ``items`` in order; report each InputProblem and go on."""
    for analysis in analyse_documents(items, coder, on_problem=on_problem):
        yield analysis.coded


def analyse_documents(
    items: Iterable[Article | InputProblem],
    coder: Coder,
    *,
    on_problem: Callable[[InputProblem], None] = lambda problem: None,
) -> Iterator[Analysis]:
    """Like :func:`code_documents`, keeping the parse and every coding decision.

    All articles go through one ``nlp.pipe`` (which parses them in batches of
    ``batch_size``, as before): a new ``pipe`` per batch cost ~3% more parsing time.
    """
    articles = _articles(items, on_problem)
    read: deque[Article] = deque()  # read by the parser, not yet analysed (one batch)

    def texts() -> Iterator[str]:
        for article in articles:
            read.append(article)
            yield article.text

    for doc in coder.nlp.pipe(texts(), batch_size=coder.settings.batch_size):
        yield coder.analyse(doc, read.popleft())


def _articles(
    items: Iterable[Article | InputProblem], on_problem: Callable[[InputProblem], None]
) -> Iterator[Article]:
    for item in items:
        if isinstance(item, InputProblem):
            on_problem(item)
        else:
            yield item


def petrarch_agents(settings: Settings) -> list[Role]:
    """Role words from the run's PETRARCH agent dictionaries (``--petrarch-agents``)."""
    if not settings.petrarch_agent_files:
        return []
    from eventscribe.petrarch.actors import CodeReader
    from eventscribe.petrarch.agents import read_agent_dictionary

    codes = CodeReader.bundled()
    return [
        role
        for path in settings.petrarch_agent_files
        for role in read_agent_dictionary(Path(path), codes).roles
    ]


def petrarch_countries(settings: Settings) -> list[ExtraCountry]:
    """Country names from the run's PETRARCH actor dictionaries (``GONDOR [GON]``)."""
    if not settings.petrarch_actor_files:
        return []
    from eventscribe.petrarch.actors import CodeReader, country_entries, read_actor_dictionary

    codes = CodeReader.bundled()
    return [
        country
        for path in settings.petrarch_actor_files
        for country in country_entries(read_actor_dictionary(Path(path)), codes)
    ]


def petrarch_verbs(settings: Settings, ontology: Ontology) -> list[LexiconEntry]:
    """Lexicon entries from the run's PETRARCH verb dictionaries (``--petrarch-verbs``)."""
    if not settings.petrarch_verb_files:
        return []
    from eventscribe.petrarch.verbs import read_verb_dictionary

    return [
        e
        for path in settings.petrarch_verb_files
        for e in read_verb_dictionary(path, ontology).entries
    ]


def negations(settings: Settings, ontology: Ontology) -> Mapping[str, NegatedCode]:
    """Under CAMEO conventions, what PETRARCH codes a negated CAMEO code as ("did not
    clash over" 110 -> 050); none under PLOVER's, where a negated act is no event."""
    if settings.conventions != "cameo":
        return {}
    from eventscribe.petrarch.negations import read_negations

    return {
        code: NegatedCode(negated, *ontology.plover_for_cameo(negated))
        for code, negated in read_negations().items()
    }


def _discards(settings: Settings) -> Discards | None:
    """The run's PETRARCH discard phrases (``--petrarch-discards``), if any."""
    if not settings.petrarch_discard_files:
        return None
    return read_discards(settings.petrarch_discard_files)
