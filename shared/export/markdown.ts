import { hybridMarkdownLines, inRoomUids } from "../hybrid/export";
import type { VoteDoc } from "../boards/model";
import { summariseSteps } from "../timeline/summary";
import type { ExportTopic } from "../methods/marketplace";
import {
  exportBoards,
  formatClock,
  formatTime,
  translator,
  zoneNamer,
  type ExportBoard,
  type ExportInput,
  kanbanHeading,
  kanbanTexts,
  marketHeading,
  sheetsHeading,
  stepTexts,
} from "./common";

/**
 * Text from people shown as text in Markdown: every character that could start markup (emphasis,
 * links, HTML, tables, headings, lists) is escaped, so "<script>" or "**x**" reads exactly as typed.
 */
export function escapeMarkdown(text: string): string {
  let out = text.replace(/[\r\n]+/g, " ").replace(/[\\`*_[\]<>|~&#]/g, (c) => `\\${c}`);
  // Only at the start of a line do these begin a list, a quote or a heading underline.
  out = out.replace(/^([-+=])/, "\\$1").replace(/^(\d+)([.)])/, "$1\\$2");
  return out;
}

function voteLines(input: ExportInput, vote: VoteDoc, index: number): string[] {
  const t = translator(input.locale);
  const { timeZone } = input;
  const settings = [
    t("doc.voteSettings", { perPerson: vote.perPerson, maxPerNote: vote.maxPerNote }),
    ...(vote.anonymous ? [t("doc.voteAnonymous")] : []),
  ];
  const when = vote.endedAt
    ? t("doc.voteTime", { from: formatTime(vote.startedAt, timeZone), to: formatClock(vote.endedAt, timeZone) })
    : `${formatTime(vote.startedAt, timeZone)}, ${t("doc.voteRunning")}`;
  const lines = [`#### ${t("doc.voteHeading", { n: index + 1, when })}`, "", `*${settings.join("; ")}*`, ""];
  if (!vote.results) return lines;
  for (const result of vote.results) {
    const voters = result.voters.length
      ? ` (${t("doc.votedBy", { names: result.voters.map(escapeMarkdown).join(", ") })})`
      : "";
    // A bullet with the rank in bold: a numbered list would renumber shared ranks (2, 2 → 2, 3).
    const dots = t("doc.dots", { count: result.count });
    lines.push(`- **${result.rank}.** ${escapeMarkdown(result.text)} — **${dots}**${voters}`);
  }
  lines.push("");
  return lines;
}

function noteLine(input: ExportInput, entry: ExportBoard, noteId: string): string {
  const t = translator(input.locale);
  const note = entry.notes.find((n) => n.id === noteId)!;
  const meta = [note.anonymous ? t("doc.anonymous") : t("doc.by", { name: escapeMarkdown(note.authorName) })];
  // Only named notes say where they were written: an anonymous note's author stays unknown, wherever.
  if (!note.anonymous && inRoomUids(input.hybrid).has(note.authorUid)) meta.push(t("doc.inRoom"));
  const result = entry.latest.get(note.id);
  if (result) meta.push(t("doc.dots", { count: result.count }));
  if (input.stageMarks?.tags.includes(note.id)) meta.push(t("stages.export.tag"));
  const owner = input.stageMarks?.owners[note.id];
  if (owner) meta.push(`${t("stages.export.owner")}: ${escapeMarkdown(owner)}`);
  return `- ${escapeMarkdown(note.text)} — *${meta.join(" · ")}*`;
}

/** Every zone of the session with its task and its boards. */
function zoneLines(input: ExportInput, boards: readonly ExportBoard[]): string[] {
  if (input.zones.length === 0) return [];
  const t = translator(input.locale);
  const zoneName = zoneNamer(input);
  const lines = [`## ${t("doc.zones")}`, ""];
  for (const zone of input.zones) {
    const parts = [`**${escapeMarkdown(zoneName(zone.id))}**`];
    if (zone.task) parts.push(t("doc.zoneTask", { task: escapeMarkdown(zone.task) }));
    const own = boards.filter((b) => b.board.zoneId === zone.id).map((b) => escapeMarkdown(b.title));
    if (own.length > 0) parts.push(t("doc.zoneBoards", { boards: own.join(", ") }));
    lines.push(`- ${parts.join(" — ")}`);
  }
  lines.push("");
  return lines;
}

/** Each time groups were sent to zones: when, for how long, the task, and who went where. */
function breakoutLines(input: ExportInput): string[] {
  if (input.breakouts.length === 0) return [];
  const t = translator(input.locale);
  const zoneName = zoneNamer(input);
  const lines = [`## ${t("doc.breakouts")}`, ""];
  for (const breakout of input.breakouts) {
    const length = breakout.seconds ? t("doc.minutes", { count: Math.round(breakout.seconds / 60) }) : t("doc.noTimer");
    lines.push(`### ${formatTime(breakout.at, input.timeZone)} — ${length}`, "");
    if (breakout.task) lines.push(`${t("doc.task")}: ${escapeMarkdown(breakout.task)}`, "");
    for (const group of breakout.groups) {
      const people = group.people.length > 0 ? group.people.map(escapeMarkdown).join(", ") : t("doc.nobody");
      lines.push(`- ${escapeMarkdown(zoneName(group.zone))}: ${people}`);
      if (group.task) lines.push(`  - ${t("doc.task")}: ${escapeMarkdown(group.task)}`);
    }
    lines.push("");
  }
  return lines;
}

/** The plan's steps as they ran: a table of planned and actual time, groups and what each produced. */
function stepLines(input: ExportInput, boards: readonly ExportBoard[]): string[] {
  if (!input.steps || input.steps.length === 0) return [];
  const t = translator(input.locale);
  const titles = new Map(boards.map((b) => [b.board.id, b.title]));
  const head = ["doc.col.step", "doc.col.planned", "doc.col.actual", "doc.col.groups", "doc.col.produced"] as const;
  return [
    `## ${t("doc.steps")}`,
    "",
    `*${t("doc.stepsIntro")}*`,
    "",
    `| ${head.map((key) => escapeMarkdown(t(key))).join(" | ")} |`,
    "| --- | --- | --- | ---: | --- |",
    ...input.steps.map((step) => {
      const { planned, actual, produced } = stepTexts(input, step, (id) => titles.get(id) ?? "");
      const cells = [`${step.n}. ${step.title}`, planned, actual, String(step.groups), produced];
      return `| ${cells.map(escapeMarkdown).join(" | ")} |`;
    }),
    "",
  ];
}

/** Lean Coffee's boards as tables: each topic in queue order with its dots, column and outcome. */
function leanCoffeeLines(input: ExportInput): string[] {
  const boards = input.leanCoffee ?? [];
  const t = translator(input.locale);
  const head = [
    t("methods.kanban.col.topic"),
    t("doc.col.votes"),
    t("methods.kanban.col.column"),
    t("methods.kanban.col.outcome"),
  ];
  return boards.flatMap((board) => [
    `## ${escapeMarkdown(kanbanHeading(t, board, boards.length))}`,
    "",
    `| ${head.map(escapeMarkdown).join(" | ")} |`,
    "| --- | ---: | --- | --- |",
    ...board.topics.map((topic) => {
      const { column, outcome } = kanbanTexts(t, topic);
      return `| ${escapeMarkdown(topic.topic)} | ${topic.votes} | ${escapeMarkdown(column)} | ${escapeMarkdown(outcome)} |`;
    }),
    "",
  ]);
}

/**
 * Open Space's harvest, one marketplace after another (headed by its step when there were several):
 * each topic under its slot and zone, with its convener, note-taker and notes.
 */
function openSpaceLines(input: ExportInput): string[] {
  const markets = input.openSpace ?? [];
  const t = translator(input.locale);
  const lines: string[] = [];
  for (const market of markets) {
    lines.push(`## ${escapeMarkdown(marketHeading(t, market, markets.length))}`, "");
    for (const topic of market.topics) topicLines(t, topic, lines);
  }
  return lines;
}

function topicLines(t: ReturnType<typeof translator>, topic: ExportTopic, lines: string[]): void {
  lines.push(
    `### ${t("methods.market.cellName", { n: topic.slot, zone: topic.zone })}: ${escapeMarkdown(topic.title)}`,
    "",
    `${escapeMarkdown(t("methods.market.convener", { name: topic.convener }))}  `,
    escapeMarkdown(t("methods.market.noteTaker", { name: topic.noteTaker })),
    "",
    ...topic.notes.map((note) => `- ${escapeMarkdown(note)}`),
    ...(topic.notes.length > 0 ? [""] : []),
  );
}

/** 25/10's revealed cards, best first, with their totals; no authors. */
function crowdSourcingLines(input: ExportInput): string[] {
  if (!input.crowdSourcing || input.crowdSourcing.length === 0) return [];
  const t = translator(input.locale);
  return [
    `## ${t("methods.cardPass.title")}`,
    "",
    ...input.crowdSourcing.map(
      (card) => `${card.rank}. ${escapeMarkdown(card.text)} (${t("methods.cardPass.total", { total: card.total })})`,
    ),
    "",
  ];
}

/** Brainwriting's sheets by step and group, each a numbered list of rows; no authors. */
function brainwritingLines(input: ExportInput): string[] {
  const steps = input.brainwriting ?? [];
  const t = translator(input.locale);
  const lines: string[] = [];
  for (const sheetStep of steps) {
    lines.push(`## ${escapeMarkdown(sheetsHeading(t, sheetStep, steps.length))}`, "");
    sheetStep.groups.forEach((sheets, g) => {
      lines.push(`### ${t("methods.sheetPass.group", { group: g + 1 })}`, "");
      sheets.forEach((rows, s) => {
        lines.push(`#### ${t("methods.sheetPass.sheet", { sheet: s + 1 })}`, "");
        rows.forEach((ideas, r) => {
          const written = ideas.filter((idea) => idea !== "").map(escapeMarkdown);
          lines.push(`${r + 1}. ${written.join(" · ")}`);
        });
        lines.push("");
      });
    });
  }
  return lines;
}

/** The debrief timeline, step by step: when, how long, and what happened in it (only when one was kept). */
function timelineLines(input: ExportInput): string[] {
  if (!input.timeline || input.timeline.length === 0) return [];
  const t = translator(input.locale);
  const lines = [`## ${t("timeline.doc.heading")}`, ""];
  for (const s of summariseSteps(input.timeline)) {
    const name =
      s.step < 0 ? t("timeline.doc.beforeSteps") : t("timeline.markerStep", { number: s.step + 1, title: s.title });
    const minutes = Math.max(0, Math.round((s.to - s.from) / 60_000));
    lines.push(
      `### ${escapeMarkdown(name)}`,
      "",
      `${formatTime(s.from, input.timeZone)}–${formatClock(s.to, input.timeZone)} (${t("doc.minutes", { count: minutes })})`,
      "",
      `- ${t("timeline.doc.counts", {
        notes: s.notesWritten,
        moved: s.notesMoved,
        clusters: s.clustersMade,
        votes: s.votesEnded,
      })}`,
      `- ${t("timeline.doc.presence", {
        people: s.mostPeople,
        moves: s.zoneChanges,
        hands: s.handsRaised,
        reactions: s.reactions,
      })}`,
    );
    for (const o of s.observations) {
      lines.push(
        `- ${t("timeline.markerObservation", { author: escapeMarkdown(o.author), text: escapeMarkdown(o.text) })} (${formatClock(o.at, input.timeZone)})`,
      );
    }
    lines.push("");
  }
  return lines;
}

/** A readable summary of the session: boards with their clusters and notes, votes ranked, rounds and times. */
export function buildMarkdown(input: ExportInput): string {
  const t = translator(input.locale);
  const { session, timeZone } = input;
  const boards = exportBoards(input);
  const lines: string[] = [
    `# ${escapeMarkdown(session.title)}`,
    "",
    `- ${t("doc.session")}: ${session.code}`,
    `- ${t("doc.created")}: ${formatTime(session.createdAt, timeZone)}`,
    ...(session.endedAt ? [`- ${t("doc.ended")}: ${formatTime(session.endedAt, timeZone)}`] : []),
    `- ${t("doc.exported")}: ${formatTime(input.exportedAt, timeZone)}`,
    "",
    // The record is organised by step first: what each step of the plan produced, then the boards in full.
    ...stepLines(input, boards),
    `## ${t("doc.boards")}`,
    "",
  ];
  for (const entry of boards) {
    lines.push(`### ${escapeMarkdown(entry.title)}`, "");
    lines.push(`${t("doc.where")}: ${escapeMarkdown(entry.where)}`, "");
    entry.votes.forEach((vote, i) => lines.push(...voteLines(input, vote, i)));
    for (const { title, notes } of entry.clusters) {
      lines.push(`#### ${t("doc.cluster")}: ${escapeMarkdown(title)}`, "");
      if (notes.length === 0) lines.push(`*${t("doc.noNotes")}*`);
      for (const note of notes) lines.push(noteLine(input, entry, note.id));
      lines.push("");
    }
    if (entry.unclustered.length > 0 || entry.clusters.length === 0) {
      if (entry.clusters.length > 0) lines.push(`#### ${t("doc.unclustered")}`, "");
      if (entry.unclustered.length === 0) lines.push(`*${t("doc.noNotes")}*`);
      for (const note of entry.unclustered) lines.push(noteLine(input, entry, note.id));
      lines.push("");
    }
    if (entry.hiddenCount > 0) lines.push(`*${t("doc.hiddenNotes", { count: entry.hiddenCount })}*`, "");
    const rounds = entry.board.rounds.map((r) =>
      t(r.anonymous ? "doc.roundAnonymous" : "doc.round", {
        from: formatTime(r.startedAt, timeZone),
        to: formatClock(r.revealedAt, timeZone),
      }),
    );
    if (entry.board.round)
      rounds.push(t("doc.roundRunning", { from: formatTime(entry.board.round.startedAt, timeZone) }));
    if (rounds.length > 0) {
      lines.push(`#### ${t("doc.rounds")}`, "", ...rounds.map((r) => `- ${r}`), "");
    }
  }
  lines.push(...zoneLines(input, boards), ...breakoutLines(input));
  lines.push(
    ...hybridMarkdownLines(
      input.hybrid,
      boards.flatMap((b) => b.notes),
      t,
      escapeMarkdown,
    ),
  );
  lines.push(...crowdSourcingLines(input));
  lines.push(...brainwritingLines(input));
  lines.push(...openSpaceLines(input));
  lines.push(...leanCoffeeLines(input));
  lines.push(...timelineLines(input));
  return lines.join("\n");
}
