import type { BoardState, NoteState } from "../../shared/boards/state";
import { Client } from "@colyseus/sdk";
import {
  PROTOCOL_VERSION,
  SESSION_ROOM,
  type ClientMessageInput,
  type ClientMessageName,
  type ErrorMessage,
  type JoinOptions,
} from "../../shared/protocol";
import type { SessionState } from "../../shared/session/state";
import { sendCommand } from "../../shared/protocol/send";
import { nextMessage, waitForState, type SdkSessionRoom, type TestServer } from "./server";
import { joinPatiently } from "../../shared/session/join-retry";
import { keepPoses } from "./poses";

/** What one client decoded of the boards: exactly what reached it, nothing filtered on our side. */
export interface DecodedNote {
  id: string;
  boardId: string;
  text: string;
  authorName: string;
  anonymous: boolean;
  hidden: boolean;
  clusterId: string;
  x: number;
  y: number;
}

export function boardWhere(room: SdkSessionRoom, test: (board: BoardState) => boolean): [string, BoardState] {
  for (const [id, board] of room.state.boards) if (test(board)) return [id, board];
  throw new Error("no such board");
}

export function wallBoardId(room: SdkSessionRoom): string {
  return boardWhere(room, (b) => b.preset === "wall")[0];
}

export function zoneBoardId(room: SdkSessionRoom, zone: string): string {
  return boardWhere(room, (b) => b.zoneId === zone)[0];
}

export function decodedNotes(room: SdkSessionRoom): DecodedNote[] {
  const out: DecodedNote[] = [];
  room.state.boards.forEach((board, boardId) => {
    board.notes?.forEach((note: NoteState, id: string) => {
      out.push({
        id,
        boardId,
        text: note.text,
        authorName: note.authorName,
        anonymous: note.anonymous,
        hidden: note.hidden,
        clusterId: note.clusterId,
        x: note.x,
        y: note.y,
      });
    });
  });
  return out.sort((a, b) => a.text.localeCompare(b.text));
}

export function textsSeenBy(room: SdkSessionRoom): string[] {
  return decodedNotes(room).map((n) => n.text);
}

/** Ids of the notes the server told this client are its own. */
export function mineOf(room: SdkSessionRoom): string[] {
  const mine = room.state.boardsMine?.get(room.sessionId);
  return mine ? [...mine.notes.keys()].sort() : [];
}

/** Sends a command and resolves once its effect is visible, or rejects with the server's error. */
export async function act<N extends ClientMessageName>(
  room: SdkSessionRoom,
  name: N,
  payload: ClientMessageInput<N>,
  until: (room: SdkSessionRoom) => boolean,
  timeoutMs = 3000,
): Promise<void> {
  const refused = nextMessage<ErrorMessage>(room, "error", timeoutMs + 500).then(
    (error) => Promise.reject(new Error(`${name} refused: ${error.code} ${error.detail ?? ""}`)),
    () => new Promise<never>(() => undefined),
  );
  sendCommand(room, name, payload);
  await Promise.race([waitForState(room, () => until(room), timeoutMs), refused]);
}

/** Moves a person on the server's authority, as a facilitator's "send to zone" would. */
export function placeIn(server: TestServer, code: string, room: SdkSessionRoom, x: number, z: number): void {
  const live = server.app.services.rooms.get(code);
  if (!live) throw new Error("no live room");
  live.placePerson(room.sessionId, x, z);
}

/** Joins a session on any server URL (a child process, say), waiting for the first full state. */
export async function joinAt(
  baseUrl: string,
  code: string,
  options: Partial<JoinOptions> & { name: string },
): Promise<SdkSessionRoom> {
  const sdk = new Client(baseUrl.replace(/^http/, "ws"));
  const room: SdkSessionRoom = await joinPatiently(() =>
    sdk.joinOrCreate<SessionState>(SESSION_ROOM, {
      protocol: PROTOCOL_VERSION,
      code,
      color: 0,
      locale: "en",
      ...options,
    }),
  );
  keepPoses(room);
  await waitForState(room, (state) => state.people?.has(room.sessionId) === true);
  return room;
}

/**
 * Everything about the boards and the screen that one client has decoded, as plain data, for
 * comparing what a person saw before a crash with what they see after it.
 */
export function snapshot(room: SdkSessionRoom) {
  const boards: Record<string, unknown> = {};
  room.state.boards.forEach((board, id) => {
    const notes: Record<string, unknown> = {};
    board.notes?.forEach((n, noteId) => (notes[noteId] = { ...n.toJSON() }));
    const clusters: Record<string, unknown> = {};
    board.clusters?.forEach((c, clusterId) => (clusters[clusterId] = { ...c.toJSON() }));
    const votes: Record<string, unknown> = {};
    board.votes?.forEach((v, voteId) => (votes[voteId] = v.toJSON()));
    const { notes: _n, clusters: _c, votes: _v, ...fields } = board.toJSON() as Record<string, unknown>;
    boards[id] = { ...fields, notes, clusters, votes };
  });
  const mine = room.state.boardsMine?.get(room.sessionId)?.toJSON() ?? null;
  const { files: _files, ...screen } = room.state.screen.toJSON() as Record<string, unknown>;
  return { boards, mine, screen };
}

/** Writes a note as `room` and resolves with its id once that client sees it. */
export async function writeNote(room: SdkSessionRoom, boardId: string, text: string): Promise<string> {
  sendCommand(room, "boards.addNote", { boardId, text, color: 1 });
  await waitForState(room, () => textsSeenBy(room).includes(text));
  return decodedNotes(room).find((n) => n.text === text)!.id;
}
