import { z } from "zod";
import {
  applyChanges,
  ballotDocSchema,
  boardDocSchema,
  clusterDocSchema,
  emptyDoc,
  noteDocSchema,
  voteDocSchema,
  type BoardsDoc,
  type DocChange,
  type DocKind,
} from "../../shared/boards/model";
import { defineRecordType, type RecordType } from "../storage/records";
import type { StoredRecord } from "../storage/store";

/**
 * How the boards' document is stored: one record per board, note, cluster, vote and ballot, each
 * kind with its schema and numbered migrations (server/storage/records.ts). A migration is added
 * at the end of a kind's list when its shape changes; old rows are upgraded as they are read.
 */
export const boardRecord = defineRecordType({ kind: "board", schema: boardDocSchema });
export const noteRecord = defineRecordType({ kind: "note", schema: noteDocSchema });
export const clusterRecord = defineRecordType({ kind: "cluster", schema: clusterDocSchema });
export const voteRecord = defineRecordType({ kind: "vote", schema: voteDocSchema });
export const ballotRecord = defineRecordType({ kind: "ballot", schema: ballotDocSchema });

const TYPES: { [K in DocKind]: RecordType<unknown> } = {
  board: boardRecord as RecordType<unknown>,
  note: noteRecord as RecordType<unknown>,
  cluster: clusterRecord as RecordType<unknown>,
  vote: voteRecord as RecordType<unknown>,
  ballot: ballotRecord as RecordType<unknown>,
};

/** Marks a session whose default boards were made once, so that removing them all is not undone by a restart. */
export const boardsSetupRecord = defineRecordType({ kind: "boards-setup", schema: z.object({ at: z.number() }) });

export const BOARD_RECORD_KINDS: readonly string[] = [
  "board",
  "note",
  "cluster",
  "vote",
  "ballot",
  boardsSetupRecord.kind,
];

/** The writes that make a list of document changes durable. */
export function recordsFor(
  changes: readonly DocChange[],
  now: number,
): { put: StoredRecord[]; remove: { kind: string; id: string }[] } {
  // The last change to a record wins: one write per record.
  const last = new Map<string, DocChange>();
  for (const change of changes) last.set(`${change.kind}/${change.id}`, change);
  const put: StoredRecord[] = [];
  const remove: { kind: string; id: string }[] = [];
  for (const change of last.values()) {
    if (change.value === null) remove.push({ kind: change.kind, id: change.id });
    else put.push(TYPES[change.kind].encode(change.id, change.value, now));
  }
  return { put, remove };
}

/**
 * Rebuilds the document from stored records. A record that cannot be read (written by a newer
 * server, or damaged) is skipped and reported, so one bad row never takes a session down.
 */
export function docFromRecords(records: readonly StoredRecord[], report: (message: string) => void): BoardsDoc {
  const doc = emptyDoc();
  for (const record of records) {
    const kind = record.kind as DocKind;
    const type = TYPES[kind];
    if (!type) continue;
    try {
      const value = type.decode(record);
      applyChanges(doc, [{ kind, id: record.id, value } as DocChange]);
    } catch (error) {
      report(`${kind} ${record.id}: ${error instanceof Error ? error.message.slice(0, 200) : "unreadable"}`);
    }
  }
  return doc;
}
