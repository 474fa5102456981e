"""Text tools every stage shares: normalisation with an offset map, sentences, numbers, word lists."""
