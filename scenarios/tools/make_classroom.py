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


def flow(d):
    return "{ " + ", ".join(f"{k}: {v:g}" if isinstance(v, (int, float)) else f"{k}: {v}" for k, v in d.items()) + " }"


def write_world(o, w, keep, minerals, order=lambda x: -x[1]):
    """Writes the world sections (minerals to tariffs) for the countries in `keep`, folding the rest into ROW.

    `order` sorts each folded table's (country, value) pairs; make_classroom40.py breaks ties by id."""
    def fold(table):
        out = {}
        for c, v in table.items():
            k = c if c in keep else "ROW"
            out[k] = out.get(k, 0) + v
        return {c: round(v, 4) for c, v in sorted(out.items(), key=order) if v > 0}

    o.write("minerals:\n")
    for m in w["minerals"]:
        if m["id"] not in minerals:
            continue
        o.write(f"  - id: {m['id']}\n    name: {m['name']}\n    unit: {m['unit']}\n    demand_growth: {m['demand_growth']}\n    capacity_growth: {m['capacity_growth']}\n    stages:\n")
        for s in ["ore", "refined", "product"]:
            o.write(f"      {s}: {flow(m['stages'][s])}\n")
    o.write("countries:\n")
    for c in w["countries"]:
        if c["id"] in keep:
            o.write(f"  - {{ id: {c['id']}, name: {c['name']}, role: {c['role']}, stability: {c['stability']}, stance: {flow(c['stance'])} }}\n")
    for key in ["production", "capacity", "consumption"]:
        o.write(f"{key}:\n")
        for m in minerals:
            if m not in w.get(key, {}):
                continue
            o.write(f"  {m}:\n")
            for s, t in w[key][m].items():
                o.write(f"    {s}: {flow(fold(t))}\n")
    o.write("reserves:\n")
    for m in minerals:
        o.write(f"  {m}: {flow(fold(w['reserves'][m]))}\n")
    o.write("tariffs:\n")
    for t in w["tariffs"]:
        if t["mineral"] in minerals and t["importer"] in keep and t["exporter"] in keep:
            o.write("  - " + flow(t) + "\n")


if __name__ == "__main__":
    write_world(sys.stdout, yaml.safe_load(open("scenarios/world-2024.yaml")), KEEP, KEEP_MINERALS)
