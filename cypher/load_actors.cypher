// load_actors: the loader's statement for (:Actor) nodes (used by kg.store, not a query).
//
// __LABEL__ is replaced by the label of the actor type (State, Government, ArmedGroup,
// Organization, Person, Location), taken from a fixed table, never from input; one call per type.
// The type labels are removed first so that a re-typed actor keeps exactly one.
// Parameters:
//   $rows  list  [{id, name, type}]
// Example: see kg/store/writer.py (write_graph).

UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
SET a.name = row.name, a.type = row.type, a.aliases = coalesce(a.aliases, [])
REMOVE a:State:Government:ArmedGroup:Organization:Person:Location
SET a:__LABEL__
