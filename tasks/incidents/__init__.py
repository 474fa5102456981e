"""Incidents (issue 19): the same real-world event across clauses, articles and outlets.

- :mod:`tasks.incidents.kinds`: an incident's kind from its count's sentence;
- :mod:`tasks.incidents.items`: one article's figures as items, its quotes' incidents;
- :mod:`tasks.incidents.group`: grouping items into incidents and campaigns;
- :mod:`tasks.incidents.links`: a run's new articles against the warehouse's
  incidents near them in time and place, written as ``incident_links`` rows.
"""

from __future__ import annotations

from tasks.incidents.group import Incident, Item, Place, assign
from tasks.incidents.items import article_items, quote_links

__all__ = ["Incident", "Item", "Place", "article_items", "assign", "quote_links"]
