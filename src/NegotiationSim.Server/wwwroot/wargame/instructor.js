"use strict";
const { el, fill, api, table, clockText, say, num } = WG;
let key = WG.secret("key");
const H = () => ({ "X-Instructor-Key": key || "" });
let view = null;
let filled = false;

async function act(path, body, note) {
  try { await api("POST", path, H(), body); say(note || "game-note", "done: " + path); await refresh(); }
  catch (e) { say(note || "game-note", e.message, true); }
}

function options(select, values, labels) {
  select.replaceChildren(...values.map((v, i) => el("option", { value: v }, labels ? labels[i] : v)));
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
  if (!filled) {
    filled = true;
    const countries = view.seats.map(s => s.country), names = view.seats.map(s => s.name + " (" + s.country + ")");
    options(document.getElementById("team-country"), ["", ...countries], ["(pick later)", ...names]);
    options(document.getElementById("inject-country"), countries, names);
    options(document.getElementById("inject-mineral"), view.minerals);
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
  fill("offer-list", table(["Id", "Round", "From", "To", "Terms", "Status"],
    view.offers.map(o => [o.id, o.round, o.from, o.to, o.mineral + " " + o.stage + ": " + o.terms, o.status + (o.why ? " – " + o.why : "")])));
  WGVotes.instructor(view);
  const w = view.world;
  fill("world-view", w ? [el("p", {}, "Round " + w.round + " (" + w.month + ") · bloc: " + w.members.join(", ")),
    table(["Market", "Bloc", "Outside", "China", "Floor"], w.prices.map(p => [p.mineral + " " + p.stage, num(p.member), num(p.outsider), num(p.china), num(p.floor)])),
    el("ul", {}, w.events.slice(-15).map(e => el("li", {}, "r" + e.round + " " + e.kind + " " + e.country + ": " + e.reason)))] : "The game has not started.");
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
document.getElementById("inject").onclick = () => {
  const kind = document.getElementById("kind").value;
  // A Section 232 threat covers every mineral of its stage: the server refuses a mineral for it rather than ignore it.
  act("inject", { kind, country: document.getElementById("inject-country").value,
    mineral: kind === "section232" ? undefined : document.getElementById("inject-mineral").value,
    stage: document.getElementById("inject-stage").value }, "inject-note");
};
document.getElementById("send").onclick = () => act("message", { text: document.getElementById("message").value }, "message-note");
WG.live(refresh);
setInterval(() => { if (view && view.clock.secondsLeft !== null) { view.clock.secondsLeft = Math.max(0, view.clock.secondsLeft - 1); fill("clock", clockText(view.clock)); } }, 1000);
