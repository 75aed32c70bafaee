// enemy_of_enemy: pairs of actors in conflict with a common enemy, and their own tie.
//
// Answers: A and C both in conflict with B (a negative relation either way between A and B,
// and between C and B): are A and C allies, enemies, or unrelated?  Places are left out.
// Parameters:
//   $actor  actor=null  only pairs where this actor is A (name, alias or id); all pairs when omitted
// Returns: one row per pair: actor_a, actor_c, common_enemies (sorted names), tie (relation
//   types between A and C, sorted; empty when none), tie_score (sum of polarity x evidence over
//   those relations: > 0 friends, < 0 foes; null when they have no tie).
// Example:
//   kg query enemy_of_enemy
//   kg query enemy_of_enemy --param actor=Turkey
//   Neo4j Browser:  :param actor => null   then run this file.

MATCH (a:Actor)-[r1]-(b:Actor)-[r2]-(c:Actor)
WHERE r1.polarity < 0 AND r2.polarity < 0 AND a <> b AND c <> b AND a <> c
  AND NOT a:Location AND NOT b:Location AND NOT c:Location
  AND (($actor IS NULL AND a.id < c.id)
       OR ($actor IS NOT NULL AND (a.id = toLower(trim($actor)) OR toLower(a.name) = toLower(trim($actor))
           OR any(alias IN a.aliases WHERE toLower(alias) = toLower(trim($actor))))))
WITH DISTINCT a, c, b
WITH a, c, collect(b.name) AS enemies
OPTIONAL MATCH (a)-[t]-(c)
WHERE t.polarity IS NOT NULL
WITH a, c, enemies, collect(t) AS ties
RETURN a.name AS actor_a, c.name AS actor_c,
       COLLECT { UNWIND enemies AS e RETURN DISTINCT e ORDER BY e } AS common_enemies,
       COLLECT { UNWIND ties AS t RETURN DISTINCT type(t) AS ty ORDER BY ty } AS tie,
       CASE WHEN size(ties) = 0 THEN null
            ELSE reduce(s = 0, t IN ties | s + t.polarity * t.weight) END AS tie_score
ORDER BY actor_a, actor_c
