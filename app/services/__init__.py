"""Use cases: the only layer that opens sessions and writes."""
