// timeline: an actor's relations in the order of the articles that report them.
//
// Answers: what did the actor do, and what was done to it, over time: every evidence sentence
// of every relation touching the actor, by article date (undated articles last).
// Parameters:
//   $actor  actor  name, alias or id, any case
// Returns: one row per evidence sentence: date, document, source, relation, target, sentence.
// Example:
//   kg query timeline --param actor=HTS --format csv
//   Neo4j Browser:  :param actor => 'HTS'   then run this file.

MATCH (a:Actor)
WHERE a.id = toLower(trim($actor)) OR toLower(a.name) = toLower(trim($actor))
   OR any(alias IN a.aliases WHERE toLower(alias) = toLower(trim($actor)))
MATCH (a)-[r]-(:Actor)
WHERE r.evidence IS NOT NULL
WITH DISTINCT r
UNWIND r.evidence AS sid
MATCH (d:Document)-[:HAS_SENTENCE]->(s:Sentence {id: sid})
RETURN d.date AS date, d.id AS document, startNode(r).name AS source, type(r) AS relation,
       endNode(r).name AS target, s.text AS sentence
ORDER BY date, document, s.start, relation, source, target
