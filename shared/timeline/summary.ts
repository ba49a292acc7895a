import type { TimelineItem } from "./log";
import { markersOf } from "./markers";

/** What happened during one step (or before the first), counted from the log, for the export. */
export interface StepSummary {
  /** -1 before the first step, and for a session run without a plan. */
  step: number;
  title: string;
  from: number;
  to: number;
  notesWritten: number;
  notesMoved: number;
  clustersMade: number;
  votesEnded: number;
  zoneChanges: number;
  handsRaised: number;
  reactions: number;
  mostPeople: number;
  observations: { at: number; author: string; text: string }[];
}

/** The log cut at each step's start, with the counts a debrief reads first. */
export function summariseSteps(items: readonly TimelineItem[]): StepSummary[] {
  if (items.length === 0) return [];
  const steps = markersOf(items).filter((m) => m.kind === "step");
  const observations = markersOf(items).filter((m) => m.kind === "observation");
  const bounds = [
    { step: -1, title: "", from: items[0]!.at },
    ...steps.map((s) => ({ step: s.step, title: s.title, from: s.at })),
  ];
  const end = items.at(-1)!.at;
  const summaries: StepSummary[] = bounds.map((b, i) => ({
    ...b,
    to: bounds[i + 1]?.from ?? end,
    notesWritten: 0,
    notesMoved: 0,
    clustersMade: 0,
    votesEnded: 0,
    zoneChanges: 0,
    handsRaised: 0,
    reactions: 0,
    mostPeople: 0,
    observations: [],
  }));
  const seen = new Map<string, Record<string, unknown>>();
  let people = 0;
  let current = 0;
  for (const item of items) {
    while (current + 1 < summaries.length && item.at >= summaries[current + 1]!.from) current++;
    const summary = summaries[current]!;
    switch (item.e) {
      case "start":
        people = item.snap.people.length;
        for (const [kind, id, data] of item.snap.records) if (data) seen.set(`${kind}/${id}`, data);
        break;
      case "join":
        people++;
        break;
      case "leave":
        people = Math.max(0, people - 1);
        break;
      case "zone":
        summary.zoneChanges++;
        break;
      case "hand":
        if (item.up === 1) summary.handsRaised++;
        break;
      case "react":
        summary.reactions++;
        break;
      case "rec":
        for (const [kind, id, data] of item.r) {
          const key = `${kind}/${id}`;
          const before = seen.get(key);
          if (data === null) seen.delete(key);
          else seen.set(key, data);
          if (!data) continue;
          if (kind === "note" && !before) summary.notesWritten++;
          else if (kind === "note" && (before!.x !== data.x || before!.y !== data.y)) summary.notesMoved++;
          if (kind === "cluster" && !before) summary.clustersMade++;
          if (kind === "vote" && data.results && !before?.results) summary.votesEnded++;
        }
        break;
    }
    summary.mostPeople = Math.max(summary.mostPeople, people);
  }
  for (const o of observations) {
    const summary = [...summaries].reverse().find((s) => o.at >= s.from) ?? summaries[0]!;
    if (o.kind === "observation") summary.observations.push({ at: o.at, author: o.author, text: o.text });
  }
  // The stretch before the first step is left out when nothing happened in it.
  return summaries.filter((s, i) => i > 0 || steps.length === 0 || s.to > s.from);
}
