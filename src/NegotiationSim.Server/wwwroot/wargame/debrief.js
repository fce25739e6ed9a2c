"use strict";
const { el, fill, api, table, money, say, prose, closeText } = WG;
const key = WG.secret("key");
const H = () => ({ "X-Instructor-Key": key || "" });
let d = null;
const slider = document.getElementById("round");

// The charts come from the server as SVG (every name escaped there); parsed as SVG, never as HTML. Inline in a page
// the markup needs no namespace; parsed on its own it does.
function svg(markup) {
  const doc = new DOMParser().parseFromString(markup.replace(/^<svg /, '<svg xmlns="http://www.w3.org/2000/svg" '), "image/svg+xml");
  const root = doc.documentElement;
  return root.namespaceURI === "http://www.w3.org/2000/svg" && root.localName === "svg" ? document.importNode(root, true) : el("p", {}, "(chart unavailable)");
}

function dealText(x) { return x.id + ": " + x.buyer + " buys " + x.mineral + " " + x.stage + " from " + x.seller + " (" + x.note + ")"; }

function side(title, p, reasons) {
  return el("div", { class: "side" }, el("h4", {}, title),
    el("p", {}, p.bloc + " (" + (p.member ? "a member" : "outside the bloc") + ")" + (p.threat ? "; " + p.threat + " to the threat" : "")),
    el("ul", {}, p.deals.map(x => el("li", {}, "deal " + x)), p.offers.map(x => el("li", {}, "offer " + x)),
      reasons ? p.reasons.map(x => el("li", { class: "reason" }, prose(x))) : []));
}

function seatRound(t, k) {
  const r = t.rounds[k - 1];
  if (!r) return el("p", {}, "no round " + k + " yet");
  return el("div", { class: "compare" },
    // A round the team did not hold the seat: what happened there was the computer's, not the team's.
    side(r.teamPlayed ? "The team did" : "The computer played the seat this round (not the team)", r.team, false),
    side("The computer in its seat would have done", r.computer, true),
    el("p", { class: "diff" }, "Welfare " + money(r.team.welfare) + " vs " + money(r.computer.welfare) + ": difference " + money(r.difference)
      + ", cumulative " + money(r.cumulative) + (r.concessions ? " · concessions: " + r.concessions : "")));
}

function showRound() {
  const k = Number(slider.value);
  const r = d.roundsPlayed[k - 1];
  if (!r) return;
  slider.setAttribute("aria-valuetext", "round " + r.round + ", " + r.month);
  fill("round-label", "round " + r.round + " (" + r.month + ")" + (r.closedBy ? ", closed: " + closeText(r.closedBy) : ""));
  fill("round-view", [el("p", {}, "Bloc: " + r.members.join(", ")),
    el("h3", {}, "Shocks injected"), el("ul", { id: "shocks" }, r.injected.map(i => el("li", {}, i))),
    el("h3", {}, "Moves"), el("ul", {}, r.moves.map(m => el("li", {}, m))),
    el("h3", {}, "Deals"), el("ul", { id: "round-deals" }, r.deals.map(x => el("li", {}, x.id + " " + x.status + ": " + x.buyer + " buys " + x.mineral + " " + x.stage + " from " + x.seller + " (" + x.note + ")"))),
    el("h3", {}, "Events"), el("ul", {}, r.events.map(e => el("li", {}, e.kind + " " + e.country + ": " + prose(e.reason))))]);
  d.teams.forEach((t, i) => {
    fill("seat-" + i, seatRound(t, k));
    document.querySelectorAll("#team-" + i + " tbody tr").forEach((tr, j) => tr.classList.toggle("now", j === k - 1));
  });
}

function step(to) { slider.value = Math.max(1, Math.min(Number(slider.max), to)); showRound(); }

async function load() {
  // The debrief re-runs the game once per team: with a big class that takes a while, so say so.
  fill("teams", el("p", { class: "muted" }, "Re-running the game once per team with the computer in its seat…"));
  try { d = await api("GET", "debrief", H()); } catch (e) { fill("teams"); say("note", e.message, true); return; }
  fill("scenario", d.scenarioName);
  slider.max = Math.max(1, d.roundsPlayed.length);
  fill("world", el("figure", {}, svg(d.charts.membership), el("figcaption", {}, "Bloc membership, month by month")),
    d.charts.prices.map(p => el("figure", {}, svg(p), el("figcaption", { class: "key" },
      [["k1", "paid in the bloc"], ["k2", "outside"], ["k3", "in China"], ["k4", "price floor (dashed)"]].map(([k, t]) => el("span", {}, el("i", { class: k }), t))))));
  fill("teams", d.teams.map((t, i) => el("div", { class: "team", id: "team-" + i }, el("h3", {}, t.teamName + " (" + t.country + ")"),
    el("p", {}, "Deals signed: " + t.deals.length + " · concessions: " + t.concessions),
    el("ul", {}, t.deals.map(x => el("li", {}, dealText(x)))),
    el("figure", {}, svg(t.chart), el("figcaption", { class: "key" }, el("span", {}, el("i", { class: "k1" }), "the team"),
      el("span", {}, el("i", { class: "k2" }), "the computer in its seat (dashed)"))),
    el("h4", {}, "The story of the gap"),
    t.gap.length ? el("ul", { class: "gap" }, t.gap.map(g => el("li", {}, "round " + g.round + " (" + g.month + "): "
      + (g.change >= 0 ? "+" : "") + money(g.change) + "/month " + (g.change >= 0 ? "in the team's favour" : "against the team") + ": " + prose(g.cause))))
      : el("p", {}, "The team and the computer fared the same."),
    el("h4", {}, "This round"), el("div", { id: "seat-" + i }),
    table(["Round", "Welfare", "Computer in the seat", "Difference", "Cumulative"],
      t.rounds.map(r => [r.round + " (" + r.month + ")", money(r.team.welfare), money(r.computer.welfare), money(r.difference), money(r.cumulative)])))));
  showRound();
}

async function download(path, name, type) {
  const r = await fetch("/api/wargame/" + path, { headers: H() });
  if (!r.ok) { say("note", "export failed: HTTP " + r.status, true); return; }
  const a = el("a", { href: URL.createObjectURL(new Blob([await r.text()], { type })), download: name });
  document.body.append(a); a.click(); a.remove();
}
slider.oninput = showRound;
document.getElementById("prev").onclick = () => step(Number(slider.value) - 1);
document.getElementById("next").onclick = () => step(Number(slider.value) + 1);
// ← → step a round, Home and End jump to the first and last, anywhere on the page but in a field (the slider has its own keys).
document.addEventListener("keydown", e => {
  if (!d || e.altKey || e.ctrlKey || e.metaKey || e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
  const to = { ArrowLeft: Number(slider.value) - 1, ArrowRight: Number(slider.value) + 1, Home: 1, End: Number(slider.max) }[e.key];
  if (to === undefined) return;
  e.preventDefault();
  step(to);
});
document.getElementById("csv").onclick = () => download("debrief.csv", "debrief.csv", "text/csv");
document.getElementById("html").onclick = () => download("debrief.html", "debrief.html", "text/html");
load();
