// evidence_for: the sentences and documents behind the relations from one actor to another.
//
// Answers: why does the graph say "source RELATION target"?  Every evidence sentence with its
// document.  Symmetric relations (ALLIED_WITH, NEGOTIATES_WITH, OPPOSES) count both ways.
// Parameters:
//   $source    actor        the acting actor: name, alias or id, any case
//   $target    actor        the actor acted on: name, alias or id, any case
//   $relation  string=null  one relation type (e.g. BACKS); every type when omitted
// Returns: one row per evidence sentence: source, relation, target, document, title, date, url,
//   sentence, start, end (offsets in the document), rule, confidence; by date then position.
// Example:
//   kg query evidence_for --param source=Russia --param target=Assad --param relation=BACKS
//   Neo4j Browser:  :params {source: 'Russia', target: 'Assad', relation: 'BACKS'}

MATCH (a:Actor)
WHERE a.id = toLower(trim($source)) OR toLower(a.name) = toLower(trim($source))
   OR any(alias IN a.aliases WHERE toLower(alias) = toLower(trim($source)))
MATCH (b:Actor)
WHERE b.id = toLower(trim($target)) OR toLower(b.name) = toLower(trim($target))
   OR any(alias IN b.aliases WHERE toLower(alias) = toLower(trim($target)))
MATCH (a)-[r]-(b)
WHERE r.evidence IS NOT NULL AND a <> b
  AND ($relation IS NULL OR type(r) = toUpper(trim($relation)))
  AND (startNode(r) = a OR r.symmetric)
UNWIND range(0, size(r.evidence) - 1) AS i
MATCH (d:Document)-[:HAS_SENTENCE]->(s:Sentence {id: r.evidence[i]})
RETURN startNode(r).name AS source, type(r) AS relation, endNode(r).name AS target,
       d.id AS document, d.title AS title, d.date AS date, d.url AS url,
       s.text AS sentence, s.start AS start, s.end AS end,
       r.evidence_rules[i] AS rule, r.evidence_confidences[i] AS confidence
ORDER BY date, document, start, relation, source
