"""Source formats: the registry (``registry.py``), one reader module per format, and the
items they yield (``items.py``). This package imports nothing on its own, so discover
can consult the registry without importing the readers."""
