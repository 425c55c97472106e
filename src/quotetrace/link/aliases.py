"""The user's ``speakers.yaml``: corrections applied to speaker linking on the next run.

Format (a list of entries)::

    - name: Volodymyr Zelensky        # the canonical name to show
      aliases: [Zelenskyy, Zelenskiy]  # other forms that are this speaker
      not_same_as: [Olena Zelenska]    # forms that must never be merged with it
      kind: person                     # person | organisation | body (optional)
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from quotetrace.errors import ConfigError
from quotetrace.link.names import name_key, name_tokens, org_key

LOGGER = logging.getLogger(__name__)

KINDS = ("person", "organisation", "body", "unknown")
_FIELDS = {"name", "aliases", "not_same_as", "kind"}


def form_key(name: str) -> str:
    """A name's exact form for matching user entries: lower case, no accents or honorifics."""
    return " ".join(w.lower() for w in name_tokens(name)) or org_key(name)


def loose_key(name: str) -> str:
    """The transliteration key, so "Zelenskiy" finds an entry written "Zelensky"."""
    return name_key(name) or org_key(name)


@dataclass(frozen=True)
class AliasEntry:
    """One speaker as the user describes it."""

    name: str
    aliases: tuple[str, ...] = ()
    not_same_as: tuple[str, ...] = ()
    kind: str | None = None

    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class AliasBook:
    """All entries of a speakers.yaml, indexed by the keys of their forms."""

    entries: tuple[AliasEntry, ...] = ()
    _by_form: dict[str, AliasEntry] = field(default_factory=dict, compare=False, repr=False)
    _by_loose: dict[str, AliasEntry] = field(default_factory=dict, compare=False, repr=False)
    _excluded: dict[str, set[str]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for entry in self.entries:
            for form in entry.forms():
                if form_key(form):
                    self._by_form.setdefault(form_key(form), entry)
                    self._by_loose.setdefault(loose_key(form), entry)
            for other in entry.not_same_as:
                self._excluded.setdefault(entry.name, set()).add(form_key(other))

    def entry_for(self, name: str) -> AliasEntry | None:
        """The entry naming this form: exact form first, else a spelling variant of one.

        A variant the user excluded with not_same_as never matches the entry it was excluded from.
        """
        exact = self._by_form.get(form_key(name))
        if exact is not None:
            return exact
        loose = self._by_loose.get(loose_key(name))
        if loose is not None and form_key(name) not in self._excluded.get(loose.name, set()):
            return loose
        return None

    def forbidden_pairs(self) -> set[frozenset[str]]:
        """Pairs of form keys the user said are different speakers."""
        pairs: set[frozenset[str]] = set()
        for entry in self.entries:
            for form in entry.forms():
                for other in entry.not_same_as:
                    a, b = form_key(form), form_key(other)
                    if a and b and a != b:
                        pairs.add(frozenset((a, b)))
        return pairs


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _string(node: yaml.Node, path: str, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
        raise ConfigError(path, _line(node), f"{what} must be a non-empty string")
    return str(node.value).strip()


def _strings(node: yaml.Node, path: str, what: str) -> tuple[str, ...]:
    if isinstance(node, yaml.ScalarNode):
        return (_string(node, path, what),)
    if not isinstance(node, yaml.SequenceNode):
        raise ConfigError(path, _line(node), f"{what} must be a list of names")
    return tuple(_string(item, path, what) for item in node.value)


def parse_aliases(text: str, path: str = "speakers.yaml") -> AliasBook:
    """Parse speakers.yaml text; ConfigError(path, line, reason) when malformed."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise ConfigError(path, mark.line + 1 if mark else None, f"not valid YAML: {exc.problem}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(path, None, f"not valid YAML: {exc}") from exc
    if root is None:
        return AliasBook(())
    if not isinstance(root, yaml.SequenceNode):
        raise ConfigError(path, _line(root), "expected a list of speaker entries")
    entries = []
    for item in root.value:
        if not isinstance(item, yaml.MappingNode):
            raise ConfigError(path, _line(item), "each entry must be a mapping with at least 'name'")
        values: dict[str, yaml.Node] = {}
        for key_node, value_node in item.value:
            key = _string(key_node, path, "a key")
            if key not in _FIELDS:
                raise ConfigError(path, _line(key_node), f"unknown field {key!r} (expected {sorted(_FIELDS)})")
            values[key] = value_node
        if "name" not in values:
            raise ConfigError(path, _line(item), "entry has no 'name'")
        kind = None
        if "kind" in values:
            kind = _string(values["kind"], path, "kind")
            if kind not in KINDS:
                raise ConfigError(path, _line(values["kind"]), f"kind must be one of {', '.join(KINDS)}")
        entries.append(AliasEntry(
            name=_string(values["name"], path, "name"),
            aliases=_strings(values["aliases"], path, "aliases") if "aliases" in values else (),
            not_same_as=_strings(values["not_same_as"], path, "not_same_as") if "not_same_as" in values else (),
            kind=kind,
        ))
    return AliasBook(tuple(entries))


def load_aliases(path: Path) -> AliasBook:
    """Read the user's speakers.yaml; ConfigError naming file and line when malformed."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(str(path), None, f"cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(str(path), None, "not UTF-8 text") from exc
    book = parse_aliases(text, str(path))
    LOGGER.info("%s: %d speaker entries", path, len(book.entries))
    return book
