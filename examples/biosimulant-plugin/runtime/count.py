"""Counts the cells of a sample: one CSV row per cell, after a header."""
import csv
import sys

with open(sys.argv[1], newline="") as f:
    rows = list(csv.DictReader(f))
alive = sum(1 for r in rows if r["state"] == "alive")
print(f"{len(rows)} cells, {alive} alive")
