"""One graph across many articles: who is who, when, and what became of units.

`mentions`: what the store says about persons; `decisions`: human merge /
keep-apart judgements; `clusters`: person identity; `tenures`: dates of
offices; `reference`: the 2025 reorganisation and unit spellings;
`report`: a run that writes the derived graphs. The names below are the
public API (`from partygraph import resolve as r`).
"""

from partygraph.iris import REFERENCE_GRAPH, RESOLUTION_GRAPH
from partygraph.namespaces import (FOAF_BASE as FOAF, ORG_BASE as ORG, OWL_BASE as OWL, PG_BASE as PG,
                                   PGID_BASE as PGID, PGROLE_BASE as PGROLE, PROV_BASE as PROV, SDO_BASE as SDO,
                                   SKOS_BASE as SKOS)
from partygraph.resolve.clusters import Cluster, Pair, Resolution, cluster, link_evidence
from partygraph.resolve.decisions import Decisions, compact_iri, expand_iri, read_decisions, write_decisions
from partygraph.resolve.mentions import (Mention, OfficeRec, name_key, org_units, province_kinds, province_successors,
                                         provinces_compatible, read_mentions, unit_phrase)
from partygraph.resolve.reference import (Event, org_iri_for, org_key, org_variants, read_orgs, reference_events,
                                          reference_triples)
from partygraph.resolve.report import Report, details, identities, resolution_triples, resolve, resolve_store
from partygraph.resolve.tenures import Tenure, date_tenures, read_congresses
from partygraph.store.local import update_graph

__all__ = ["REFERENCE_GRAPH", "RESOLUTION_GRAPH", "FOAF", "ORG", "OWL", "PG", "PGID", "PGROLE", "PROV", "SDO", "SKOS",
           "Cluster", "Pair", "Resolution", "cluster", "link_evidence", "Decisions", "compact_iri", "expand_iri",
           "read_decisions", "write_decisions", "Mention", "OfficeRec", "name_key", "org_units", "province_kinds",
           "province_successors", "provinces_compatible", "read_mentions", "unit_phrase", "Event", "org_iri_for",
           "org_key", "org_variants", "read_orgs", "reference_events", "reference_triples", "Report", "details",
           "identities", "resolution_triples", "resolve", "resolve_store", "Tenure", "date_tenures", "read_congresses",
           "update_graph"]
