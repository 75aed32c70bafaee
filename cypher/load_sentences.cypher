// load_sentences: the loader's statement for evidence sentences:
// (:Document)-[:HAS_SENTENCE]->(:Sentence)-[:MENTIONS]->(:Actor) (used by kg.store, not a query).
//
// A sentence's id is "<document id>:<start>-<end>" (its character offsets in the document).
// Parameters:
//   $rows  list  [{id, doc, text, start, end, actors: [actor ids]}]
// Example: see kg/store/writer.py (write_graph).

UNWIND $rows AS row
MATCH (d:Document {id: row.doc})
MERGE (s:Sentence {id: row.id})
SET s.text = row.text, s.doc = row.doc, s.start = row.start, s.end = row.end
MERGE (d)-[:HAS_SENTENCE]->(s)
WITH s, row
UNWIND row.actors AS actor_id
MATCH (a:Actor {id: actor_id})
MERGE (s)-[:MENTIONS]->(a)
