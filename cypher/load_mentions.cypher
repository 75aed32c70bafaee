// load_mentions: the loader's statement for (:Document)-[:MENTIONS]->(:Actor) (used by kg.store,
// not a query).
//
// The document's own naming of the actor (name, type, aliases, number of mentions) is kept on
// the relationship, so an actor's mention count is the sum over its documents (actor_profile
// adds it up).  The actor's aliases become the sorted union of what it had and the document's
// names.  The actor is write-locked by load_actors earlier in the same transaction, and the
// union reads a.aliases inside its own SET, so concurrent loads never lose an alias.
// Parameters:
//   $rows  list  [{doc, actor, name, type, aliases, mentions}]
// Example: see kg/store/writer.py (write_graph).

UNWIND $rows AS row
MATCH (d:Document {id: row.doc})
MATCH (a:Actor {id: row.actor})
MERGE (d)-[m:MENTIONS]->(a)
SET m.name = row.name, m.type = row.type, m.aliases = row.aliases, m.mentions = row.mentions
SET a.aliases = COLLECT { UNWIND coalesce(a.aliases, []) + row.aliases AS alias RETURN DISTINCT alias ORDER BY alias }
