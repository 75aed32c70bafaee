// path_between: the shortest chains of typed relations between two actors.
//
// Answers: how two actors are connected: every shortest path (up to 6 hops, any direction)
// over the ontology's relations.  Each step shows its direction.
// Parameters:
//   $source  actor  one end: name, alias or id, any case
//   $target  actor  the other end: name, alias or id, any case
// Returns: one row per path: hops, path (text such as
//   "Russia -BACKS-> Bashar al-Assad <-CALLS_ON- Recep Tayyip Erdogan"), actors (names along
//   it), relations (types along it), evidence (sentences behind all its steps).
// Example:
//   kg query path_between --param source=Iran --param target=HTS
//   Neo4j Browser:  :params {source: 'Iran', target: 'HTS'}   then run this file.

MATCH (a:Actor)
WHERE a.id = toLower(trim($source)) OR toLower(a.name) = toLower(trim($source))
   OR any(alias IN a.aliases WHERE toLower(alias) = toLower(trim($source)))
MATCH (b:Actor)
WHERE b.id = toLower(trim($target)) OR toLower(b.name) = toLower(trim($target))
   OR any(alias IN b.aliases WHERE toLower(alias) = toLower(trim($target)))
WITH a, b
WHERE a <> b
MATCH p = allShortestPaths((a)-[:BACKS|ALLIED_WITH|NEGOTIATES_WITH|CALLS_ON|CRITICIZES|OPPOSES|ATTACKS|CAPTURED|CONTROLS|LEADS|MEMBER_OF*..6]-(b))
WITH p, nodes(p) AS ns, relationships(p) AS rs
RETURN length(p) AS hops,
       reduce(s = ns[0].name, i IN range(0, size(rs) - 1) |
         s + CASE WHEN startNode(rs[i]) = ns[i] THEN ' -' + type(rs[i]) + '-> '
                  ELSE ' <-' + type(rs[i]) + '- ' END + ns[i + 1].name) AS path,
       [n IN ns | n.name] AS actors,
       [r IN rs | type(r)] AS relations,
       reduce(w = 0, r IN rs | w + r.weight) AS evidence
ORDER BY hops, path
