"""The quotes stage: who said what, with the speaker resolved as an actor.

Reads: the parsed ``Doc``, its :class:`~eventscribe.actors.tagger.ActorIndex` and the
coded events. Writes: :class:`Quote` records for the contract's ``quotes`` list and the
store's ``quotes`` table.

Two kinds are found:

* direct quotes: text between quotation marks attributed by a speech verb next to it
  (``"...," Price said`` / ``said Price`` / ``according to Price``), or by the speech verb
  of the sentence that holds the quote;
* indirect (reported) statements: a speech verb with a complement clause
  (``Vucic said the proposal does not ...``).

Each quote lists the events whose trigger lies inside it.
"""

from eventscribe.quotes.finder import Quote, QuoteFinder

__all__ = ["Quote", "QuoteFinder"]
