"""The exceptions quotetrace raises; the CLI and API turn them into messages at the edge."""


class QuotetraceError(Exception):
    """Base class of every error quotetrace raises on purpose."""


class InputError(QuotetraceError):
    """An input (file, URL, record) could not be read; the message names it and says why."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class FetchError(InputError):
    """A URL could not be fetched (timeout, HTTP error, redirect loop, too large)."""


class ConfigError(QuotetraceError):
    """A user file (aliases, lexicon, config) is malformed; the message names file and line."""

    def __init__(self, path: str, line: int | None, reason: str) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


class StoreError(QuotetraceError):
    """The store could not be opened or written."""
