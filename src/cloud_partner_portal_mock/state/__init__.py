"""The mock's domain state, plain Python with no HTTP: offer documents with their drafts, slots and ETags."""
