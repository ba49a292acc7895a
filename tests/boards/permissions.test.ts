import { describe, expect, it } from "vitest";
import type { BoardDoc, NoteDoc, Actor } from "../../shared/boards/model";
import * as server from "../../shared/boards/rules";
import * as client from "../../client/boards/permissions";
import type { BoardView, MineView, NoteView } from "../../client/boards/boards-store";
import type { PersonView } from "../../client/session/session-store";

// The client and the server decide by one set of rules: for every role, board state and kind of
// note, the buttons a page offers are exactly the actions the server accepts.
const roles = ["facilitator", "participant", "observer", "coach"] as const;
const flags = [false, true];

describe("the client offers what the server accepts", () => {
  it("agrees on writing, clustering, editing and moving for every role and board state", () => {
    let cases = 0;
    for (const role of roles)
      for (const locked of flags)
        for (const clustering of flags)
          for (const inOwnZone of flags)
            for (const own of flags)
              for (const clustered of flags) {
                const actor: Actor = { uid: "me", name: "Me", role, zone: "nw" } as Actor;
                const boardDoc = { id: "b", zoneId: inOwnZone ? "nw" : "se", locked, clustering } as BoardDoc;
                const noteDoc = {
                  id: "n",
                  boardId: "b",
                  authorUid: own ? "me" : "other",
                  clusterId: clustered ? "c" : "",
                  hidden: false,
                } as NoteDoc;
                // What the room tells this person: whether the board's contents reach them, and their own notes.
                const contentsVisible = role === "facilitator" || inOwnZone;
                const boardView = { id: "b", locked, clustering, contentsVisible } as BoardView;
                const noteView = { id: "n", clusterId: noteDoc.clusterId } as NoteView;
                const self = { id: "s", role } as PersonView;
                const mine: MineView = { notes: new Set(own ? ["n"] : []), used: {}, dots: {} };

                expect(client.mayWrite(boardView, self)).toBe(server.mayWrite(boardDoc, actor));
                expect(client.mayCluster(boardView, self)).toBe(server.mayCluster(boardDoc, actor));
                // A page holds only notes that reach it.
                if (contentsVisible) {
                  expect(client.mayEdit(noteView, self, mine)).toBe(server.mayEdit(noteDoc, boardDoc, actor));
                  expect(client.mayMove(noteView, boardView, self, mine)).toBe(
                    server.mayMove(noteDoc, boardDoc, actor),
                  );
                }
                cases++;
              }
    expect(cases).toBe(roles.length * 32);
  });

  it("keeps observers and coaches from changing anything, and lets a participant move only their own loose note on a locked board", () => {
    const board = { id: "b", locked: true, clustering: true, contentsVisible: true } as BoardView;
    const loose = { id: "n", clusterId: "" } as NoteView;
    const mine: MineView = { notes: new Set(["n"]), used: {}, dots: {} };
    for (const role of ["observer", "coach"]) {
      const self = { id: "s", role } as PersonView;
      expect([
        client.mayWrite(board, self),
        client.mayEdit(loose, self, mine),
        client.mayMove(loose, board, self, mine),
      ]).toEqual([false, false, false]);
    }
    const participant = { id: "p", role: "participant" } as PersonView;
    expect(client.mayMove(loose, board, participant, mine)).toBe(true);
    expect(client.mayMove({ ...loose, clusterId: "c" }, board, participant, mine)).toBe(false);
    expect(client.mayCluster(board, participant)).toBe(false);
  });
});
