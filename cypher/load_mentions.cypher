// load_mentions: the loader's statement for (:Document)-[:MENTIONS]->(:Actor) (used by kg.store,
// not a query).
//
// The document's own naming of the actor (name, type, aliases, number of mentions) is kept on
// the relationship, so an actor's mention count is the sum over its documents (actor_profile
// adds it up).  The actor's aliases gain the names not yet among them; the check is made again
// inside SET so that two rows naming the same new alias add it once.
// Parameters:
//   $rows  list  [{doc, actor, name, type, aliases, mentions}]
// Example: see kg/store/neo4j.py (Store.write).

UNWIND $rows AS row
MATCH (d:Document {id: row.doc})
MATCH (a:Actor {id: row.actor})
MERGE (d)-[m:MENTIONS]->(a)
SET m.name = row.name, m.type = row.type, m.aliases = row.aliases, m.mentions = row.mentions
WITH a, row
WHERE any(x IN row.aliases WHERE NOT x IN a.aliases)
SET a.aliases = a.aliases + [x IN row.aliases WHERE NOT x IN a.aliases]
