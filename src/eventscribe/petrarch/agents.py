"""PETRARCH agent dictionaries (``Phoenix.agents.txt``, a suite's ``*_agents_*.txt``).

An agent is a generic actor noun that gives a role, not a country: ``POLICE {} [~COP]``,
``FOREIGN_MINISTER [~GOVFRM]``, ``MSF {} [NGO~]`` (``~`` after the code: it goes before
the country code). ``_`` joins words; ``{PLURALS}`` lists irregular plurals (``{}``: none
beyond the regular ones); ``!NAME! = A, B`` defines a substitution set that a phrase uses
as ``CONGRESS!PERSON!`` (each member glued on) or ``!MINST!_OF_SILLY_WALKS``. Comments
start with ``#``; ``<!-- ... -->`` lines are comments too.

Each agent becomes a role word with the PLOVER sector its role code gives
(``data/roles.csv``; none for a code PLOVER lacks, such as ``[~MOP]``) and its code as
written, which ``--conventions cameo`` keeps in the actor's CAMEO code; a line without
a readable code is skipped with file, line and reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import product
from pathlib import Path

from eventscribe.actors.knowledge import Role
from eventscribe.errors import DataFileError
from eventscribe.petrarch.actors import CodeReader
from eventscribe.records import InputProblem

_LINE = re.compile(r"^(?P<phrase>[^\[{]+?)\s*(?:\{(?P<plurals>[^}]*)\})?\s*\[(?P<code>[^\]]*)\]")
_SET = re.compile(r"^!(\w+)!\s*=\s*(.+)$")
_SLOT = re.compile(r"!(\w+)!")


@dataclass(frozen=True)
class AgentDictionary:
    path: Path
    roles: tuple[Role, ...]
    skipped: tuple[InputProblem, ...]
    lines: int


def read_agent_dictionary(path: Path, codes: CodeReader) -> AgentDictionary:
    """Role words (with their PLOVER sector) of a PETRARCH agent dictionary."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read agent dictionary ({exc})") from exc
    sets: dict[str, list[str]] = {}
    roles: dict[str, Role] = {}
    skipped: list[InputProblem] = []
    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("<!--") or line.endswith("-->"):
            continue
        where = f"{path.name}:{number}"
        defined = _SET.match(line)
        if defined:
            sets[defined.group(1)] = [_words(w) for w in defined.group(2).split(",") if w.strip()]
            continue
        match = _LINE.match(line)
        if match is None:
            skipped.append(InputProblem(where, "not an agent line: PHRASE {PLURALS} [~CODE]"))
            continue
        raw = match.group("code").strip().upper()
        sector = _sector(raw, codes)
        if "~" not in raw or not raw.replace("~", "").isalnum():
            skipped.append(InputProblem(where, f"agent code [{raw}] has no '~' for the country"))
            continue
        phrases = _phrases(match.group("phrase"), sets)
        if phrases is None:
            skipped.append(InputProblem(where, "uses a substitution set !NAME! not defined above"))
            continue
        plurals = [_words(p) for p in (match.group("plurals") or "").split(",") if p.strip()]
        for phrase in (*phrases, *plurals):
            if phrase:
                roles.setdefault(phrase, Role(phrase, sector or "", "noun", raw))
    return AgentDictionary(path, tuple(roles.values()), tuple(skipped), len(lines))


def _sector(code: str, codes: CodeReader) -> str | None:
    """The PLOVER sector of an agent code: ``~GOVFRM`` -> GOV, ``NGO~`` -> SOC."""
    bare = code.replace("~", "").strip().upper()
    for i in range(0, len(bare) - 2, 3):
        sector = codes.roles.get(bare[i : i + 3])
        if sector is not None:
            return sector
    return None


def _phrases(phrase: str, sets: dict[str, list[str]]) -> list[str] | None:
    """The phrase with each ``!NAME!`` replaced by every member of its set."""
    parts = _SLOT.split(phrase)  # text, set name, text, set name, ...
    names = parts[1::2]
    if any(name not in sets for name in names):
        return None
    found = []
    for members in product(*(sets[name] for name in names)):
        text = parts[0]
        for member, rest in zip(members, parts[2::2], strict=True):
            text += member.replace(" ", "_") + rest
        found.append(_words(text))
    return found


def _words(token: str) -> str:
    return " ".join(p for p in re.split(r"[_\s]+", token.strip().lower()) if p)
