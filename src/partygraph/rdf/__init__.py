"""RDF: the mapping of extractions to triples, the merge of articles, graph files, validation."""
