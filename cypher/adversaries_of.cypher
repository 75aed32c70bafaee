// adversaries_of: who is in conflict with an actor or with its side.
//
// Answers: the actors linked to the actor by a negative relation (CRITICIZES, OPPOSES, ATTACKS,
// CAPTURED; either direction), and those in conflict with its side: its allies (ALLIED_WITH)
// and the groups it leads (LEADS) or belongs to (MEMBER_OF).  Places (:Location) are left out.
// Parameters:
//   $actor  actor  name, alias or id, any case ("Hayat Tahrir al-Sham", "HTS")
// Returns: one row per adversary: actor, adversary, adversary_id, direct (true when in conflict
//   with the actor itself), via (the side members it is in conflict with, sorted), relations
//   (conflict types, sorted), evidence (sentences behind those relations).
// Example:
//   kg query adversaries_of --param actor=HTS
//   Neo4j Browser:  :param actor => 'HTS'   then run this file.

MATCH (a:Actor)
WHERE a.id = toLower(trim($actor)) OR toLower(a.name) = toLower(trim($actor))
   OR any(alias IN a.aliases WHERE toLower(alias) = toLower(trim($actor)))
WITH a, [(a)-[:ALLIED_WITH]-(s:Actor) WHERE s <> a | s]
        + [(a)-[:LEADS|MEMBER_OF]->(s:Actor) WHERE s <> a | s] AS allies
UNWIND [a] + allies AS side
WITH DISTINCT a, allies, side
MATCH (side)-[r]-(x:Actor)
WHERE r.polarity < 0 AND x <> a AND NOT x IN allies AND NOT x:Location
WITH DISTINCT a, x, side, r
WITH a, x, collect(CASE WHEN side <> a THEN side.name END) AS via, collect(type(r)) AS types,
     sum(r.weight) AS evidence, max(CASE WHEN side = a THEN 1 ELSE 0 END) = 1 AS direct
RETURN a.name AS actor, x.name AS adversary, x.id AS adversary_id, direct,
       COLLECT { UNWIND via AS v RETURN DISTINCT v ORDER BY v } AS via,
       COLLECT { UNWIND types AS t RETURN DISTINCT t ORDER BY t } AS relations,
       evidence
ORDER BY direct DESC, evidence DESC, adversary, actor
