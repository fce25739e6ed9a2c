// Shared helpers for the war-game pages. Everything a user or the scenario wrote is set as text, never as HTML.
"use strict";
const WG = (() => {
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "on") for (const [ev, f] of Object.entries(v)) e.addEventListener(ev, f);
      else if (v !== null && v !== undefined && v !== false) e.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return e;
  }
  function fill(id, ...children) { const e = document.getElementById(id); e.replaceChildren(...children.flat()); return e; }
  // The secret comes in the link's fragment (never sent to the server's logs) and stays in this tab only.
  function secret(name) {
    const m = new RegExp("[#&]" + name + "=([^&]+)").exec(location.hash);
    if (m) { sessionStorage.setItem("wg-" + name, decodeURIComponent(m[1])); history.replaceState(null, "", location.pathname); }
    return sessionStorage.getItem("wg-" + name);
  }
  async function api(method, path, headers, body) {
    const r = await fetch("/api/wargame/" + path, {
      method, headers: Object.assign({ "Content-Type": "application/json" }, headers),
      body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await r.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch { data = null; }
    if (!r.ok) {
      const e = new Error((data && data.errors && data.errors.join("; ")) || ("HTTP " + r.status));
      e.status = r.status;
      throw e;
    }
    return data;
  }
  // "+ 0" turns a negative zero (a loss that rounds away) into 0: a page never shows "-0 $".
  function money(x) { return (x === null || x === undefined || Number.isNaN(x)) ? "–" : (Math.round(x) + 0).toLocaleString("en-US") + " $"; }
  function num(x) { return (typeof x === "number" && isFinite(x)) ? (x + 0).toLocaleString("en-US", { maximumSignificantDigits: 4 }) : "–"; }
  // The engine journals its reasons with invariant short numbers (6.611E+06); pages show them as people write them
  // (6,611,000) and leave the journaled text as it is.
  function prose(text) {
    return String(text ?? "").replace(/-?\d+(?:\.\d+)?E[+-]?\d+/gi, m => {
      const x = Number(m);
      return isFinite(x) ? (x + 0).toLocaleString("en-US", { maximumSignificantDigits: 4 }) : m;
    });
  }
  // The game's states and why a round closed, in words (the server sends its enum names).
  const phases = { Setup: "not started", Running: "running", Paused: "paused", Ended: "ended" };
  const closes = { AllMoved: "every team moved", TimerExpired: "the timer ran out", InstructorAdvanced: "the instructor advanced the round" };
  function phaseText(p) { return phases[p] || p; }
  function closeText(c) { return closes[c] || c; }
  // Wrapped in a box that scrolls sideways: a wide table stays inside its card on a phone.
  function table(head, rows) {
    return el("div", { class: "scroll" }, el("table", {}, el("thead", {}, el("tr", {}, head.map(h => el("th", {}, h)))),
      el("tbody", {}, rows.map(r => el("tr", {}, r.map(c => el("td", {}, c)))))));
  }
  function clockText(c) {
    const left = c.secondsLeft === null || c.secondsLeft === undefined ? "" :
      " · " + Math.floor(c.secondsLeft / 60) + ":" + String(Math.floor(c.secondsLeft % 60)).padStart(2, "0") + " left";
    // Before the start there is no round 0 to speak of: the game's length is what matters.
    if (c.phase === "Setup") return phaseText(c.phase) + " · " + c.rounds + " rounds";
    return (c.paused || phaseText(c.phase)) + " · round " + c.round + " of " + c.rounds + left;
  }
  // Live: the hub says something changed; the page fetches what it may see. A local tick keeps the timer moving.
  function live(fetchView) {
    // Many inputs can land in a second (a whole class moving); one fetch per quarter second is enough.
    let timer = null;
    const refresh = () => { if (timer === null) timer = setTimeout(() => { timer = null; fetchView(); }, 250); };
    const hub = new signalR.HubConnectionBuilder().withUrl("/wargame/hub").withAutomaticReconnect().build();
    hub.on("changed", () => refresh());
    hub.onreconnected(() => refresh());
    hub.start().then(fetchView, fetchView);
    return hub;
  }
  function say(id, text, bad) { const e = fill(id, text); e.className = bad ? "note bad" : "note"; }
  return { el, fill, secret, api, money, num, prose, phaseText, closeText, table, clockText, live, say };
})();
