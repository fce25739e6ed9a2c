"use strict";
const { el, fill, api, table, clockText, say, money, num, prose } = WG;
let code = WG.secret("code");
const H = () => ({ "X-Team-Code": code || "" });
let view = null;
let built = false;

function levels() { return [...document.querySelectorAll("#issues select")].map(s => Number(s.value)); }
function offerBody() {
  return { round: view.clock.round, partner: document.getElementById("partner").value, role: document.getElementById("role").value,
    mineral: document.getElementById("mineral").value, stage: document.getElementById("stage").value, levels: levels(),
    counters: document.getElementById("counters").value || null };
}

// "Korea (KOR)": the name for people, the id as the value the server takes.
function countryLabel(id) { const n = view.countryNames && view.countryNames[id]; return n ? n + " (" + id + ")" : id; }

// Refills a select only when its choices change, so a refresh (every hub message) keeps what the team picked.
function choices(id, items) {
  const s = document.getElementById(id), key = JSON.stringify(items);
  if (s.dataset.choices === key) return;
  const was = s.value;
  s.replaceChildren(...items.map(([v, label]) => el("option", { value: v }, label)));
  s.dataset.choices = key;
  if (items.some(([v]) => v === was)) s.value = was;
}

const blocLabels = { stay: "stay as we are", join: "join", leave: "leave" };
const threatLabels = { comply: "comply (join the bloc)", defy: "defy" };
const cap = w => w[0].toUpperCase() + w.slice(1);
// Only the moves the engine would carry out are offered; a closed one says why in a line under the form.
function showBlocMoves(m) {
  choices("bloc", m.bloc.map(b => [cap(b), blocLabels[b] || b]));
  choices("threat", [["None", "no answer"], ...m.threat.map(t => [cap(t), threatLabels[t] || t])]);
  document.getElementById("threat-box").hidden = m.threat.length === 0;
  fill("closed-moves", Object.entries(m.closed).filter(([c]) => c in blocLabels || m.threat.length > 0)
    .map(([c, why]) => el("li", { "data-closed": c }, "No " + c + ": " + prose(why))));
}

// Whether the team has moved matters only while a round is open; the move recorded is named, so a reload still shows it.
function moveWords(m) { return (blocLabels[m.bloc.toLowerCase()] || m.bloc) + (m.threat && m.threat !== "None" ? ", " + (threatLabels[m.threat.toLowerCase()] || m.threat) : ""); }
function movedText() {
  if (view.clock.phase !== "Running" && view.clock.phase !== "Paused") return "";
  return view.moved ? " · moved" + (view.move ? " (" + moveWords(view.move) + ")" : "") : " · not moved yet";
}
// The form starts from the move recorded for this round (once per recorded move, so a refresh keeps what the team is picking).
let shownMove = null;
function showRecordedMove() {
  const key = JSON.stringify(view.move || null) + view.clock.round;
  if (key === shownMove) return;
  shownMove = key;
  if (!view.move) return;
  for (const [id, v] of [["bloc", view.move.bloc], ["threat", view.move.threat]])
    if ([...document.getElementById(id).options].some(o => o.value === v)) document.getElementById(id).value = v;
}

function build() {
  built = true;
  fill("partner", view.partners.map(p => el("option", { value: p }, countryLabel(p))));
  fill("mineral", view.minerals.map(m => el("option", { value: m }, m)));
  fill("issues", view.issues.map((i, k) => el("label", {}, i.name + " ",
    el("select", { "data-issue": i.name }, i.labels.map((l, j) => el("option", { value: j, selected: j === (k === 1 ? 2 : 0) }, l))))));
  const b = view.briefing;
  if (b) fill("briefing", [
    el("p", {}, b.name + " (" + b.country + "), " + (b.member ? "a member of the bloc" : "outside the bloc") + "; negotiating style of the computer in this seat: " + b.strategy),
    el("p", {}, "Stance: economic " + b.stance.economic + ", security " + b.stance.security + ", alignment " + b.stance.alignment + ", autonomy " + b.stance.autonomy + ", patience " + b.stance.patience),
    el("h3", {}, "Position (first round, t/month)"),
    table(["Mineral", "Stage", "Output (capacity used)", "Use", "Imports", "Exports", "From China"],
      b.position.map(p => [p.mineral, p.stage, num(p.output), num(p.use), num(p.imports), num(p.exports), num(p.importsFromChina)])),
    el("h3", {}, "Dependencies"), el("ul", {}, b.dependencies.length ? b.dependencies.map(d => el("li", {}, d)) : el("li", {}, "none above 10%")),
    el("h3", {}, "Objectives"), el("ul", {}, b.objectives.map(o => el("li", {}, o)))]);
}

async function refresh() {
  if (!code) { document.getElementById("login").hidden = false; return; }
  try { view = await api("GET", "team", H()); } catch (e) { say("move-note", e.message, true); return; }
  fill("team", view.teamName);
  fill("country", view.country ? "plays " + view.country : "no country yet");
  fill("clock", clockText(view.clock) + movedText());
  // A team without a country has nothing to move or offer yet: it picks one (or waits for the instructor) first.
  document.getElementById("pick-box").hidden = !!view.country || view.freeSeats.length === 0;
  for (const id of ["brief", "play", "offers"]) document.getElementById(id).hidden = !view.country;
  document.getElementById("no-seat").hidden = !!view.country;
  if (!view.country) {
    fill("no-seat", view.freeSeats.length ? "Pick a country to play above; your move and offers appear here once you play one."
      : "Every country is taken: ask the instructor to give your team one.");
    choices("pick", view.freeSeats.map(c => [c, countryLabel(c)]));
  }
  if (view.blocMoves) { showBlocMoves(view.blocMoves); showRecordedMove(); }
  // Moves, offers and answers count only while the game runs: the buttons say so instead of failing.
  const running = view.clock.phase === "Running";
  for (const id of ["move", "propose"]) {
    const b = document.getElementById(id);
    b.disabled = !running;
    b.title = running ? "" : "the game is " + WG.phaseText(view.clock.phase);
  }
  if (!built && view.country && view.briefing && view.briefing.position.length) build();
  fill("threats", [...view.threats.map(t => el("span", { class: "note bad" }, "Threat: " + prose(t))),
    ...(view.duty ? [el("span", { class: "note bad" }, "Duty in force: " + prose(view.duty))] : [])]);
  fill("messages", view.messages.map(m => el("p", { class: "message" }, "Instructor: " + m)));
  fill("offer-list", table(["Id", "From → to", "Terms", "Worth to us", "No deal", "Status", ""], view.offers.map(o => [
    o.id, o.from + " → " + o.to, o.buyer + " buys " + o.mineral + " " + o.stage + " from " + o.seller + ": " + o.terms,
    money(o.valueToMe), money(o.noDealForMe), o.status + (o.why ? " – " + prose(o.why) : ""),
    o.to === view.country && o.status === "open" && running ? [
      el("button", { on: { click: () => answer(o, true) } }, "Accept"),
      el("button", { on: { click: () => answer(o, false) } }, "Reject"),
      el("button", { on: { click: () => counter(o) } }, "Counter")] : ""])));
  WGVotes.team(view, H, refresh);
  const w = view.world;
  fill("world-view", w ? [el("p", {}, "Round " + w.round + " (" + w.month + ") · bloc: " + w.members.join(", ")),
    table(["Market", "Bloc", "Outside", "China", "Floor"], w.prices.map(p => [p.mineral + " " + p.stage, num(p.member), num(p.outsider), num(p.china), num(p.floor)])),
    // What the scenario's information rules let this team see, and in words what they keep from it.
    el("h3", {}, "Production and trade we can see (t/month)"), el("div", { id: "rows" }, table(["Country", "Mineral", "Stage", "As of round", "Output", "Use", "Imports", "Exports", "From China"],
      w.rows.map(r => [r.country, r.mineral, r.stage, r.country === view.country ? w.round : w.othersRound, num(r.output), num(r.use), num(r.imports), num(r.exports), num(r.importsFromChina)]))),
    el("ul", { id: "sight" }, (w.hidden || []).map(h => el("li", { class: "note" }, h))),
    el("h3", {}, "Deals"), el("ul", { id: "deals" }, w.deals.map(d => el("li", {}, d.id + ": " + d.buyer + " buys " + d.mineral + " " + d.stage + " from " + d.seller + " (" + d.note + ")"))),
    el("h3", {}, "Events"), el("ul", {}, w.events.slice(-15).map(e => el("li", {}, "r" + e.round + " " + e.kind + " " + e.country + ": " + prose(e.reason))))] : "The game has not started.");
}

async function answer(o, accept) {
  try { await api("POST", "answer", H(), { round: view.clock.round, offerId: o.id, accept }); say("offer-note", (accept ? "accepted " : "rejected ") + o.id); await refresh(); }
  catch (e) { say("offer-note", e.message, true); }
}
function counter(o) {
  document.getElementById("partner").value = o.from;
  document.getElementById("role").value = o.buyer === view.country ? "buy" : "sell";
  document.getElementById("mineral").value = o.mineral;
  document.getElementById("stage").value = o.stage;
  document.getElementById("counters").value = o.id;
  say("offer-note", "countering " + o.id + ": change the terms and send");
}

document.getElementById("use-code").onclick = () => { code = document.getElementById("code").value.trim(); sessionStorage.setItem("wg-code", code); document.getElementById("login").hidden = true; refresh(); };
document.getElementById("pick-go").onclick = async () => {
  try { await api("POST", "pick", H(), { country: document.getElementById("pick").value }); await refresh(); }
  catch (e) { say("pick-note", e.message, true); }
};
document.getElementById("print").onclick = () => window.print();
document.getElementById("move").onclick = async () => {
  const round = view.clock.round; // the move may close the round; the note names the round it was for
  try { await api("POST", "move", H(), { round, bloc: document.getElementById("bloc").value, threat: document.getElementById("threat").value });
    say("move-note", "move submitted for round " + round); await refresh(); }
  catch (e) { say("move-note", e.message, true); }
};
document.getElementById("value").onclick = async () => {
  try { const v = await api("POST", "value", H(), offerBody()); say("offer-note", v.terms + ": worth " + money(v.value) + " to us (no deal: " + money(v.noDeal) + ")"); }
  catch (e) { say("offer-note", e.message, true); }
};
document.getElementById("propose").onclick = async () => {
  try { const r = await api("POST", "offer", H(), offerBody()); document.getElementById("counters").value = "";
    say("offer-note", "offer " + r.offerId + ": " + r.status + (r.why ? " – " + prose(r.why) : "")); await refresh(); }
  catch (e) { say("offer-note", e.message, true); }
};
WG.live(refresh);
setInterval(() => { if (view && view.clock.secondsLeft !== null) { view.clock.secondsLeft = Math.max(0, view.clock.secondsLeft - 1); fill("clock", clockText(view.clock) + movedText()); } }, 1000);
