import express, { type Router } from "express";
import { LOCALES, type Locale } from "../../shared/protocol";
import { buildCsv } from "../../shared/export/csv";
import { buildJson } from "../../shared/export/json";
import { buildMarkdown } from "../../shared/export/markdown";
import { isValidTimeZone, type ExportInput } from "../../shared/export/common";
import { docFromRecords } from "../boards/records";
import { storedBreakouts, storedZones } from "../zones/records";
import { facilitatorGate } from "../http/facilitator-auth";
import type { SessionServices } from "../session/services";
import { storedAttendance, storedPhysicalRooms } from "../hybrid/records";
import { loadTimelineItems } from "../timeline/routes";
import { cardPassResults } from "../../shared/methods/card-pass";
import { cardPassRecord } from "../methods/card-pass";
import { exportSheets } from "../../shared/methods/sheet-pass";
import { sheetPasses } from "../methods/sheet-pass";
import { exportTopics } from "../../shared/methods/marketplace";
import { markets } from "../methods/marketplace";
import { methodsRunRecord } from "../methods/records";
import { exportKanban, type Kanban } from "../../shared/methods/kanban";
import type { Plan } from "../../shared/methods/plan";
import type { MethodsRun } from "../../shared/methods/run";
import { kanbanRecord } from "../methods/kanban";
import { stageMarksRecord } from "../methods/stages";
import { exportSteps } from "../../shared/export/steps";
import type { BoardsDoc } from "../../shared/boards/model";

/** 25/10's results, once revealed (scores stay hidden until then, in exports too). */
function crowdSourcingPart(records: Parameters<typeof storedPhysicalRooms>[0]): Pick<ExportInput, "crowdSourcing"> {
  const stored = records.find((r) => r.kind === cardPassRecord.kind);
  if (!stored) return {};
  try {
    const pass = cardPassRecord.decode(stored);
    return pass.phase === "done" ? { crowdSourcing: cardPassResults(pass) } : {};
  } catch (error) {
    console.error(`export: card pass unreadable: ${error instanceof Error ? error.message : error}`);
    return {};
  }
}

/**
 * Brainwriting's sheets as far as they were written (no authors), one set per Brainwriting step in the
 * order the steps ran, each named by its step.
 */
function brainwritingPart(records: Parameters<typeof storedPhysicalRooms>[0]): Pick<ExportInput, "brainwriting"> {
  const { byEntry } = sheetPasses.stored(records, (m) => console.error(`export: sheets unreadable: ${m}`));
  if (byEntry.size === 0) return {};
  let run: MethodsRun | null = null;
  const runRecord = records.find((r) => r.kind === methodsRunRecord.kind);
  try {
    run = runRecord ? methodsRunRecord.decode(runRecord) : null;
  } catch (error) {
    console.error("export: methods run unreadable:", error instanceof Error ? error.message : error);
  }
  const brainwriting = [...byEntry.values()]
    .sort((a, b) => a.entry - b.entry)
    .map((pass) => {
      // The steps run in plan order, so an entry is its step when the run is not at hand.
      const step = run?.entries[pass.entry]?.step ?? pass.entry;
      return { n: step + 1, step: run?.plan?.steps[step]?.title ?? "", groups: exportSheets(pass) };
    });
  return { brainwriting };
}

/**
 * Open Space's marketplaces in the order their steps ran, each named by the step that opened it, with
 * its topics, each with the revealed notes its zone's board got while its slot ran. A marketplace
 * nobody posted on is left out.
 */
function openSpacePart(
  records: Parameters<typeof storedPhysicalRooms>[0],
  doc: BoardsDoc,
): Pick<ExportInput, "openSpace"> {
  const { byEntry } = markets.stored(records, (m) => console.error(`export: marketplace unreadable: ${m}`));
  if (byEntry.size === 0) return {};
  let run: MethodsRun | null = null;
  const runRecord = records.find((r) => r.kind === methodsRunRecord.kind);
  try {
    run = runRecord ? methodsRunRecord.decode(runRecord) : null;
  } catch (error) {
    console.error("export: methods run unreadable:", error instanceof Error ? error.message : error);
  }
  const notesOn = (zone: string, from: number, until: number | null) => {
    const boards = new Set(
      [...doc.boards.values()].filter((b) => b.zoneId === zone && b.preset === "zone").map((b) => b.id),
    );
    return [...doc.notes.values()]
      .filter(
        (n) => boards.has(n.boardId) && !n.hidden && n.createdAt >= from && (until === null || n.createdAt < until),
      )
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((n) => n.text);
  };
  const openSpace = [...byEntry.values()]
    .sort((a, b) => a.entry - b.entry)
    .map((market) => {
      // The steps run in plan order, so an entry is its step when the run is not at hand.
      const step = run?.entries[market.entry]?.step ?? market.entry;
      return { n: step + 1, step: run?.plan?.steps[step]?.title ?? "", topics: exportTopics(market, run, notesOn) };
    })
    .filter((market) => market.topics.length > 0);
  return openSpace.length > 0 ? { openSpace } : {};
}

/** Lean Coffee's boards as they stand (or stood when their steps ended), in the order the steps ran. */
function leanCoffeePart(records: Parameters<typeof storedPhysicalRooms>[0]): Pick<ExportInput, "leanCoffee"> {
  const boards: Kanban[] = [];
  for (const stored of records) {
    if (stored.kind !== kanbanRecord.kind) continue;
    try {
      boards.push(kanbanRecord.decode(stored));
    } catch (error) {
      console.error(`export: lean coffee board unreadable: ${error instanceof Error ? error.message : error}`);
    }
  }
  if (boards.length === 0) return {};
  let plan: Plan | null = null;
  const runRecord = records.find((r) => r.kind === methodsRunRecord.kind);
  try {
    plan = runRecord ? methodsRunRecord.decode(runRecord).plan : null;
  } catch (error) {
    console.error("export: methods run unreadable:", error instanceof Error ? error.message : error);
  }
  const leanCoffee = boards
    .sort((a, b) => a.entry - b.entry)
    .map((board) => ({ step: plan?.steps[board.entry]?.title ?? "", topics: exportKanban(board) }))
    .filter((board) => board.topics.length > 0);
  return leanCoffee.length > 0 ? { leanCoffee } : {};
}

const FORMATS = {
  md: { type: "text/markdown; charset=utf-8", build: buildMarkdown },
  csv: { type: "text/csv; charset=utf-8", build: buildCsv },
  json: { type: "application/json; charset=utf-8", build: buildJson },
} as const;

/** A file name from the session title: letters (å ä ö too), digits and dashes. */
export function exportFileName(title: string, code: string, ext: string): string {
  const slug = title
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${slug || "yhteistila"}-${code}.${ext}`;
}

/** The hybrid room's part of an export, only when the session had a physical room. */
/** TRIZ's tags and owners (by name: the uids stay on the server). */
function stagesPart(records: Parameters<typeof storedPhysicalRooms>[0]): Pick<ExportInput, "stageMarks"> {
  const stored = records.find((r) => r.kind === stageMarksRecord.kind);
  if (!stored) return {};
  try {
    const marks = stageMarksRecord.decode(stored);
    return {
      stageMarks: {
        tags: marks.tags,
        owners: Object.fromEntries(Object.entries(marks.owners).map(([id, o]) => [id, o.name])),
      },
    };
  } catch (error) {
    console.error("export: stage marks unreadable:", error instanceof Error ? error.message : error);
    return {};
  }
}

function stepsPart(
  records: Parameters<typeof storedPhysicalRooms>[0],
  doc: BoardsDoc,
  endedAt: number | null,
): Pick<ExportInput, "steps"> {
  const runRecord = records.find((r) => r.kind === methodsRunRecord.kind);
  if (!runRecord) return {};
  try {
    const steps = exportSteps(methodsRunRecord.decode(runRecord), doc, endedAt);
    return steps.length > 0 ? { steps } : {};
  } catch (error) {
    console.error("export: methods run unreadable:", error instanceof Error ? error.message : error);
    return {};
  }
}

function hybridPart(records: Parameters<typeof storedPhysicalRooms>[0]): Pick<ExportInput, "hybrid"> {
  const rooms = storedPhysicalRooms(records).map(({ name, seats }) => ({ name, seats }));
  const attendance = storedAttendance(records);
  return rooms.length > 0 || attendance.length > 0 ? { hybrid: { rooms, attendance } } : {};
}

/**
 * `GET /api/sessions/:code/export.(md|csv|json)?lang=fi&tz=Europe/Helsinki`, facilitators only.
 * It reads what is stored, which is everything anyone has seen: every change is stored before it is shown.
 */
export function exportRoutes(services: SessionServices): Router {
  const router = express.Router();
  const gate = facilitatorGate(services);
  router.get("/api/sessions/:code/export.:format", async (req, res) => {
    const format = FORMATS[req.params.format as keyof typeof FORMATS];
    if (!format) {
      res.status(404).json({ error: "not_found" });
      return;
    }
    const check = await gate(req);
    if (!check.ok) {
      res.status(check.status).json({ error: check.error });
      return;
    }
    const lang = String(req.query.lang ?? "fi");
    const zone = String(req.query.tz ?? "Europe/Helsinki");
    const { session } = check;
    const records = await services.store.loadRecords(session.code);
    const doc = docFromRecords(records, (m) => console.error(`export: ${m}`));
    const input: ExportInput = {
      session: { code: session.code, title: session.title, createdAt: session.createdAt, endedAt: session.endedAt },
      doc,
      zones: (storedZones(records) ?? []).map(({ id, name, letter, task }) => ({ id, name, letter, task })),
      breakouts: storedBreakouts(records),
      ...hybridPart(records),
      ...crowdSourcingPart(records),
      ...brainwritingPart(records),
      ...openSpacePart(records, doc),
      ...leanCoffeePart(records),
      ...stagesPart(records),
      ...stepsPart(records, doc, session.endedAt),
      locale: (LOCALES as readonly string[]).includes(lang) ? (lang as Locale) : "fi",
      timeZone: zone.length <= 64 && isValidTimeZone(zone) ? zone : "Europe/Helsinki",
      exportedAt: services.now(),
      // The debrief timeline goes with the session's export when one was kept.
      timeline: await loadTimelineItems(services, session.code),
    };
    const name = exportFileName(session.title, session.code, req.params.format!);
    res
      .status(200)
      .set({
        "Content-Type": format.type,
        "Content-Disposition": `attachment; filename="${name.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        "Cache-Control": "no-store",
      })
      .send(format.build(input));
  });
  return router;
}
