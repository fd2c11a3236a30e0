"""Checks an executed notebook: valid nbformat 4, no error outputs, and the MIME types given present.

Usage: /usr/bin/python3 validate_notebook.py NOTEBOOK MIME...
"""
import sys

import nbformat


def main(path, wanted):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    seen = set()
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if cell.get("execution_count") is None:
            raise SystemExit(f"cell not executed: {cell.source[:60]!r}")
        for out in cell.get("outputs", []):
            if out.output_type == "error":
                raise SystemExit(f"error output: {out.ename}: {out.evalue}")
            seen.update(out.get("data", {}).keys())
    missing = [m for m in wanted if m not in seen]
    if missing:
        raise SystemExit(f"missing outputs {missing}; saw {sorted(seen)}")
    print(f"VALID {path}: nbformat {nb.nbformat}.{nb.nbformat_minor}, "
          f"{sum(c.cell_type == 'code' for c in nb.cells)} code cells, outputs {sorted(seen)}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
