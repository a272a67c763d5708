

def test_files_merge_keeps_each_label_once():
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDFS, SKOS

    from partygraph.rdf.merge import SharedMerge

    merge, o = SharedMerge(), URIRef(PGID + "org/dang-bo-tinh-x")
    first, other = Literal("Đảng bộ tỉnh X", lang="vi"), Literal("Tỉnh ủy X", lang="vi")
    kept = [merge.admit(t, "a1") for t in ((o, SKOS.prefLabel, first), (o, RDFS.label, first),
                                            (o, SKOS.altLabel, other))]
    assert None not in kept
    # A second article calling it by the other name: that name is an altLabel already, and the
    # node keeps one rdfs:label, its prefLabel's.
    assert merge.admit((o, SKOS.prefLabel, other), "a2") is None
    assert merge.admit((o, RDFS.label, other), "a2") is None
    third = Literal("Đảng bộ tỉnh X mới", lang="vi")
    assert merge.admit((o, SKOS.prefLabel, third), "a3") == (o, SKOS.altLabel, third)
    assert merge.admit((o, SKOS.prefLabel, third), "a4") is None
