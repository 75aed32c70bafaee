// schema: uniqueness constraints on every id of the kg model.
//
// Answers: nothing; it sets up the database.  `kg load` and kg.store.Store.write() apply it before
// writing (every statement is idempotent: IF NOT EXISTS).  The loader's MERGEs rely on these
// constraints for their index lookups and for never creating a node twice.
// Parameters: none.
// Example:
//   kg load --from-jsonl graph.jsonl        (applies it)
//   or paste it into Neo4j Browser.

CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT sentence_id IF NOT EXISTS FOR (s:Sentence) REQUIRE s.id IS UNIQUE;
