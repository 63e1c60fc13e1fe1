"""``eventscribe check-dictionary``: what a PETRARCH dictionary gives, in counts."""

from __future__ import annotations

import re
from pathlib import Path

from eventscribe.ontology import Ontology, OntologyLookupError, bundled_ontology
from eventscribe.petrarch.actors import CodeReader, read_actor_dictionary, summary_lines
from eventscribe.records import InputProblem

_BLOCK = re.compile(r"^---\s*\S.*\[[^\]]*\]\s*---", re.MULTILINE)
_AGENT = re.compile(r"\[\s*~\w+\s*\]|\[\s*\w+~\s*\]")


def check_lines(path: Path, kind: str | None = None) -> list[str]:
    """Counts read / converted / skipped (by reason) and the first skipped lines."""
    if kind is None:
        text = path.read_text(encoding="utf-8", errors="replace")
        kind = "verbs" if _BLOCK.search(text) else "agents" if _AGENT.search(text) else "actors"
    if kind == "actors":
        return summary_lines(read_actor_dictionary(path), CodeReader.bundled())
    if kind == "agents":
        from eventscribe.petrarch.agents import read_agent_dictionary

        agents = read_agent_dictionary(path, CodeReader.bundled())
        return [
            f"{path}: agents dictionary, {agents.lines} lines read",
            f"  converted {len(agents.roles)} role words",
            *_skipped(agents.skipped),
        ]
    from eventscribe.petrarch.verbs import read_verb_dictionary

    ontology = bundled_ontology()
    converted = read_verb_dictionary(path, ontology)
    verbs = {(e.lemma, e.tail) for e in converted.entries}
    codes = {e.cameo for e in converted.entries if not e.null}
    own = sorted(c for c in codes if not _in_cameo(ontology, c))
    return [
        f"{path}: verbs dictionary, {converted.lines} lines read",
        f"  converted {len(converted.entries)} lexicon entries for {len(verbs)} verbs",
        *(
            [f"  codes outside CAMEO, coded as given under --conventions cameo: {' '.join(own)}"]
            if own
            else []
        ),
        *_skipped(converted.skipped),
    ]


def _in_cameo(ontology: Ontology, code: str) -> bool:
    """Whether CAMEO has the code or a parent of it ("1952" is a "195")."""
    try:
        ontology.cameo_code(code)
    except OntologyLookupError:
        return False
    return True


def _skipped(skipped: tuple[InputProblem, ...]) -> list[str]:
    reasons: dict[str, int] = {}
    for item in skipped:
        key = re.sub(r"'[^']*'|\[[^\]]*\]|CAMEO \d+", "...", item.reason)
        reasons[key] = reasons.get(key, 0) + 1
    lines = [f"  skipped {len(skipped)}"] + [f"    {n} {why}" for why, n in sorted(reasons.items())]
    return lines + [f"  {item}" for item in skipped[:10]]
