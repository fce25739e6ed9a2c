#!/usr/bin/env python3
"""Consistency check for the scenario YAML files (needs PyYAML only).

usage: python3 scenarios/tools/check_scenarios.py [scenarios/*.yaml]

Checks: YAML parses, no tabs, no anchors/aliases; world ids (12 minerals, countries, one bloc_leader USA,
one china CHN, ROW); every country and mineral id used anywhere is defined; stage parameters in range;
input ratio a(s) = price(s) * (1 - value_added_share(s)) / price(s-1) within [1.0, 1.2]; chain
consistency world(s) * a(s) / (world(s-1) * (1 - other_use_share(s-1))) within [0.8, 1.2]; scenario
rules for extends/bloc/events. Prints a summary. Exit code 1 on any error.
"""
import glob
import os
import sys

import yaml

MINERALS = ['lithium', 'nickel', 'cobalt', 'graphite', 'rare_earths', 'gallium', 'germanium', 'copper',
            'manganese', 'silicon', 'antimony', 'tungsten']
STAGES = ['ore', 'refined', 'product']
STANCE = ['economic', 'security', 'alignment', 'autonomy', 'risk_aversion', 'patience', 'hysteresis']
errors, warnings = [], []


def err(msg):
    errors.append(msg)


def load(path):
    text = open(path, encoding='utf-8').read()
    if '\t' in text:
        err(f'{path}: contains a tab')
    for ev in yaml.parse(text):
        if isinstance(ev, yaml.AliasEvent) or getattr(ev, 'anchor', None):
            err(f'{path}: anchor/alias found')
            break
    return yaml.safe_load(text)


def check_world(path, w):
    ids = [c['id'] for c in w['countries']]
    cset = set(ids)
    if len(ids) != len(cset):
        err('duplicate country ids')
    if 'ROW' not in cset:
        err('ROW missing')
    roles = [(c['id'], c['role']) for c in w['countries'] if c['role'] != 'country']
    if sorted(roles) != [('CHN', 'china'), ('USA', 'bloc_leader')]:
        err(f'roles: {roles}')
    for c in w['countries']:
        if not 0 <= c['stability'] <= 1:
            err(f"{c['id']} stability")
        st = c['stance']
        if set(st) != set(STANCE):
            err(f"{c['id']} stance keys {sorted(st)}")
        if not -1 <= st['alignment'] <= 1:
            err(f"{c['id']} alignment")
    mids = [m['id'] for m in w['minerals']]
    if not set(mids) <= set(MINERALS) or len(set(mids)) != len(mids):
        err(f'{path}: mineral ids {mids} (must be distinct, among the 12)')

    def ctry(where, cid):
        if cid not in cset:
            err(f'{where}: unknown country {cid}')

    def mineral(where, mid):
        if mid not in MINERALS:
            err(f'{where}: unknown mineral {mid}')

    for sect in ('production', 'capacity', 'consumption'):
        for m, stages in (w.get(sect) or {}).items():
            mineral(sect, m)
            for s, cmap in stages.items():
                if s not in STAGES:
                    err(f'{sect}.{m}: bad stage {s}')
                for cid, v in cmap.items():
                    ctry(f'{sect}.{m}.{s}', cid)
                    if v < 0:
                        err(f'{sect}.{m}.{s}.{cid} negative')
    for m, cmap in (w.get('reserves') or {}).items():
        mineral('reserves', m)
        for cid in cmap:
            ctry(f'reserves.{m}', cid)
            # The model caps monthly ore output at reserves / 120 (ten-year mine life) and depletes them: below ~15 years a run cuts 2024 output.
            ore = ((w.get('production') or {}).get(m) or {}).get('ore') or {}
            if isinstance(cmap[cid], (int, float)) and isinstance(ore.get(cid), (int, float)) and cmap[cid] < 20 * ore[cid]:
                err(f'{path}: reserves.{m}.{cid} {cmap[cid]} is under twenty years of ore output {ore[cid]} (gap rule 8)')
    for t in w.get('tariffs') or []:
        ctry('tariffs', t['importer'])
        if 'exporter' in t:
            ctry('tariffs', t['exporter'])
        if 'mineral' in t:
            mineral('tariffs', t['mineral'])
        if t.get('stage') not in (None, *STAGES):
            err(f'tariff stage {t}')
    rows = []
    for m in w['minerals']:
        mid = m['id']
        st = m['stages']
        prod = w['production'].get(mid, {})
        for s in STAGES:
            if s not in prod or not prod[s]:
                err(f'production.{mid}.{s} missing')
            if s not in w['consumption'].get(mid, {}):
                err(f'consumption.{mid}.{s} missing')
            p = st[s]
            if not 0 < p['value_added_share'] < 1:
                err(f'{mid}.{s} value_added_share')
            if not 0 <= p['other_use_share'] <= 1:
                err(f'{mid}.{s} other_use_share')
            if p['demand_elasticity'] >= 0 or p['supply_elasticity'] <= 0 or p['sigma'] <= 0:
                err(f'{mid}.{s} elasticities')
        if st['product']['other_use_share'] != 1.0:
            err(f'{mid}.product other_use_share must be 1.0')
        W = [sum(prod[s].values()) for s in STAGES]
        row = [mid, m['unit'], *W]
        for i in (1, 2):
            s, q = STAGES[i], STAGES[i - 1]
            a = st[s]['price'] * (1 - st[s]['value_added_share']) / st[q]['price']
            if not 0.995 <= a <= 1.205:
                err(f'{mid}.{s}: input ratio a = {a:.3f} outside 1.0-1.2')
            ratio = W[i] * a / (W[i - 1] * (1 - st[q]['other_use_share']))
            if not 0.8 <= ratio <= 1.2:
                err(f'{mid}.{s}: chain ratio {ratio:.3f} outside 0.8-1.2')
            row += [a, ratio]
        rows.append(row)
    print(f'{path}: {len(ids)} countries ({len(ids) - 1} + ROW), {len(mids)} minerals, '
          f"{len(w.get('tariffs') or [])} tariffs")
    print(f"{'mineral':12s} {'ore t/yr':>14s} {'refined t/yr':>14s} {'product t/yr':>14s}   a1    chain1  a2    chain2")
    for r in rows:
        print(f'{r[0]:12s} {r[2]:14,.1f} {r[3]:14,.1f} {r[4]:14,.1f}   {r[5]:.3f} {r[6]:.3f}   {r[7]:.3f} {r[8]:.3f}')
    return cset


def check_scenario(path, sc, cset, world_rounds=None):
    for k in ('name', 'question', 'extends', 'seed', 'rounds', 'start_month'):
        if k not in sc:
            err(f'{path}: missing {k}')
    rounds = sc.get('rounds', 0)
    bloc = sc.get('bloc')
    ids = set()
    if bloc:
        eligible = bloc.get('eligible', bloc['founders'])
        for cid in bloc['founders'] + eligible:
            if cid not in cset:
                err(f'{path}: bloc country {cid} unknown')
        if not set(bloc['founders']) <= set(eligible):
            warnings.append(f'{path}: founders not all in eligible')
        refined = {f['mineral'] for f in bloc['floors'] if f['stage'] == 'refined'}
        for f in bloc['floors']:
            if f['mineral'] not in MINERALS:
                err(f'{path}: floor mineral {f["mineral"]}')
        print(f'{path}: bloc {bloc["name"]}: {len(bloc["founders"])} founders, {len(eligible)} eligible, '
              f'{len(refined)} refined floors')
    for ev in sc.get('events') or []:
        r = ev['round']
        if not 1 <= r <= rounds:
            err(f'{path}: event round {r} outside 1..{rounds}')
        (kind, body), = [(k, v) for k, v in ev.items() if k != 'round']
        for key in ('country', 'exporter'):
            if key in body and body[key] not in cset:
                err(f'{path}: {kind} {key} {body[key]} unknown')
        for key in ('targets', 'hubs'):
            if isinstance(body.get(key), list):
                for cid in body[key]:
                    if cid not in cset:
                        err(f'{path}: {kind} {key} {cid} unknown')
        if 'mineral' in body and body['mineral'] not in MINERALS:
            err(f'{path}: {kind} mineral {body["mineral"]}')
        for mid in body.get('minerals', []):
            if mid not in MINERALS:
                err(f'{path}: {kind} mineral {mid}')
        for s in body.get('stages', []):
            if s not in STAGES:
                err(f'{path}: {kind} stage {s}')
        if kind == 'export_control':
            if body['id'] in ids:
                err(f'{path}: duplicate control id {body["id"]}')
            ids.add(body['id'])
            if not 1 <= body['effective'] <= rounds:
                err(f'{path}: {body["id"]} effective round')
        if kind == 'suspend_control' and body['id'] not in ids:
            err(f'{path}: suspend of unknown/later id {body["id"]}')
        if kind == 'section232' and not 1 <= body['deadline'] <= rounds:
            err(f'{path}: 232 deadline')
    print(f"{path}: {len(sc.get('events') or [])} events, start {sc.get('start_month')}, {rounds} rounds")


def main(paths):
    docs = {p: load(p) for p in paths}
    worlds = {p: d for p, d in docs.items() if 'countries' in d}
    csets = {os.path.basename(p): check_world(p, d) for p, d in worlds.items()}
    for p, d in docs.items():
        if 'extends' in d:
            base = d['extends']
            if base not in csets:
                bp = os.path.join(os.path.dirname(p), base)
                csets[base] = check_world(bp, load(bp))
            check_scenario(p, d, csets[base])
    for w in warnings:
        print('WARNING:', w)
    for e in errors:
        print('ERROR:', e)
    print('OK' if not errors else f'{len(errors)} error(s)')
    return 1 if errors else 0


if __name__ == '__main__':
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    sys.exit(main(sys.argv[1:] or sorted(glob.glob(os.path.join(here, '*.yaml')))))
