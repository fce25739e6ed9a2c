// The live page: keeps the rounds the server pushed (or the snapshot it caught up from), redraws once per animation
// frame when something changed, and sends the viewer's commands. It knows RoundView data only, not the model.
import { drawWorld, onCountryClick, onDealFocus } from './world.js';

const $ = (id) => document.getElementById(id);
const state = { info: null, status: null, rounds: [], shown: null, dirty: true, frames: 0, scenarios: [], latencies: [] };
window.negsim = state; // for tests and for anyone curious in the console

const conn = new signalR.HubConnectionBuilder().withUrl('hub').withAutomaticReconnect().build();

conn.on('update', (u) => {
  const runChanged = !state.status || u.status.runId !== state.status.runId;
  if (u.reset || runChanged) { resync(); return; }
  for (const r of u.rounds) {
    if (r.round === state.rounds.length + 1) state.rounds.push(r);
    else if (r.round > state.rounds.length + 1) { resync(); return; } // a gap: catch up from a snapshot
  }
  state.status = u.status;
  invalidate();
});
conn.onreconnected(resync);

let resyncing = null;
async function resync() {
  if (resyncing) return resyncing;
  resyncing = (async () => {
    const s = await conn.invoke('Snapshot');
    const newRun = !state.info || !s.info || s.info.runId !== state.info.runId;
    state.info = s.info; state.status = s.status; state.rounds = s.rounds;
    if (newRun) { state.shown = null; setupRun(); }
    invalidate();
  })().finally(() => { resyncing = null; });
  return resyncing;
}

function invalidate() {
  if (state.dirty) return;
  state.dirty = true;
  requestAnimationFrame(draw);
}

// ---- commands -------------------------------------------------------------------------------------------------------
async function command(name, ...args) {
  $('message').textContent = '';
  try {
    const answer = await conn.invoke(name, ...args);
    if (Array.isArray(answer) && answer.length) $('message').textContent = answer.join('\n');
    else if (answer && answer.error) $('message').textContent = answer.error;
  } catch (e) {
    $('message').textContent = `${name} failed: ${e.message}`;
  }
}
$('btn-start').addEventListener('click', () => command('Start'));
$('btn-pause').addEventListener('click', () => command('Pause'));
$('btn-step').addEventListener('click', () => command('Step'));
$('speed').addEventListener('change', () => command('SetSpeed', Number($('speed').value)));
$('btn-load').addEventListener('click', () => command('Load', $('scenario').value, null, null));
$('round-slider').addEventListener('input', () => {
  const v = Number($('round-slider').value);
  state.shown = v >= state.rounds.length ? null : v; // the right end follows the run
  invalidate();
});
for (const id of ['price-mineral', 'price-stage', 'security-country', 'timeline-filter']) $(id).addEventListener('change', () => { if (id !== 'timeline-filter' && id !== 'security-country') priceData = null; invalidate(); });

onCountryClick($('world-map'), (id) => { $('security-country').value = id; invalidate(); });
onDealFocus($('world-map'), $('deal-list'), $('deal-detail'));
$('country-table').closest('details').addEventListener('toggle', invalidate);

// ---- per-run setup --------------------------------------------------------------------------------------------------
function options(select, items, selected) {
  select.replaceChildren(...items.map(([value, text]) => {
    const o = document.createElement('option');
    o.value = value; o.textContent = text; o.selected = value === selected;
    return o;
  }));
}

function setupRun() {
  const info = state.info;
  priceData = null;
  if (!info) return;
  $('scenario-title').textContent = `${info.scenario} (${info.file}, seed ${info.seed}): ${info.question}`;
  const keepMineral = $('price-mineral').value;
  options($('price-mineral'), info.minerals.map((m) => [m, m]), info.minerals.includes(keepMineral) ? keepMineral : info.minerals[0]);
  options($('price-stage'), info.stages.map((s) => [s, s]), $('price-stage').value || 'refined');
  if (!info.stages.includes($('price-stage').value)) $('price-stage').value = info.stages[1] ?? info.stages[0];
  const keepCountry = $('security-country').value;
  const leader = info.countries.find((c) => c.role === 'leader');
  const pick = info.countries.some((c) => c.id === keepCountry) ? keepCountry : (leader ?? info.countries[0]).id;
  options($('security-country'), info.countries.map((c) => [c.id, `${c.name} (${c.id})`]), pick);
  if ($('scenario').value !== info.file) $('scenario').value = info.file;
}

async function loadScenarios() {
  const list = await conn.invoke('Scenarios');
  state.scenarios = list;
  options($('scenario'), list.map((s) => [s.file, s.error ? `${s.file} — cannot run: ${s.error}` : `${s.name} (${s.file}, ${s.rounds} rounds)`]), state.info?.file);
  for (const o of $('scenario').options) o.disabled = list.find((s) => s.file === o.value)?.error != null;
}

// ---- drawing --------------------------------------------------------------------------------------------------------
const fmt = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const pct = (x) => (x == null ? '–' : `${(x * 100).toFixed(0)}%`);
const money = (x) => (x == null ? '–' : fmt.format(x));
const css = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

function draw() {
  state.dirty = false;
  state.frames++;
  const st = state.status;
  const n = state.rounds.length;
  const total = st?.rounds ?? 0;
  const shownRound = state.shown ?? n;
  const view = shownRound > 0 ? state.rounds[shownRound - 1] : null;

  $('round-counter').textContent = `Round ${n} / ${total}` + (n ? ` · ${state.rounds[n - 1].month}` : '');
  $('round-counter').dataset.round = String(n);
  const members = view ? view.members.length : 0;
  $('member-count').textContent = view ? `${members} bloc members in round ${view.round}` : '0 bloc members';
  $('member-count').dataset.members = String(members);
  $('status').textContent = st ? statusText(st) : 'no scenario';
  $('status').dataset.status = st?.status ?? 'Empty';
  const running = st?.status === 'Running';
  $('btn-start').disabled = !st || st.status === 'Empty' || running;
  $('btn-pause').disabled = !running;
  $('btn-step').disabled = !st || st.status === 'Empty';
  $('btn-start').textContent = st && (st.status === 'Finished' || st.status === 'Failed') ? 'Start again' : 'Start';
  if (st && document.activeElement !== $('speed')) {
    const speed = String(st.speed);
    if (![...$('speed').options].some((o) => o.value === speed)) $('speed').add(new Option(`${speed} rounds/s`, speed));
    $('speed').value = speed;
  }

  const slider = $('round-slider');
  slider.min = n ? '1' : '0';
  slider.max = String(n);
  if (document.activeElement !== slider || state.shown == null) slider.value = String(shownRound);
  $('slider-value').textContent = state.shown == null ? `live (round ${n})` : `round ${shownRound}`;
  slider.setAttribute('aria-valuetext', state.shown == null ? `round ${n}, following the run` : `round ${shownRound}`);

  drawWorld($('world-map'), $('world-summary'), $('link-list'), state.info, view, $('country-table'), $('deal-list'));
  drawPrices(shownRound);
  drawSecurity(view);
  drawTimeline(shownRound);
  // Round completed on the server → drawn here (same machine, same clock): the bench reads these.
  if (n && state.latencies.length < 10000 && state.lastDrawn !== n) state.latencies.push(Date.now() - state.rounds[n - 1].completedAtMs);
  state.lastDrawn = n;
}

function statusText(st) {
  const speed = st.speed > 0 ? `${st.speed} rounds/s` : 'full speed';
  const what = { Ready: 'ready', Running: `running at ${speed}`, Paused: 'paused', Finished: 'finished', Failed: 'failed', Empty: 'no scenario' }[st.status];
  return st.error ? `${what}: ${st.error}` : what;
}

let plot = null;
let priceData = null; // [rounds, member, outsider, china, floor] for the picked market, extended as rounds arrive
function drawPrices(shownRound) {
  const mineral = $('price-mineral').value, stage = $('price-stage').value;
  if (priceData && priceData[0].length > state.rounds.length) priceData = null; // a restart: rebuild
  if (!priceData) priceData = [[], [], [], [], []];
  for (let i = priceData[0].length; i < state.rounds.length; i++) {
    const p = state.rounds[i].prices.find((x) => x.mineral === mineral && x.stage === stage);
    priceData[0].push(i + 1);
    priceData[1].push(p?.member ?? null); priceData[2].push(p?.outsider ?? null);
    priceData[3].push(p?.china ?? null); priceData[4].push(p?.floor ?? null);
  }
  const el = $('price-chart');
  const width = Math.max(300, el.clientWidth || 500);
  if (!plot || plot.width !== width) {
    plot?.destroy();
    plot = new uPlot({
      width, height: 240, scales: { x: { time: false } },
      legend: { live: false },
      axes: [{ label: 'round', stroke: css('--fg'), incrs: [1, 2, 5, 10, 20, 50, 100, 200] },
        { stroke: css('--fg'), size: 60, values: (_, ticks) => ticks.map((v) => compact.format(v)) }],
      series: [{ label: 'round' },
        { label: 'in bloc', stroke: css('--member'), width: 2 },
        { label: 'outside', stroke: css('--leaving'), width: 2 },
        { label: 'China', stroke: css('--china'), width: 2 },
        { label: 'floor', stroke: css('--floor'), dash: [6, 4], width: 1.5 }],
      plugins: [{ hooks: { draw: [(u) => markRound(u)] } }],
    }, priceData, el);
  }
  plot.shownRound = shownRound;
  plot.setData(priceData);
  const p = state.rounds[shownRound - 1]?.prices.find((x) => x.mineral === mineral && x.stage === stage);
  const cells = $('price-table').tBodies[0].rows[0].cells;
  [p?.member, p?.outsider, p?.china, p?.floor].forEach((v, i) => { cells[i].textContent = money(v); });
}

/** A vertical line at the round the slider shows. */
function markRound(u) {
  if (!u.shownRound) return;
  const x = Math.round(u.valToPos(u.shownRound, 'x', true));
  const ctx = u.ctx;
  ctx.save(); ctx.strokeStyle = css('--muted'); ctx.lineWidth = 1;
  ctx.beginPath(); ctx.moveTo(x, u.bbox.top); ctx.lineTo(x, u.bbox.top + u.bbox.height); ctx.stroke(); ctx.restore();
}

function drawSecurity(view) {
  const info = state.info;
  const body = $('security-table').tBodies[0];
  if (!info || !view) { body.replaceChildren(); return; }
  const ci = info.countries.findIndex((c) => c.id === $('security-country').value);
  const china = info.countries.findIndex((c) => c.role === 'china');
  $('reliance-h').textContent = `${info.countries[ci]?.name ?? ''} import reliance`;
  body.replaceChildren(...info.minerals.map((m, mi) => {
    const tr = document.createElement('tr');
    const th = document.createElement('th'); th.scope = 'row'; th.textContent = m; tr.append(th);
    tr.append(barCell('reliance', view.importReliance[ci]?.[mi]), barCell('share', china >= 0 ? view.refinedShare[china][mi] : null));
    return tr;
  }));
}

function barCell(kind, value) {
  const td = document.createElement('td');
  td.innerHTML = `<div class="bar ${kind}"><span style="width:${value == null ? 0 : (value * 100).toFixed(1)}%"></span><b>${pct(value)}</b></div>`;
  return td;
}

const groups = {
  deals: ['deal-signed', 'force-majeure', 'negotiation-opened', 'negotiation-failed', 'deal-investment', 'contract-honoured'],
  membership: ['joined', 'left', 'decides-to-join', 'decides-to-leave', 'exit', 'alignment'],
  threats: ['section232-threat', 'section232-imposed', 'section232-lapsed', 'section232-ended', 'section232-dropped'],
  controls: ['export-control-announced', 'export-control-suspended', 'flood', 'floor-review', 'stockpile'],
  shocks: ['disruption'],
  finance: ['finance-offered', 'finance-committed'],
};
const groupOf = (kind) => Object.keys(groups).find((g) => groups[g].includes(kind)) ?? 'other';

function drawTimeline(shownRound) {
  const filter = $('timeline-filter').value;
  const items = [];
  for (let r = shownRound; r >= 1 && items.length < 300; r--) {
    for (const e of state.rounds[r - 1].events) {
      const g = groupOf(e.kind);
      if (filter !== 'all' && g !== filter) continue;
      const li = document.createElement('li');
      const kind = document.createElement('span'); kind.className = `kind ${g}`; kind.textContent = `R${e.round} ${e.kind}`;
      const who = [e.country, e.mineral, e.stage].filter(Boolean).join(' ');
      li.append(kind, document.createTextNode(` ${who}: ${e.reason}`));
      items.push(li);
    }
  }
  $('event-list').replaceChildren(...items);
}

// ---- start ----------------------------------------------------------------------------------------------------------
window.addEventListener('resize', invalidate);
(async () => {
  try {
    await conn.start();
    await resync();
    await loadScenarios();
  } catch (e) {
    $('message').textContent = `cannot reach the server: ${e.message}`;
  }
  invalidate();
})();
state.dirty = false;
