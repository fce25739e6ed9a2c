// The world view: one tile per country in world order (a stable place for each), coloured by its bloc status, with a
// stance marker (alignment, China at the left, the US bloc at the right), and the round's links drawn between tiles.
// Negotiated deals are focusable (Tab) and show their terms on hover or focus; the deal list below does the same.
const NS = 'http://www.w3.org/2000/svg';
const TILE_W = 64, TILE_H = 40, GAP = 8;

function el(name, attrs, parent) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  parent?.append(e);
  return e;
}

let layoutFor = null; // the RunInfo the tiles were laid out for
let tiles = new Map(); // country id -> { g, rect, x, y }
let linkLayer = null;
const KINDS = ['signed', 'contract', 'join', 'withdrawn', 'threat', 'duty', 'control'];
const NAMES = { signed: 'deal signed', contract: 'deal in force', join: 'bloc join', withdrawn: 'threat withdrawn',
  threat: 'Section 232 threat', duty: 'Section 232 duty', control: 'export control' };

function layout(svg, info) {
  svg.replaceChildren();
  tiles = new Map();
  layoutFor = info;
  if (!info) return;
  const n = info.countries.length;
  const cols = Math.max(3, Math.ceil(Math.sqrt(n * 2.2)));
  const rows = Math.ceil(n / cols);
  const width = cols * (TILE_W + GAP) + GAP;
  svg.setAttribute('viewBox', `0 0 ${width} ${rows * (TILE_H + GAP) + GAP}`);
  svg.style.maxWidth = `${Math.round(width * 1.5)}px`; // a small world stays readable instead of filling the screen
  const defs = el('defs', {}, svg);
  for (const kind of KINDS) {
    const m = el('marker', { id: `arrow-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto-start-reverse' }, defs);
    el('path', { d: 'M0,0 L10,5 L0,10 z', class: `arrow ${kind}` }, m);
  }
  const tileLayer = el('g', {}, svg);
  info.countries.forEach((c, i) => {
    const x = GAP + (i % cols) * (TILE_W + GAP), y = GAP + Math.floor(i / cols) * (TILE_H + GAP);
    const g = el('g', { class: 'tile', 'data-country': c.id, style: 'cursor:pointer' }, tileLayer);
    const title = el('title', {}, g);
    const rect = el('rect', { x, y, width: TILE_W, height: TILE_H, rx: 4 }, g);
    const text = el('text', { x: x + TILE_W / 2, y: y + 17 }, g);
    text.textContent = c.id;
    // Stance: a track across the tile and a dot at the country's alignment (−1 … +1).
    el('line', { class: 'stance-track', x1: x + 8, x2: x + TILE_W - 8, y1: y + 30, y2: y + 30 }, g);
    el('circle', { class: 'stance', cx: x + TILE_W / 2 + (c.alignment * (TILE_W / 2 - 8)), cy: y + 30, r: 3.5 }, g);
    tiles.set(c.id, { g, rect, title, x: x + TILE_W / 2, y: y + TILE_H / 2, country: c });
  });
  linkLayer = el('g', {}, svg);
}

/** Hovering or focusing a deal (its line or its list item) lights both and shows its terms. */
export function onDealFocus(svg, list, detail) {
  const show = (id) => {
    for (const e of document.querySelectorAll('[data-deal].hot')) e.classList.remove('hot');
    const link = id && svg.querySelector(`path[data-deal="${id}"]`);
    if (!link) { detail.textContent = ''; return; }
    for (const e of document.querySelectorAll(`[data-deal="${id}"]`)) e.classList.add('hot');
    detail.textContent = link.getAttribute('aria-label');
  };
  for (const root of [svg, list]) {
    for (const on of ['mouseover', 'focusin']) root.addEventListener(on, (e) => show(e.target.closest?.('[data-deal]')?.dataset.deal));
    for (const off of ['mouseout', 'focusout']) root.addEventListener(off, () => show(null));
  }
}

function statusOf(country, view, members, joining, leaving) {
  if (country.role === 'china') return 'china';
  if (!view) return 'outsider';
  if (leaving.has(country.id)) return 'leaving';
  if (members.has(country.id)) return 'member';
  if (joining.has(country.id)) return 'joining';
  return 'outsider';
}

/** Clicking a tile picks that country (the page shows its supply security). */
export function onCountryClick(svg, pick) {
  svg.addEventListener('click', (e) => {
    const tile = e.target.closest?.('[data-country]');
    if (tile) pick(tile.dataset.country);
  });
}

export function drawWorld(svg, summary, list, info, view, table, dealList) {
  if (info !== layoutFor) layout(svg, info);
  if (!info) { summary.textContent = 'No scenario loaded.'; return; }
  const members = new Set(view?.members ?? []), joining = new Set(view?.joining ?? []), leaving = new Set(view?.leaving ?? []);
  for (const t of tiles.values()) {
    const s = statusOf(t.country, view, members, joining, leaving);
    t.rect.setAttribute('class', s);
    t.g.dataset.status = s;
    const align = t.country.alignment >= 0 ? `+${t.country.alignment.toFixed(2)}` : t.country.alignment.toFixed(2);
    t.title.textContent = `${t.country.name} (${t.country.id}): ${s}; alignment ${align}, security weight ${t.country.security.toFixed(2)}`;
  }
  if (table?.closest('details')?.open) { // built only while someone reads it
    table.tBodies[0].replaceChildren(...[...tiles.values()].map((t) => {
      const tr = document.createElement('tr');
      for (const text of [`${t.country.name} (${t.country.id})`, t.g.dataset.status, t.country.alignment.toFixed(2), t.country.security.toFixed(2)]) {
        const td = document.createElement('td'); td.textContent = text; tr.append(td);
      }
      return tr;
    }));
  }
  // Redrawn every round: keep the keyboard's place on a deal that is still there.
  const focused = document.activeElement?.closest?.('[data-deal]');
  const refocus = focused && { deal: focused.dataset.deal, inList: dealList?.contains(focused) };
  linkLayer.replaceChildren();
  const links = view?.links ?? [];
  const items = [];
  links.forEach((l, k) => {
    const a = tiles.get(l.from), b = tiles.get(l.to);
    const li = document.createElement('li');
    li.textContent = `${NAMES[l.kind] ?? l.kind}: ${l.from} → ${l.to === '*' ? 'every other country' : l.to} (${l.label})`;
    if (a && l.to === '*') { // a control on everyone: a ring around the exporter
      el('circle', { class: `link ${l.kind} ring`, cx: a.x, cy: a.y, r: TILE_W / 2 + 4 + 4 * (k % 4), 'data-kind': l.kind, 'aria-hidden': 'true' }, linkLayer);
      items.push(li);
      return;
    }
    if (!a || !b || a === b) return;
    // A gentle curve, bent a little differently for each link so parallel ones stay apart.
    const mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2, dx = b.x - a.x, dy = b.y - a.y;
    const bend = 0.15 + 0.05 * (k % 3);
    const cx = mx - dy * bend, cy = my + dx * bend;
    const shorten = (px, py, qx, qy) => { const d = Math.hypot(qx - px, qy - py) || 1; return [qx - (qx - px) * 18 / d, qy - (qy - py) * 18 / d]; };
    const [ex, ey] = shorten(cx, cy, b.x, b.y);
    const path = el('path', { class: `link ${l.kind}`, d: `M${a.x},${a.y} Q${cx},${cy} ${ex},${ey}`, 'marker-end': `url(#arrow-${l.kind})`, 'data-kind': l.kind }, linkLayer);
    if (l.deal) {
      path.dataset.deal = l.deal;
      path.setAttribute('tabindex', '0');
      path.setAttribute('role', 'img');
      path.setAttribute('aria-label', l.label);
      el('title', {}, path).textContent = l.label;
    } else {
      path.setAttribute('aria-hidden', 'true');
    }
    items.push(li);
  });
  list.replaceChildren(...items);
  dealList?.replaceChildren(...links.filter((l) => l.deal).map((l) => {
    const li = document.createElement('li');
    li.tabIndex = 0;
    li.dataset.deal = l.deal;
    li.dataset.kind = l.kind;
    li.textContent = l.label;
    return li;
  }));
  if (refocus) (refocus.inList ? dealList : svg).querySelector(`[data-deal="${refocus.deal}"]`)?.focus();
  const count = (kind) => links.filter((l) => l.kind === kind).length;
  summary.textContent = view
    ? `Round ${view.round} (${view.month}): ${view.members.length} members of ${info.blocName || 'the bloc'}` +
      `${joining.size ? `, ${joining.size} joining` : ''}${leaving.size ? `, ${leaving.size} leaving` : ''}; ` +
      `${count('signed')} deals signed, ${count('contract')} in force, ${count('join')} joins, ${count('withdrawn')} threats withdrawn, ` +
      `${count('threat')} threats, ${count('duty')} duties, ${count('control')} control links; ` +
      `bloc ${view.internallyStable ? 'internally stable' : 'internally unstable'}, ${view.externallyStable ? 'externally stable' : 'externally unstable'}.`
    : `${info.countries.length} countries; no round yet.`;
}
