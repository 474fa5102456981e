"""Text tools every stage shares: normalisation (offset map), sentences, numbers, word lists."""
