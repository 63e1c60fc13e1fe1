"""Render what the coder did with a text, so a user can fix the lexicon, not guess."""

from __future__ import annotations

from typing import Any

from eventscribe.pipeline import Analysis
from eventscribe.records import event_to_contract


def render_explanation(analysis: Analysis) -> str:
    doc = analysis.doc
    lines: list[str] = []
    for index, sent in enumerate(doc.sents):
        lines.append(f"sentence {index}: {sent.text.strip()}")
        lines.append("  parse:")
        for token in sent:
            if token.is_space:
                continue
            lines.append(
                f"    {token.i:>3} {token.text:<16} {token.lemma_:<14} {token.pos_:<6}"
                f" {token.dep_:<10} <- {token.head.i}"
            )
        actors = [(token, actor) for token in sent for actor in analysis.actors.actors_at(token)]
        lines.append("  actors:" if actors else "  actors: none found")
        for token, actor in actors:
            lines.append(
                f"    '{actor.text}' -> {actor.name} [{actor.country or '?'} {actor.sector or '?'}]"
                f"  ({actor.evidence})"
            )
        decisions = [d for d in analysis.decisions if d.sentence_index == index]
        lines.append("  candidates:" if decisions else "  candidates: no lexicon entry fired")
        for d in decisions:
            verdict = "KEPT" if d.kept else "DROPPED"
            lines.append(
                f"    {verdict} {d.type} trigger '{d.trigger}' entry {d.entry}"
                f" source={list(d.sources) or '-'} target={list(d.targets) or '-'}: {d.reason}"
            )
    lines.append("events:")
    for event in analysis.coded.events:
        e = event_to_contract(event)
        src, tgt = _actor_label(e["source"]), _actor_label(e["target"])
        lines.append(
            f"  {e['type']}{'/' + e['mode'] if e['mode'] else ''} cameo {e['cameo']} "
            f"{src} -> {tgt} date {e['date']} ({e['date_precision']}) confidence {e['confidence']}"
        )
        lines.append(f"    why: {event.explanation}")
        lines.append(f"    where: {_where(e['location'])}")
        if event.mentions:  # other words for the same act ("killing" after "shelled")
            lines.append(f"    also said as: {', '.join(repr(m.text) for m in event.mentions)}")
    if not analysis.coded.events:
        lines.append("  none")
    return "\n".join(lines)


def _where(location: dict[str, Any] | None) -> str:
    """ "Kidal (MLI, city: 18.44, 1.41)"; "not said" when the sentence names no place."""
    if location is None:
        return "not said"
    point = "" if location.get("lat") is None else f": {location['lat']:.2f}, {location['lon']:.2f}"
    kind = location.get("precision") or "no coordinates"
    return f"{location['text']} ({location.get('country') or '?'}, {kind}{point})"


def _actor_label(actor: dict[str, Any] | None) -> str:
    if actor is None:
        return "-"
    return f"{actor['name']} [{actor['country'] or '?'} {actor['sector'] or '?'}]"
