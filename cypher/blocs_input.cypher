// blocs_input: the signed actor network, for bloc detection and balance analysis.
//
// Answers: every relation of non-zero polarity between two actors (places left out), with its
// sign (+1 cooperation, -1 conflict) and weight (evidence sentences): the input of signed
// community detection (kg.analyze) or of structural-balance checks.
// Parameters:
//   $min_weight  int=1  leave out relations with fewer evidence sentences
// Returns: one row per relation: source_id, source, target_id, target, relation, sign, weight.
// Example:
//   kg query blocs_input --format csv > signed_edges.csv
//   Neo4j Browser:  :param min_weight => 1   then run this file.

MATCH (a:Actor)-[r]->(b:Actor)
WHERE r.polarity <> 0 AND a <> b AND NOT a:Location AND NOT b:Location AND r.weight >= $min_weight
RETURN a.id AS source_id, a.name AS source, b.id AS target_id, b.name AS target,
       type(r) AS relation, r.polarity AS sign, r.weight AS weight
ORDER BY source_id, relation, target_id
