#!/usr/bin/env python3
"""Build data/models/landscape/south-caucasus-2016-*.csv for `ana landscape` (ANA example).

sizes: COW National Material Capabilities v6 CINC, 2016, x100 (via peacesciencer cow_nmc.csv,
       /work/shared/data/reference/peacesciencer/cow_nmc.csv; cite Singer, Bremer & Stuckey 1972).
propensities: sum of sign x strength of the Azerbaijan scenario's ties (data/scenarios/azerbaijan/ties.csv)
       active in 2016 between each pair (a tie without dates counts as active); pairs with no tie are
       left out, so `ana landscape` reports them as missing (counted as 0).
"""
import csv, sys
ACTORS = {"AZE": 373, "ARM": 371, "GEO": 372, "RUS": 365, "TUR": 640, "IRN": 630, "USA": 2, "CHN": 710, "ISR": 666}
YEAR = 2016
nmc = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/reference/peacesciencer/cow_nmc.csv"
cinc = {}
for r in csv.DictReader(open(nmc)):
    if int(r["year"]) == YEAR:
        cinc[int(r["ccode"])] = float(r["cinc"])
with open("data/models/landscape/south-caucasus-2016-actors.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["name", "size"])
    for a, c in ACTORS.items():
        w.writerow([a, f"{100 * cinc[c]:.4f}"])
def active(r):
    fy = int(r["from"][:4]) if r["from"] else -9999
    ty = int(r["to"][:4]) if r["to"] else 9999
    return fy <= YEAR <= ty
p = {}
for r in csv.DictReader(open("data/scenarios/azerbaijan/ties.csv")):
    if r["a"] in ACTORS and r["b"] in ACTORS and active(r):
        k = tuple(sorted((r["a"], r["b"])))
        p[k] = p.get(k, 0) + int(r["sign"]) * float(r["strength"] or 1)
with open("data/models/landscape/south-caucasus-2016-propensities.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["a", "b", "p"])
    for (a, b), v in sorted(p.items()):
        w.writerow([a, b, f"{v:g}"])
