// Applications to join the bloc (a bloc that admits by vote): a member team votes on each, the instructor sees the votes.
"use strict";
const WGVotes = (() => {
  const { el, fill, api, table, money, say, prose } = WG;
  function label(v) { return v === "admit" ? "to admit" : v === "refuse" ? "to refuse" : "not voted (abstains)"; }
  // The team page: one row per application, what admission is worth to us, and vote buttons.
  function team(view, headers, refresh) {
    const apps = view.applications || [];
    document.getElementById("applications").hidden = apps.length === 0;
    fill("application-list", table(["Applicant", "Why it applies", "Worth to us", "Our vote", ""], apps.map(a => [
      a.name + " (" + a.applicant + ")", prose(a.reason), money(a.worthToMe) + "/month", label(a.myVote),
      [el("button", { "data-vote": a.applicant + ":admit", on: { click: () => vote(a, true) } }, "Vote to admit"),
       el("button", { "data-vote": a.applicant + ":refuse", on: { click: () => vote(a, false) } }, "Vote to refuse")]])));
    async function vote(a, admit) {
      try {
        await api("POST", "vote", headers(), { round: view.clock.round, applicant: a.applicant, admit });
        say("vote-note", "voted " + (admit ? "to admit " : "to refuse ") + a.name);
        await refresh();
      } catch (e) { say("vote-note", e.message, true); }
    }
  }
  // The instructor page: pending applications and the teams' votes so far (computer members vote as the round closes).
  function instructor(view) {
    const apps = view.applications || [];
    fill("application-list", apps.length === 0 ? "No application before the bloc this round." :
      table(["Applicant", "Why it applies", "Team votes so far"], apps.map(a => [a.name + " (" + a.applicant + ")", prose(a.reason),
        Object.keys(a.votes).length === 0 ? "none yet" : Object.entries(a.votes).map(([c, v]) => c + " " + label(v)).join(", ")])));
  }
  return { team, instructor };
})();
