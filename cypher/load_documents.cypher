// load_documents: the loader's statement for (:Document) nodes (used by kg.store, not a query).
//
// Parameters:
//   $rows  list  [{id, title, date, url, source}]
// Example: see kg/store/writer.py (write_graph).

UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d.title = row.title, d.date = row.date, d.url = row.url, d.source = row.source
