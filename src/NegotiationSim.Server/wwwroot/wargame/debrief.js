"use strict";
const { el, fill, api, table, money, say } = WG;
const key = WG.secret("key");
const H = () => ({ "X-Instructor-Key": key || "" });
let d = null;

function showRound() {
  const k = Number(document.getElementById("round").value);
  const r = d.roundsPlayed[k - 1];
  if (!r) return;
  fill("round-label", "round " + r.round + " (" + r.month + ")" + (r.closedBy ? ", closed: " + r.closedBy : ""));
  fill("round-view", [el("p", {}, "Bloc: " + r.members.join(", ")),
    el("h3", {}, "Shocks injected"), el("ul", { id: "shocks" }, r.injected.map(i => el("li", {}, i))),
    el("h3", {}, "Moves"), el("ul", {}, r.moves.map(m => el("li", {}, m))),
    el("h3", {}, "Deals"), el("ul", { id: "round-deals" }, r.deals.map(x => el("li", {}, x.id + " " + x.status + ": " + x.buyer + " buys " + x.mineral + " " + x.stage + " from " + x.seller + " (" + x.note + ")"))),
    el("h3", {}, "Events"), el("ul", {}, r.events.map(e => el("li", {}, e.kind + " " + e.country + ": " + e.reason)))]);
}

async function load() {
  try { d = await api("GET", "debrief", H()); } catch (e) { say("note", e.message, true); return; }
  fill("scenario", d.scenarioName);
  const slider = document.getElementById("round");
  slider.max = Math.max(1, d.roundsPlayed.length);
  showRound();
  fill("teams", d.teams.map(t => el("div", { class: "team" }, el("h3", {}, t.teamName + " (" + t.country + ")"),
    el("p", {}, "Deals signed: " + t.deals.length + " · concessions: " + t.concessions),
    el("ul", {}, t.deals.map(x => el("li", {}, x.id + ": " + x.buyer + " buys " + x.mineral + " " + x.stage + " from " + x.seller + " (" + x.note + ")"))),
    table(["Round", "Welfare", "Computer in the seat", "Difference"], t.welfare.map((w, k) => [k + 1, money(w), money(t.computerWelfare[k]), money(w - t.computerWelfare[k])])))));
}

async function download(path, name, type) {
  const r = await fetch("/api/wargame/" + path, { headers: H() });
  if (!r.ok) { say("note", "export failed: HTTP " + r.status, true); return; }
  const a = el("a", { href: URL.createObjectURL(new Blob([await r.text()], { type })), download: name });
  document.body.append(a); a.click(); a.remove();
}
document.getElementById("round").oninput = showRound;
document.getElementById("prev").onclick = () => { const s = document.getElementById("round"); s.value = Math.max(1, Number(s.value) - 1); showRound(); };
document.getElementById("next").onclick = () => { const s = document.getElementById("round"); s.value = Math.min(Number(s.max), Number(s.value) + 1); showRound(); };
document.getElementById("csv").onclick = () => download("debrief.csv", "debrief.csv", "text/csv");
document.getElementById("html").onclick = () => download("debrief.html", "debrief.html", "text/html");
load();
