#!/usr/bin/env python3
"""Keeps the sample requests current.

  redate.py FILE                      print FILE with every date moved so that its asOf becomes today
  redate.py --build FIXTURE HOOK OUT  make a sample for HOOK (order-sign, order-select, patient-view) from a fixture

A sample records the day its dates are relative to in extension["org.cdsbone.sample"].asOf (CDS Hooks lets a request
carry extensions; the service ignores this one). Moving every date, birth dates included, keeps ages and intervals."""
import datetime as dt
import json
import re
import sys

DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(.*)$")
EXTENSION = "org.cdsbone.sample"


def shift(node, days):
    if isinstance(node, dict):
        return {k: shift(v, days) for k, v in node.items()}
    if isinstance(node, list):
        return [shift(v, days) for v in node]
    if isinstance(node, str):
        match = DATE.match(node)
        if match:
            try:
                day = dt.date.fromisoformat(match.group(1))
            except ValueError:
                return node
            return (day + dt.timedelta(days=days)).isoformat() + match.group(2)
    return node


def redate(request, today=None):
    today = today or dt.date.today()
    as_of = dt.date.fromisoformat(request.get("extension", {}).get(EXTENSION, {}).get("asOf", today.isoformat()))
    moved = shift(request, (today - as_of).days)
    moved.setdefault("extension", {})[EXTENSION] = {"asOf": today.isoformat()}
    return moved


def build(fixture_path, hook, out_path):
    request = json.load(open(fixture_path))
    request["extension"] = {EXTENSION: {"asOf": "2025-06-01"}}
    request["hook"] = hook
    context = request["context"]
    if hook == "order-select":
        context["selections"] = ["MedicationRequest/" + context["draftOrders"]["entry"][0]["resource"]["id"]]
    if hook == "patient-view":
        context.pop("draftOrders", None)
    with open(out_path, "w") as f:
        json.dump(redate(request), f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--build":
        build(sys.argv[2], sys.argv[3], sys.argv[4])
    elif len(sys.argv) == 2:
        json.dump(redate(json.load(open(sys.argv[1]))), sys.stdout)
    else:
        sys.exit(__doc__)
