// alliances: pairs of actors with positive ties, mutual or through shared backers.
//
// Answers: which pairs cooperate: a relation of positive polarity between them (BACKS,
// ALLIED_WITH, NEGOTIATES_WITH; either direction), or a third actor that BACKS both.
// Places (:Location) are left out.
// Parameters:
//   $actor  actor=null  only pairs with this actor (name, alias or id); all pairs when omitted
// Returns: one row per pair (actor_a sorts before actor_b by id): actor_a, actor_b, relations
//   (positive types between them, sorted), mutual (positive ties both ways, or a symmetric
//   one), shared_backers (sorted names), evidence (sentences behind the direct ties).
// Example:
//   kg query alliances
//   kg query alliances --param actor=Russia
//   Neo4j Browser:  :param actor => null   then run this file.

CALL {
  MATCH (a:Actor)-[r]->(b:Actor)
  WHERE r.polarity > 0 AND a <> b
  RETURN CASE WHEN a.id < b.id THEN a ELSE b END AS x, CASE WHEN a.id < b.id THEN b ELSE a END AS y,
         type(r) AS relation, r.weight AS weight,
         CASE WHEN r.symmetric THEN 'both' WHEN a.id < b.id THEN 'forward' ELSE 'backward' END AS direction,
         null AS backer
  UNION ALL
  MATCH (a:Actor)<-[:BACKS]-(c:Actor)-[:BACKS]->(b:Actor)
  WHERE a.id < b.id AND c <> a AND c <> b
  RETURN a AS x, b AS y, null AS relation, 0 AS weight, null AS direction, c.name AS backer
}
WITH x, y, relation, weight, direction, backer
WHERE NOT x:Location AND NOT y:Location
  AND ($actor IS NULL OR any(n IN [x, y] WHERE n.id = toLower(trim($actor))
       OR toLower(n.name) = toLower(trim($actor))
       OR any(alias IN n.aliases WHERE toLower(alias) = toLower(trim($actor)))))
WITH x, y, collect(relation) AS rels, sum(weight) AS evidence, collect(DISTINCT direction) AS dirs,
     collect(backer) AS backers
RETURN x.name AS actor_a, y.name AS actor_b,
       COLLECT { UNWIND rels AS t RETURN DISTINCT t ORDER BY t } AS relations,
       'both' IN dirs OR ('forward' IN dirs AND 'backward' IN dirs) AS mutual,
       COLLECT { UNWIND backers AS n RETURN DISTINCT n ORDER BY n } AS shared_backers,
       evidence
ORDER BY evidence DESC, actor_a, actor_b
