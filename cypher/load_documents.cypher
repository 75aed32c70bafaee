// load_documents: the loader's statement for (:Document) nodes (used by kg.store, not a query).
//
// Parameters:
//   $rows  list  [{id, title, date, url, source, duplicate_of}]  (duplicate_of: the id of the first
//                 document of the story a reprint repeats, kg.dedup; null for the others)
// Example: see kg/store/writer.py (write_graph).

UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d.title = row.title, d.date = row.date, d.url = row.url, d.source = row.source,
    d.duplicate_of = row.duplicate_of
