"""A blank database, migrated, has exactly the checked-in schema (tables, columns, indexes).

When a migration changes the schema on purpose, regenerate the expectation with
`python tests/test_schema.py DSN > tests/data/schema.json` (DSN of an empty schema or
database) and review the diff: it is the schema change, line by line.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import psycopg

DATA = __import__("pathlib").Path(__file__).resolve().parent / "data"

COLUMNS = """
select table_name, column_name, data_type, is_nullable, coalesce(column_default, '')
  from information_schema.columns
 where table_schema = current_schema()
 order by table_name, column_name
"""
INDEXES = """
select tablename, indexname, regexp_replace(indexdef, ' ON [^ ]+\\.', ' ON ')
  from pg_indexes
 where schemaname = current_schema()
 order by tablename, indexname
"""
FUNCTIONS = """
select p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')'
  from pg_proc p join pg_namespace n on n.oid = p.pronamespace
 where n.nspname = current_schema()
 order by 1
"""


def dump(conn: psycopg.Connection[Any]) -> dict[str, Any]:
    tables: dict[str, Any] = {}
    for table, column, typ, nullable, default in conn.execute(COLUMNS).fetchall():
        tables.setdefault(table, {"columns": {}, "indexes": {}})["columns"][column] = (
            f"{typ}{'' if nullable == 'YES' else ' not null'}{f' default {default}' if default else ''}"
        )
    for table, name, definition in conn.execute(INDEXES).fetchall():
        tables.setdefault(table, {"columns": {}, "indexes": {}})["indexes"][name] = definition
    functions = [row[0] for row in conn.execute(FUNCTIONS).fetchall()]
    return {"tables": tables, "functions": functions}


def test_a_blank_database_migrates_to_the_expected_schema(db_url: str) -> None:
    from tests.helpers import migrate

    migrate(db_url)
    with psycopg.connect(db_url) as conn:
        got = dump(conn)
    expected = json.loads((DATA / "schema.json").read_text())
    assert sorted(got["tables"]) == sorted(expected["tables"])
    for table, spec in expected["tables"].items():
        assert got["tables"][table]["columns"] == spec["columns"], table
        assert got["tables"][table]["indexes"] == spec["indexes"], table
    assert got["functions"] == expected["functions"]


if __name__ == "__main__":  # regenerate: python tests/test_schema.py DSN > tests/data/schema.json
    import os

    sys.path.insert(0, str(DATA.parent.parent))
    os.environ["DATABASE_URL"] = sys.argv[1]
    from tests.helpers import migrate

    migrate(sys.argv[1])
    with psycopg.connect(sys.argv[1]) as c:
        print(json.dumps(dump(c), indent=1, sort_keys=True))
