"""`kg neo4j start|stop|status|install`, `kg load` and `kg query`: the graph in a real Neo4j."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from .common import Actors, FromJsonl, Params, RowsFormat, exit_if_errors, fail, parse_params, print_rows, read_graph

neo4j_app = typer.Typer(
    name="neo4j",
    help="Manage the local Neo4j Community server (loopback only; data in .neo4j/ of a checkout, "
    "else in your data folder, or $KG_NEO4J_HOME).",
    no_args_is_help=True,
)

# Exit code of `kg neo4j status` when the server is not running (as the LSB init scripts say).
NOT_RUNNING = 3

Uri = Annotated[
    str | None, typer.Option("--uri", help="Bolt URI [default: $NEO4J_URI, else the local server]")
]
User = Annotated[str | None, typer.Option("--user", help="User [default: $NEO4J_USERNAME, else neo4j]")]
Password = Annotated[
    str | None,
    typer.Option("--password", help="Password [default: $NEO4J_PASSWORD, else the local server's]"),
]
Database = Annotated[str | None, typer.Option("--database", help="Database [default: $NEO4J_DATABASE]")]


def _describe(info: Any, headline: str) -> None:
    typer.echo(headline)
    typer.echo(f"  Bolt:      {info.uri}")
    typer.echo(f"  Browser:   {info.browser_url}")
    typer.echo(f"  User:      {info.user}")
    typer.echo(f"  Password:  in {info.password_file}")
    typer.echo(f"  Data:      {info.home}")
    typer.echo(
        f"  Elsewhere: export NEO4J_URI={info.uri} NEO4J_USERNAME={info.user} "
        f"NEO4J_PASSWORD=\"$(cat {info.password_file})\""
    )


@neo4j_app.command("install")
def neo4j_install() -> None:
    """Resolve the Neo4j server's jars from Maven Central (done by the first start anyway)."""
    from ..store import server

    already = server.is_installed()
    if not already:
        typer.echo(f"Resolving Neo4j {server.NEO4J_VERSION} from Maven Central...", err=True)
    lib = server.install()
    java = server.find_java()
    typer.echo(f"Neo4j {server.NEO4J_VERSION} jars {'are' if already else 'now'} in {lib}; Java: {java}")


@neo4j_app.command("start")
def neo4j_start(
    bolt_port: Annotated[
        int | None, typer.Option(help="Bolt port [default: the last one, else 7687, else a free one]")
    ] = None,
    http_port: Annotated[
        int | None, typer.Option(help="HTTP/Browser port [default: the last one, else 7474, else a free one]")
    ] = None,
    heap: Annotated[str | None, typer.Option(help="JVM heap, e.g. 512m or 1g [default: 512m]")] = None,
    pagecache: Annotated[str | None, typer.Option(help="Page cache, e.g. 256m [default: 256m]")] = None,
    timeout: Annotated[
        float, typer.Option(help="Seconds to wait for the server to accept connections")
    ] = 240.0,
) -> None:
    """Start the local Neo4j server (installing it on first use); starting twice is harmless."""
    from ..store import server

    before = server.status()
    if not server.is_installed():
        typer.echo(f"Resolving Neo4j {server.NEO4J_VERSION} from Maven Central (first start)", err=True)
    info = server.start(bolt_port=bolt_port, http_port=http_port, heap=heap, pagecache=pagecache,
                        timeout=timeout)
    verb = "was already running" if before.running and before.pid == info.pid else "is running"
    _describe(info, f"Neo4j {info.version} {verb} (pid {info.pid})")


@neo4j_app.command("stop")
def neo4j_stop(
    force: Annotated[bool, typer.Option("--force", help="Kill at once instead of a clean shutdown")] = False,
) -> None:
    """Stop the local Neo4j server (nothing to do when it is not running)."""
    from ..store import server

    before = server.status()
    server.stop(force=force)
    if before.running:
        typer.echo(f"Stopped Neo4j (pid {before.pid}); data kept in {before.home}")
    else:
        typer.echo(f"Neo4j was not running (data in {before.home})")


@neo4j_app.command("status")
def neo4j_status(
    as_json: Annotated[bool, typer.Option("--json", help="Print the status as a JSON object")] = False,
) -> None:
    """Say whether the local server runs, where, and where its password is (exit 3 when stopped)."""
    from ..store import server

    info = server.status()
    if as_json:
        typer.echo(json.dumps(info.to_dict(), indent=2))
    elif info.running:
        _describe(info, f"Neo4j {info.version} is running (pid {info.pid})")
    else:
        typer.echo(f"Neo4j is not running (data in {info.home}); start it with `kg neo4j start`")
    if not info.running:
        raise typer.Exit(NOT_RUNNING)


def load(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Articles: .txt files, folders, or article JSONL", show_default=False),
    ] = None,
    actors: Actors = None,
    from_jsonl: FromJsonl = None,
    batch_size: Annotated[int, typer.Option(help="Rows per transaction", min=1)] = 5000,
    reload: Annotated[
        bool, typer.Option("--reload", help="Write documents the database already holds again (merged)")
    ] = False,
    uri: Uri = None,
    user: User = None,
    password: Password = None,
    database: Database = None,
) -> None:
    """Extract articles (or read saved extractions) and write the graph into Neo4j, idempotently.

    Documents the database already holds are skipped, so loading today's articles into last
    month's database writes only today's.
    """
    from ..store import connect

    if not paths and not from_jsonl:
        fail("nothing to load: give article paths, or --from-jsonl FILE")
    # connect first: a down server should fail before minutes of extraction
    with connect(uri, user, password, database) as db:
        graph, problems = read_graph(paths, actors, from_jsonl)
        report = db.write(graph, batch_size=batch_size, reload=reload)
        counts = db.counts()
    typer.echo(f"Loaded {report} into {db.uri}")
    typer.echo(
        f"The database holds {counts['actors']} actors, {counts['relations']} relations "
        f"({counts['evidence']} evidence sentences), {counts['documents']} documents."
    )
    if report.skipped:
        typer.echo(
            f"Skipped {report.skipped} document{'s' if report.skipped != 1 else ''} the database already "
            "holds (--reload writes them again)."
        )
    exit_if_errors(problems)


def _print_list() -> None:
    from ..store import queries

    for q in queries().values():
        typer.echo(f"{q.name}: {q.description}")
        for p in q.params:
            default = ""
            if not p.required:
                default = " (optional)" if p.default is None else f" (optional, default {p.default})"
            typer.echo(f"    --param {p.name}=...  {p.kind}{default}: {p.help}")


def query(
    name: Annotated[
        str | None, typer.Argument(help="A query of the library (see --list)", show_default=False)
    ] = None,
    param: Params = None,
    fmt: Annotated[RowsFormat, typer.Option("--format", help="Output format")] = RowsFormat.table,
    list_: Annotated[bool, typer.Option("--list", help="List the library's queries")] = False,
    cypher: Annotated[
        str | None,
        typer.Option("--cypher", help="Run this ad-hoc Cypher instead (read-only)", show_default=False),
    ] = None,
    uri: Uri = None,
    user: User = None,
    password: Password = None,
    database: Database = None,
) -> None:
    """Run a query of the Cypher library (actor names resolved through aliases), or ad-hoc Cypher."""
    from ..store import connect

    if list_:
        _print_list()
        return
    if name and cypher:
        fail("give a query name or --cypher, not both")
    if not name and not cypher:
        fail("give a query name (see `kg query --list`) or --cypher 'MATCH ...'")
    params = parse_params(param or [], typed=cypher is not None)
    with connect(uri, user, password, database) as db:
        rows = db.run_cypher(cypher, params) if cypher else db.run_query(name or "", params)
    print_rows(rows, list(rows.columns), fmt)
