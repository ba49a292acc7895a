import { inRoomUids } from "../hybrid/export";
import {
  colourName,
  exportBoards,
  formatTime,
  hasStageMarks,
  kanbanHeading,
  kanbanTexts,
  marketHeading,
  sheetsHeading,
  stepTexts,
  translator,
  type ExportInput,
} from "./common";

/**
 * One CSV cell: always quoted (quotes doubled), and text that a spreadsheet would run as a formula
 * (starting with = + - @, a tab or a carriage return) is prefixed with an apostrophe so it stays text.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * One row per revealed note: board, zone, cluster, text, colour, dots and rank in the board's latest
 * vote, when it was written, and its author unless it was written anonymously (and, in a session with
 * a physical room, whether that author was in the room or remote). UTF-8 with a byte
 * order mark and CRLF line ends, which spreadsheets open correctly (å, ä, ö included).
 */
export function buildCsv(input: ExportInput): string {
  const t = translator(input.locale);
  const header = [
    "doc.col.board",
    "doc.col.zone",
    "doc.col.cluster",
    "doc.col.text",
    "doc.col.colour",
    "doc.col.votes",
    "doc.col.rank",
    "doc.col.created",
    "doc.col.author",
  ] as const;
  // With a physical room, whether each named author sat in it (the hybrid room's balance, in the table too).
  const inRoom = input.hybrid ? inRoomUids(input.hybrid) : undefined;
  // With TRIZ's marks, two columns more (before the place): the "we already do this" tag and the action's owner.
  const marks = hasStageMarks(input) ? input.stageMarks : undefined;
  const markCells = (noteId?: string): string[] =>
    marks
      ? [noteId && marks.tags.includes(noteId) ? t("stages.export.tag") : "", (noteId && marks.owners[noteId]) || ""]
      : [];
  const rows: (string | number)[][] = [
    [
      ...header.map((key) => t(key)),
      ...(marks ? [t("stages.export.tag"), t("stages.export.owner")] : []),
      ...(inRoom ? [t("doc.col.place")] : []),
    ],
  ];
  const boards = exportBoards(input);
  // The plan's steps first, a row each: the step where a cluster goes, what it produced as the text,
  // its place in the plan as rank, its start as the time, and planned / actual time where an author goes.
  const titles = new Map(boards.map((b) => [b.board.id, b.title]));
  for (const step of input.steps ?? []) {
    const { planned, actual, produced } = stepTexts(input, step, (id) => titles.get(id) ?? "");
    rows.push([
      t("doc.steps"),
      "",
      `${step.n}. ${step.title}`,
      produced,
      "",
      "",
      step.n,
      formatTime(step.startedAt, input.timeZone),
      `${t("doc.col.planned")}: ${planned}; ${t("doc.col.actual")}: ${actual}`,
      ...markCells(),
      ...(inRoom ? [""] : []),
    ]);
  }
  for (const entry of boards) {
    const clusterTitle = new Map(entry.clusters.map((c) => [c.cluster.id, c.title]));
    for (const note of entry.notes) {
      const result = entry.latest.get(note.id);
      rows.push([
        entry.title,
        entry.board.zoneId ? entry.where : "",
        clusterTitle.get(note.clusterId) ?? "",
        note.text,
        colourName(input.locale, note.color),
        result?.count ?? "",
        result?.rank ?? "",
        formatTime(note.createdAt, input.timeZone),
        note.anonymous ? "" : note.authorName,
        ...markCells(note.id),
        ...(inRoom ? [note.anonymous ? "" : t(inRoom.has(note.authorUid) ? "doc.inRoom" : "doc.remote")] : []),
      ]);
    }
  }
  // 25/10's cards as rows of their own: the total in the votes column, the rank beside it, no author.
  for (const card of input.crowdSourcing ?? []) {
    rows.push([
      t("methods.cardPass.title"),
      "",
      "",
      card.text,
      "",
      card.total,
      card.rank,
      "",
      "",
      ...markCells(),
      ...(inRoom ? [""] : []),
    ]);
  }
  // Brainwriting's ideas, one a row: the group in the zone column, sheet and row in the cluster's, no author.
  const sheetSteps = input.brainwriting ?? [];
  for (const sheetStep of sheetSteps) {
    const title = sheetsHeading(t, sheetStep, sheetSteps.length);
    sheetStep.groups.forEach((sheets, g) =>
      sheets.forEach((sheetRows, s) =>
        sheetRows.forEach((ideas, r) => {
          for (const idea of ideas) {
            if (idea === "") continue;
            const where = `${t("methods.sheetPass.sheet", { sheet: s + 1 })}, ${t("methods.sheetPass.row", { row: r + 1 })}`;
            const group = t("methods.sheetPass.group", { group: g + 1 });
            rows.push([title, group, where, idea, "", "", "", "", "", ...markCells(), ...(inRoom ? [""] : [])]);
          }
        }),
      ),
    );
  }
  // Open Space: a row per session note (one empty row for a topic without notes), the topic as cluster,
  // its slot and zone, and its note-taker where a note's author goes (the one who took them down).
  // Several marketplaces are told apart by their step in the first column.
  const markets = input.openSpace ?? [];
  for (const market of markets) {
    for (const topic of market.topics) {
      for (const note of topic.notes.length > 0 ? topic.notes : [""]) {
        rows.push([
          marketHeading(t, market, markets.length),
          t("methods.market.cellName", { n: topic.slot, zone: topic.zone }),
          topic.title,
          note,
          "",
          "",
          "",
          "",
          t("methods.market.noteTaker", { name: topic.noteTaker }),
          ...markCells(),
          ...(inRoom ? [""] : []),
        ]);
      }
    }
  }
  // Lean Coffee: a row per topic, its column as cluster, its dots, its place in the queue as rank and
  // its outcome where an author goes.
  const kanbans = input.leanCoffee ?? [];
  for (const board of kanbans) {
    board.topics.forEach((topic, i) => {
      const { column, outcome } = kanbanTexts(t, topic);
      rows.push([
        kanbanHeading(t, board, kanbans.length),
        "",
        column,
        topic.topic,
        "",
        topic.votes,
        i + 1,
        "",
        outcome,
        ...markCells(),
        ...(inRoom ? [""] : []),
      ]);
    });
  }
  return "\uFEFF" + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
