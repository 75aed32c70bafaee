// subgraph: the actors with the given ids and the ontology relations among them.
//
// Used by `kg view --query NAME` (kg/cli/view.py): a library query's rows name actors; this
// reads those actors and every typed relation between two of them, for the view to draw.
// Parameters:
//   $ids  list  actor ids, e.g. ["russia", "bashar-al-assad"]
// Returns: one row per actor and relation: a (the actor node) and p (a path over one
//   relation to another listed actor, or null).
// Example:
//   Neo4j Browser:  :param ids => ['russia', 'iran', 'bashar-al-assad']   then run this file.

MATCH (a:Actor)
WHERE a.id IN $ids
OPTIONAL MATCH p = (a)-[r]->(b:Actor)
WHERE b.id IN $ids AND r.polarity IS NOT NULL
RETURN a, p
