// load_relations: the loader's statement for the typed relations between actors (used by
// kg.store, not a query).
//
// __RELATION__ is replaced by a relation type of the ontology (kg.model.ONTOLOGY), checked
// against that whitelist, never taken from input; one call per type.
// The evidence is a set of sentence ids (r.evidence, with r.evidence_rules and
// r.evidence_confidences in step): only ids not yet there are appended, and weight,
// confidence, first_seen and last_seen are recomputed from that set, so loading twice changes
// nothing.  A wire story counts once (kg.dedup): reports counts the distinct stories of the
// evidence's documents (a Document's duplicate_of, else its id), sources their distinct outlets
// (Document.source), and weight adds per story the evidences of the copy that says it the
// fewest times (the evidence's sentences are loaded before the relations).  The relationship
// is write-locked (SET r._lock) before its evidence is read: two concurrent loads take turns
// instead of each appending to a list the other overwrites.
// Parameters:
//   $rows       list    [{source, target, evidence: [{id, rule, confidence, date}]}]
//   $polarity   int     the relation type's polarity (kg.model.ONTOLOGY)
//   $symmetric  bool    whether the relation type is symmetric
// Example: see kg/store/writer.py (write_graph).

UNWIND $rows AS row
MATCH (a:Actor {id: row.source})
MATCH (b:Actor {id: row.target})
MERGE (a)-[r:__RELATION__]->(b)
SET r._lock = true
WITH r, row, coalesce(r.evidence, []) AS old
WITH r, row, old, [e IN row.evidence WHERE NOT e.id IN old] AS new
WITH r, row, old, new,
     [d IN [e IN row.evidence | e.date] + [r.first_seen, r.last_seen] WHERE d IS NOT NULL] AS dates
SET r.polarity = $polarity,
    r.symmetric = $symmetric,
    r.evidence = old + [e IN new | e.id],
    r.evidence_rules = coalesce(r.evidence_rules, []) + [e IN new | e.rule],
    r.evidence_confidences = coalesce(r.evidence_confidences, []) + [e IN new | e.confidence],
    r.first_seen = reduce(m = null, d IN dates | CASE WHEN m IS NULL OR d < m THEN d ELSE m END),
    r.last_seen = reduce(m = null, d IN dates | CASE WHEN m IS NULL OR d > m THEN d ELSE m END)
SET r.confidence = reduce(m = 0.0, c IN r.evidence_confidences | CASE WHEN c > m THEN c ELSE m END)
WITH r
CALL (r) {
  UNWIND r.evidence AS sid
  MATCH (s:Sentence {id: sid})
  MATCH (d:Document {id: s.doc})
  WITH d, count(*) AS said
  WITH coalesce(d.duplicate_of, d.id) AS story, min(said) AS said,
       collect(coalesce(d.source, 'doc:' + d.id)) AS outlets
  WITH count(story) AS reports, sum(said) AS weight,
       reduce(joined = [], o IN collect(outlets) | joined + o) AS outlets
  RETURN reports, weight,
         size(reduce(seen = [], o IN outlets | CASE WHEN o IN seen THEN seen ELSE seen + o END)) AS sources
}
SET r.reports = reports, r.weight = weight, r.sources = sources
REMOVE r._lock
