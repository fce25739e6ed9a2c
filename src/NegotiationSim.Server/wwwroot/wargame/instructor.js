"use strict";
const { el, fill, api, table, clockText, say, num, prose } = WG;
let key = WG.secret("key");
const H = () => ({ "X-Instructor-Key": key || "" });
let view = null;
let filled = false;

const done = { start: "the game started", pause: "paused", resume: "resumed", advance: "the round was closed", extend: "the timer was extended",
  inject: "injected: it takes effect next round", message: "sent to all teams", seat: "seat changed" };
async function act(path, body, note) {
  try { await api("POST", path, H(), body); say(note || "game-note", done[path] || "done: " + path); await refresh(); }
  catch (e) { say(note || "game-note", e.message, true); }
}

function options(select, values, labels) {
  select.replaceChildren(...values.map((v, i) => el("option", { value: v }, labels ? labels[i] : v)));
}

// Which of the game's buttons apply in each phase (as the game checks them): the others are disabled and say why.
const applies = {
  start: ["Setup"], pause: ["Running"], resume: ["Paused"], advance: ["Running", "Paused"], extend: ["Running", "Paused"],
  "inject-menu": ["Setup", "Running", "Paused"], inject: ["Setup", "Running", "Paused"],
};
function showPhase(phase) {
  for (const [id, phases] of Object.entries(applies)) {
    const b = document.getElementById(id);
    b.disabled = !phases.includes(phase);
    b.title = b.disabled ? "not while the game is " + WG.phaseText(phase) : "";
  }
}

function askForKey(why) {
  document.getElementById("login").hidden = false;
  say("login-note", why, true);
  say("game-note", why, true);
}

// Team links and the code text use the address teams reach (the server's --public-url or LAN address), not this page's.
const teamsAt = () => (view && view.publicUrl) || location.origin;

async function refresh() {
  if (!key) { askForKey("Paste the instructor key `negsim wargame` printed in its terminal."); return; }
  try { view = await api("GET", "instructor", H()); }
  catch (e) {
    // Every start of the server issues a new key: a page opened before a restart holds the old one.
    if (e.status === 403) askForKey("This page's instructor key no longer works: the server prints a new key in its terminal each time it starts. Paste the new key (or open the new Instructor address it printed).");
    else say("game-note", e.message, true);
    return;
  }
  document.getElementById("login").hidden = true;
  document.getElementById("grains").href = "/dashboard/?key=" + encodeURIComponent(key);
  fill("scenario", view.scenarioName);
  fill("clock", clockText(view.clock));
  showPhase(view.clock.phase);
  if (!filled) {
    filled = true;
    const countries = view.seats.map(s => s.country), names = view.seats.map(s => s.name + " (" + s.country + ")");
    options(document.getElementById("team-country"), ["", ...countries], ["(pick later)", ...names]);
    options(document.getElementById("inject-country"), countries, names);
    options(document.getElementById("inject-mineral"), view.minerals);
    fillTargets(countries, names);
    try { const menu = await api("GET", "menu", H()); options(document.getElementById("menu"), menu.map((_, i) => i), menu); } catch { }
  }
  fill("team-list", table(["Team", "Plays", ""], view.teams.map(t => [t.name, t.country || "–",
    el("button", { on: { click: () => recode(t) } }, "New code")])));
  fill("seats", table(["Country", "Played by", "Moved this round"], view.seats.map(s => [
    s.name + " (" + s.country + ")",
    (() => { const sel = el("select", { "data-country": s.country, "aria-label": "seat of " + s.country,
        on: { change: e => act("seat", { country: s.country, teamId: e.target.value || null }, "team-note") } },
      el("option", { value: "" }, "computer"), view.teams.map(t => el("option", { value: t.id, selected: t.id === s.teamId }, t.name)));
      return sel; })(),
    s.teamId ? (s.moved ? "moved" : "waiting") : "–"])));
  fill("injected", view.injected.map(i => el("li", {}, "round " + i.round + ": " + i.kind + " – " + i.description)));
  fill("messages", view.messages.map(m => el("li", {}, m)));
  const named = new Map(view.seats.map(s => [s.country, s.name])), nameOf = c => named.get(c) || c;
  fill("offer-list", table(["Id", "Round", "From", "To", "Terms", "Status"],
    view.offers.map(o => [o.id, o.round, nameOf(o.from), nameOf(o.to), o.mineral + " " + o.stage + ": " + o.terms, o.status + (o.why ? " – " + prose(o.why) : "")])));
  WGVotes.instructor(view);
  const w = view.world;
  fill("world-view", w ? [el("p", {}, "Round " + w.round + " (" + w.month + ") · bloc: " + w.members.join(", ")),
    table(["Market", "Bloc", "Outside", "China", "Floor"], w.prices.map(p => [p.mineral + " " + p.stage, num(p.member), num(p.outsider), num(p.china), num(p.floor)])),
    el("ul", {}, w.events.slice(-15).map(e => el("li", {}, "r" + e.round + " " + e.kind + " " + e.country + ": " + prose(e.reason))))] : "The game has not started.");
}

document.getElementById("use-key").onclick = () => { key = document.getElementById("key").value.trim(); sessionStorage.setItem("wg-key", key); document.getElementById("login").hidden = true; refresh(); };
for (const verb of ["start", "pause", "resume", "advance"]) document.getElementById(verb).onclick = () => act(verb);
document.getElementById("extend").onclick = () => act("extend", { seconds: 60 });
// Codes are shown once (the server keeps only their hashes); a lost one is replaced with "New code".
function showCode(t) {
  const old = document.querySelector('.team-code[data-team="' + CSS.escape(t.teamId) + '"]');
  if (old) old.remove();
  document.getElementById("codes").append(el("p", { class: "team-code", "data-team": t.teamId }, t.name + ": code ",
    el("span", { class: "code" }, t.code), " · link ", el("a", { href: t.link, class: "code" }, /^https?:/.test(t.link) ? t.link : teamsAt() + t.link)));
}
async function recode(t) {
  try { showCode(await api("POST", "teams/" + encodeURIComponent(t.id) + "/code", H(), {})); say("team-note", "new code for " + t.name + "; the old one no longer works"); }
  catch (e) { say("team-note", e.message, true); }
}
document.getElementById("add-team").onclick = async () => {
  const name = document.getElementById("team-name").value, country = document.getElementById("team-country").value || null;
  try {
    const t = await api("POST", "teams", H(), { name, country });
    showCode(t);
    say("team-note", "team added: " + t.name);
    await refresh();
  } catch (e) { say("team-note", e.message, true); }
};
document.getElementById("inject-menu").onclick = () => act("inject", { menu: Number(document.getElementById("menu").value) }, "inject-note");
// The custom shock form: each kind shows only the fields the server takes for it (it refuses the others rather than
// ignore them). Bounds are the server's (EventMenu): min/max here, and its own words if it still refuses.
const $ = id => document.getElementById(id);
const stagesFor = {
  export_control: [["refined", "refined"], ["ore", "ore"], ["product", "product"]],
  section232: [["", "refined and product"], ["refined", "refined only"], ["product", "product only"], ["ore", "ore only"]],
  disruption: [["refined", "refined"], ["ore", "ore"], ["product", "product"]],
};
const countryLabels = { export_control: "Exporter", section232: "Threatened country", disruption: "Country hit" };
function showInjectFields() {
  const kind = $("kind").value, control = $("inject-control").value, targets = $("inject-targets").value;
  for (const f of document.querySelectorAll("#custom [data-for]"))
    f.hidden = !f.dataset.for.split(" ").includes(kind) || (f.dataset.control && f.dataset.control !== control)
      || (f.dataset.targets && f.dataset.targets !== targets);
  fill("inject-country-label", countryLabels[kind]);
  fill("inject-duration-label", kind === "section232" ? "Rounds to the deadline" : "Duration (rounds)");
  const stage = $("inject-stage");
  if (stage.dataset.kind !== kind) { options(stage, stagesFor[kind].map(x => x[0]), stagesFor[kind].map(x => x[1])); stage.dataset.kind = kind; }
  // An exporter does not control exports to itself.
  for (const box of document.querySelectorAll("#inject-target-list input")) {
    box.disabled = box.value === $("inject-country").value;
    if (box.disabled) box.checked = false;
  }
}
for (const id of ["kind", "inject-control", "inject-targets", "inject-country"]) $(id).addEventListener("change", showInjectFields);
function fillTargets(countries, names) {
  fill("inject-target-list", countries.map((c, i) => el("label", {}, el("input", { type: "checkbox", value: c }), " " + names[i])));
  showInjectFields();
}
// A percentage field as the share the server takes; an empty or out-of-bounds field stops here with the browser's own hint.
function share(id) { return Number($(id).value) / 100; }
function injectBody() {
  const kind = $("kind").value, body = { kind, country: $("inject-country").value };
  if ($("inject-stage").value) body.stage = $("inject-stage").value;
  if (kind !== "section232") body.mineral = $("inject-mineral").value;
  if (kind === "export_control") {
    body.control = $("inject-control").value;
    if (body.control === "quota") body.quota = share("inject-quota");
    if (body.control === "licence") body.licenceDelay = Number($("inject-licence-delay").value);
    body.leakage = share("inject-leakage");
    const t = $("inject-targets").value;
    body.targets = t === "some" ? [...document.querySelectorAll("#inject-target-list input:checked")].map(b => b.value) : [t];
  }
  if (kind === "section232") { body.rate = share("inject-rate"); body.credibility = share("inject-credibility"); }
  if (kind === "disruption") body.severity = share("inject-severity");
  if (kind !== "export_control") body.duration = Number($("inject-duration").value);
  return body;
}
$("inject").onclick = () => {
  const fields = [...document.querySelectorAll("#custom input[type=number]")].filter(f => !f.closest("[hidden]"));
  const bad = fields.find(f => !f.checkValidity());
  if (bad) { say("inject-note", bad.closest("label").textContent.trim() + ": " + bad.validationMessage, true); bad.focus(); return; }
  if ($("inject-targets").value === "some" && $("kind").value === "export_control" && !document.querySelector("#inject-target-list input:checked")) {
    say("inject-note", "Against: tick at least one country", true); return;
  }
  act("inject", injectBody(), "inject-note");
};
document.getElementById("send").onclick = () => act("message", { text: document.getElementById("message").value }, "message-note");
WG.live(refresh);
setInterval(() => { if (view && view.clock.secondsLeft !== null) { view.clock.secondsLeft = Math.max(0, view.clock.secondsLeft - 1); fill("clock", clockText(view.clock)); } }, 1000);
