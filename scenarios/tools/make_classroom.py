"""Builds classroom-wargame.yaml's world from world-2024.yaml: 4 minerals, 9 countries + ROW.

Every country left out is folded into ROW (production, capacity and reserves summed; consumption shares summed),
so world totals and prices stay those of world-2024.yaml. Run from the repository root:
    python3 scenarios/tools/make_classroom.py > /tmp/world.yaml
and paste the output over classroom-wargame.yaml's world (from `minerals:` to the blank line before `bloc:`).
"""
import sys
import yaml

KEEP_MINERALS = ["lithium", "cobalt", "rare_earths", "gallium"]
KEEP = ["USA", "CHN", "AUS", "JPN", "KOR", "DEU", "IND", "COD", "IDN", "ROW"]

w = yaml.safe_load(open("scenarios/world-2024.yaml"))

def fold(table):
    out = {}
    for c, v in table.items():
        k = c if c in KEEP else "ROW"
        out[k] = out.get(k, 0) + v
    return {c: round(v, 4) for c, v in sorted(out.items(), key=lambda x: -x[1]) if v > 0}

def flow(d):
    return "{ " + ", ".join(f"{k}: {v:g}" if isinstance(v, (int, float)) else f"{k}: {v}" for k, v in d.items()) + " }"

o = sys.stdout
o.write("minerals:\n")
for m in w["minerals"]:
    if m["id"] not in KEEP_MINERALS:
        continue
    o.write(f"  - id: {m['id']}\n    name: {m['name']}\n    unit: {m['unit']}\n    demand_growth: {m['demand_growth']}\n    capacity_growth: {m['capacity_growth']}\n    stages:\n")
    for s in ["ore", "refined", "product"]:
        o.write(f"      {s}: {flow(m['stages'][s])}\n")
o.write("countries:\n")
for c in w["countries"]:
    if c["id"] in KEEP:
        o.write(f"  - {{ id: {c['id']}, name: {c['name']}, role: {c['role']}, stability: {c['stability']}, stance: {flow(c['stance'])} }}\n")
for key in ["production", "capacity", "consumption"]:
    o.write(f"{key}:\n")
    for m in KEEP_MINERALS:
        if m not in w.get(key, {}):
            continue
        o.write(f"  {m}:\n")
        for s, t in w[key][m].items():
            o.write(f"    {s}: {flow(fold(t))}\n")
o.write("reserves:\n")
for m in KEEP_MINERALS:
    o.write(f"  {m}: {flow(fold(w['reserves'][m]))}\n")
o.write("tariffs:\n")
for t in w["tariffs"]:
    if t["mineral"] in KEEP_MINERALS and t["importer"] in KEEP and t["exporter"] in KEEP:
        o.write("  - " + flow(t) + "\n")
