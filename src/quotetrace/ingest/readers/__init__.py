"""One module per input format; each turns bytes or a stream into Articles or IngestFailures."""
