"""The store: SQLite (default) or PostgreSQL, every record quotetrace produces (see ``store.store``)."""

from quotetrace.store.store import Store, WriteSummary

__all__ = ["Store", "WriteSummary"]
