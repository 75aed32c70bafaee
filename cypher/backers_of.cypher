// backers_of: who backs an actor, with evidence counts.
//
// Answers: which actors have a BACKS relation to the actor (supports, arms, funds, defends,
// stands by), the best attested first.
// Parameters:
//   $actor  actor  the backed actor: name, alias or id, any case ("Assad", "HTS")
// Returns: one row per backer: actor (the backed actor's name), backer, backer_id, evidence
//   (number of sentences), confidence, first_seen, last_seen (article dates).
// Example:
//   kg query backers_of --param actor=Assad
//   Neo4j Browser:  :param actor => 'Assad'   then run this file.

MATCH (a:Actor)
WHERE a.id = toLower(trim($actor)) OR toLower(a.name) = toLower(trim($actor))
   OR any(alias IN a.aliases WHERE toLower(alias) = toLower(trim($actor)))
MATCH (b:Actor)-[r:BACKS]->(a)
WHERE b <> a
RETURN a.name AS actor, b.name AS backer, b.id AS backer_id, r.weight AS evidence,
       r.confidence AS confidence, r.first_seen AS first_seen, r.last_seen AS last_seen
ORDER BY evidence DESC, backer, actor
