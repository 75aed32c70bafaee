// actor_profile: everything the graph holds about one actor.
//
// Answers: who is this actor: type, aliases, how often and where it is mentioned, and its
// relations in both directions with their evidence counts.
// Parameters:
//   $actor  actor  name, alias or id, any case
// Returns: one row: id, name, type, aliases, mentions, documents (ids, sorted), outgoing
//   ([{relation, actor, weight}] sorted by relation then actor), incoming (same shape).
// Example:
//   kg query actor_profile --param actor=Erdogan
//   Neo4j Browser:  :param actor => 'Erdogan'   then run this file.

MATCH (a:Actor)
WHERE a.id = toLower(trim($actor)) OR toLower(a.name) = toLower(trim($actor))
   OR any(alias IN a.aliases WHERE toLower(alias) = toLower(trim($actor)))
RETURN a.id AS id, a.name AS name, a.type AS type,
       COLLECT { UNWIND a.aliases AS alias RETURN alias ORDER BY alias } AS aliases,
       reduce(total = 0, n IN [(:Document)-[m:MENTIONS]->(a) | m.mentions] | total + n) AS mentions,
       COLLECT { MATCH (d:Document)-[:MENTIONS]->(a) RETURN d.id AS doc ORDER BY doc } AS documents,
       COLLECT {
         MATCH (a)-[r]->(t:Actor) WHERE r.polarity IS NOT NULL
         RETURN {relation: type(r), actor: t.name, weight: r.weight} AS rel
         ORDER BY rel.relation, rel.actor
       } AS outgoing,
       COLLECT {
         MATCH (a)<-[r]-(t:Actor) WHERE r.polarity IS NOT NULL
         RETURN {relation: type(r), actor: t.name, weight: r.weight} AS rel
         ORDER BY rel.relation, rel.actor
       } AS incoming
ORDER BY id
