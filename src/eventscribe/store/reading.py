"""Reading an export back with its codes as text: ``read_events(path)``.

CAMEO event codes ("030", "0234") and actor codes look like numbers to a CSV reader,
which then drops their leading zeros. This reader knows the export's columns and reads
every code column as text, whatever the file's format (Parquet and JSON Lines keep
their types; CSV and GDELT's tab-separated layout are typed here). It returns an Arrow
table: ``read_events("events.csv").to_pandas()`` gives a DataFrame with pandas installed.

In R: ``read.csv("events.csv", colClasses = c(cameo_code = "character", cameo_base =
"character", cameo_root = "character", paired_cameo = "character"))``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.json as pa_json
import pyarrow.parquet as pq

from eventscribe.errors import InputError

# export columns that hold codes: CAMEO codes, actor codes, ids
_CODE_COLUMN = re.compile(
    r"(^|_)(code|codes|cameo|cameo_base|cameo_root|paired_cameo|countries|country|sector|id)$"
    r"|^(EventCode|EventBaseCode|EventRootCode|GLOBALEVENTID|Actor[12]\w*Code|ActionGeo_FeatureID)$",
    re.IGNORECASE,
)


def read_events(path: str | Path) -> pa.Table:
    """An export (parquet, csv, tsv or jsonl) as an Arrow table, codes as text."""
    file = Path(path)
    if not file.is_file():
        raise InputError(
            f"{file}: no such export file", fix="give the file `eventscribe export -o` wrote"
        )
    suffix = file.suffix.lower()
    if suffix == ".parquet":
        return pq.read_table(file)
    if suffix in {".jsonl", ".json"}:
        return _as_text(pa_json.read_json(file))
    header = file.open(encoding="utf-8").readline()
    delimiter = "\t" if "\t" in header else ","
    names = [name.strip('"') for name in header.rstrip("\r\n").split(delimiter)]
    types = {name: pa.string() for name in names if _CODE_COLUMN.search(name)}
    return pa_csv.read_csv(
        file,
        parse_options=pa_csv.ParseOptions(delimiter=delimiter, newlines_in_values=True),
        convert_options=pa_csv.ConvertOptions(column_types=types, strings_can_be_null=True),
    )


def _as_text(table: pa.Table) -> pa.Table:
    """JSON numbers in code columns (an export written by another tool) back to text."""
    for i, name in enumerate(table.column_names):
        if _CODE_COLUMN.search(name) and not pa.types.is_string(table.schema.field(i).type):
            table = table.set_column(i, name, table.column(i).cast(pa.string()))
    return table
