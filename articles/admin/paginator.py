"""A paginator that never counts a whole large table, for the desk's article list at scale."""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property

# Below this many rows (as PostgreSQL estimates them) an exact count is cheap, so it is used.
EXACT_BELOW = 10_000


class EstimatedCountPaginator(Paginator):
    """Counts exactly when the result is small; on PostgreSQL estimates a large one.

    The unfiltered list (also the article list with only its default of leaving discarded drafts
    out, which it marks `whole_table_estimate`) reads the table's row estimate from pg_class (kept by autovacuum); a
    filtered list asks the planner how many rows the query returns. Either way no query scans the
    table to count it; a page number past the estimate simply shows an empty page.
    """

    @cached_property
    def count(self) -> int:
        queryset: Any = self.object_list
        connection = connections[queryset.db]
        if connection.vendor != "postgresql":
            return super().count
        if not queryset.query.where or getattr(queryset, "whole_table_estimate", False):
            estimate = self._table_estimate(connection, queryset.model._meta.db_table)
        else:
            estimate = self._plan_estimate(connection, queryset)
        if estimate is None or estimate < EXACT_BELOW:
            return super().count
        return estimate

    @staticmethod
    def _table_estimate(connection, table: str) -> int | None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [table])
            row = cursor.fetchone()
        # -1 means the table was never analysed: no estimate yet.
        return int(row[0]) if row and row[0] >= 0 else None

    @staticmethod
    def _plan_estimate(connection, queryset) -> int | None:
        try:
            sql, params = queryset.order_by().values("pk").query.sql_with_params()
        except EmptyResultSet:
            return 0  # a query that matches nothing (queryset.none()) has no SQL to explain
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
            plan = cursor.fetchone()[0]
        if isinstance(plan, str):
            plan = json.loads(plan)
        return int(plan[0]["Plan"]["Plan Rows"])
