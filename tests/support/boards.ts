import type { BoardState, NoteState } from "../../shared/boards/state";
import type { ClientMessageInput, ClientMessageName, ErrorMessage } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import { nextMessage, waitForState, type SdkSessionRoom, type TestServer } from "./server";

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

/** Sends a command that must be refused, and resolves with the error. */
export async function refusal<N extends ClientMessageName>(
  room: SdkSessionRoom,
  name: N,
  payload: ClientMessageInput<N>,
): Promise<ErrorMessage> {
  const error = nextMessage<ErrorMessage>(room, "error");
  sendCommand(room, name, payload);
  return error;
}

/** Moves a person on the server's authority, as a facilitator's "send to zone" would. */
export function placeIn(server: TestServer, code: string, room: SdkSessionRoom, x: number, z: number): void {
  const live = server.app.services.rooms.get(code);
  if (!live) throw new Error("no live room");
  live.placePerson(room.sessionId, x, z);
}

/** A round trip through the server: when it answers, every earlier message from this client has been handled. */
export async function settle(room: SdkSessionRoom): Promise<void> {
  const name = `settle ${Math.random().toString(36).slice(2, 8)}`;
  sendCommand(room, "session.profile", { name });
  await waitForState(room, (s) => s.people.get(room.sessionId)?.name === name);
}
