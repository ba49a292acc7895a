import { describe, expect, it } from "vitest";
import type { MethodsState } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import { templatePlan } from "../../shared/methods/templates";
import { waitForState, type SdkSessionRoom } from "../support/server";
import { hostAndGuests, refusal, useTestServer } from "../support/rooms";
import { act, decodedNotes, textsSeenBy, wallBoardId } from "../support/boards";
import { toldAfter } from "../support/methods-server";

const server = useTestServer();

const idsFrom = () => {
  let n = 0;
  return () => `s${++n}`;
};

/** Keeps each client's last methods.state. */
function track(rooms: SdkSessionRoom[]): Map<SdkSessionRoom, MethodsState> {
  const last = new Map<SdkSessionRoom, MethodsState>();
  for (const room of rooms) room.onMessage("methods.state", (s: MethodsState) => last.set(room, s));
  return last;
}

const next = (host: SdkSessionRoom, from: number, test: (s: MethodsState) => boolean = () => true) =>
  after(
    host,
    () => sendCommand(host, "methods.step.next", { from }),
    (s) => s.step === from + 1 && test(s),
  );

/** Waits until what a client was told passes a test (the methods state comes as messages, not patches). */
async function until(what: string, test: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > end) throw new Error(`never told: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const noteId = (room: SdkSessionRoom, text: string) => decodedNotes(room).find((n) => n.text === text)!.id;

const after = (room: SdkSessionRoom, send: () => void, test: (s: MethodsState) => boolean) =>
  toldAfter(room, send, test, 8000);

describe("stages unlocked in turn", () => {
  it("What / So What / Now What: each stage writes on its own board, the earlier one beside it read-only; Back restores", async () => {
    const { host, guests } = await hostAndGuests(server, ["Anna", "Ben", "Cai"]);
    const told = track(guests);
    host.onMessage("methods.state", () => {});
    const [anna] = guests as [SdkSessionRoom];
    const plan = templatePlan("whatSoWhat", "en", idsFrom());
    await after(
      host,
      () => sendCommand(host, "methods.plan.save", { plan }),
      (s) => s.plan !== null,
    );
    const what = (await next(host, -1, (s) => (s.stages?.current.length ?? 0) > 0)).stages!.current;
    expect(what).toHaveLength(1);
    // The stage's board stands in the group's zone, titled by the stage.
    await waitForState(anna, (s) => s.boards.has(what[0]!));
    expect(anna.state.boards.get(what[0]!)!.zoneId).not.toBe("");
    expect(anna.state.boards.get(what[0]!)!.title).toBe("What?");
    await act(anna, "boards.addNote", { boardId: what[0]!, text: "we saw delays", color: 0 }, (r) =>
      textsSeenBy(r).includes("we saw delays"),
    );

    const soWhat = (await next(host, 0, (s) => (s.stages?.current.length ?? 0) > 0)).stages!;
    await until("told", () => told.get(anna)?.step === 1);
    expect(told.get(anna)!.stages).toMatchObject({ readOnly: what, current: soWhat.current });
    expect(soWhat.current[0]).not.toBe(what[0]);

    // The earlier stage refuses every write, with its reason; the current stage takes them.
    expect((await refusal(anna, "boards.addNote", { boardId: what[0]!, text: "late", color: 0 })).code).toBe(
      "board_read_only",
    );
    const delays = noteId(anna, "we saw delays");
    expect((await refusal(anna, "boards.editNote", { noteId: delays, text: "changed" })).code).toBe("board_read_only");
    expect((await refusal(anna, "boards.removeNote", { noteId: delays })).code).toBe("board_read_only");
    expect((await refusal(host, "boards.moveNote", { noteId: delays, x: 50, y: 50 })).code).toBe("board_read_only");
    await act(anna, "boards.addNote", { boardId: soWhat.current[0]!, text: "it costs trust", color: 1 }, (r) =>
      textsSeenBy(r).includes("it costs trust"),
    );
    // Nothing lost: the earlier stage's note stands unchanged, still seen beside the new one.
    expect(textsSeenBy(anna)).toEqual(expect.arrayContaining(["we saw delays", "it costs trust"]));
    expect(decodedNotes(anna).find((n) => n.id === delays)!.boardId).toBe(what[0]);

    // Back: What is the current stage again and can be written; So What's board keeps its note.
    await after(
      host,
      () => sendCommand(host, "methods.step.back", { from: 1 }),
      (s) => s.step === 0,
    );
    await until("told", () => told.get(anna)?.step === 0);
    expect(told.get(anna)!.stages!.readOnly).toEqual([]);
    await act(anna, "boards.editNote", { noteId: delays, text: "we saw long delays" }, (r) =>
      textsSeenBy(r).includes("we saw long delays"),
    );
    expect(textsSeenBy(anna)).toContain("it costs trust");
    await Promise.all([host.leave(), ...guests.map((g) => g.leave())]);
  });

  it("TRIZ: the worst list is tagged 'we already do this' in the next stage, and each person owns one first action at the end", async () => {
    const { session, host, guests } = await hostAndGuests(server, ["Anna", "Ben", "Cai", "Dora"]);
    const told = track(guests);
    host.onMessage("methods.state", () => {});
    const [anna, ben] = guests as [SdkSessionRoom, SdkSessionRoom];
    const plan = templatePlan("triz", "en", idsFrom());
    await after(
      host,
      () => sendCommand(host, "methods.plan.save", { plan }),
      (s) => s.plan !== null,
    );
    for (let from = -1; from < 3; from++) await next(host, from);
    // Step 3, everyone together: the worst list goes up in the plenary.
    await until("told", () => told.get(anna)?.step === 3 && told.get(anna)!.stages!.current.length === 1);
    const worstBoard = told.get(anna)!.stages!.current[0]!;
    for (const text of ["ignore the users", "ship on fridays"]) {
      await act(anna, "boards.addNote", { boardId: worstBoard, text, color: 0 }, (r) => textsSeenBy(r).includes(text));
    }
    // Tagging is not yet open while the list is written.
    expect((await refusal(ben, "boards.tagNote", { noteId: noteId(ben, "ship on fridays") })).code).toBe(
      "not_this_step",
    );

    await next(host, 3);
    await until("told", () => told.get(ben)?.step === 4);
    expect(told.get(ben)!.stages).toMatchObject({ readOnly: [worstBoard], taggable: [worstBoard] });
    const fridays = noteId(ben, "ship on fridays");
    sendCommand(ben, "boards.tagNote", { noteId: fridays });
    await until("told", () => told.get(anna)?.stages?.tags.includes(fridays) === true);
    // Anyone may toggle it back; a note elsewhere cannot be tagged; the list itself takes no new notes.
    sendCommand(anna, "boards.tagNote", { noteId: fridays });
    await until("told", () => told.get(ben)?.stages?.tags.length === 0);
    sendCommand(anna, "boards.tagNote", { noteId: fridays });
    await until("told", () => told.get(ben)?.stages?.tags.length === 1);
    await act(anna, "boards.addNote", { boardId: wallBoardId(anna), text: "on the wall", color: 0 }, (r) =>
      textsSeenBy(r).includes("on the wall"),
    );
    expect((await refusal(anna, "boards.tagNote", { noteId: noteId(anna, "on the wall") })).code).toBe("not_this_step");
    expect((await refusal(anna, "boards.addNote", { boardId: worstBoard, text: "more", color: 0 })).code).toBe(
      "board_read_only",
    );

    for (let from = 4; from < 11; from++) await next(host, from);
    await until("told", () => told.get(anna)?.step === 11 && told.get(anna)!.stages!.ownable.length === 1);
    const firstSteps = told.get(anna)!.stages!.ownable[0]!;
    for (const text of ["user panel", "freeze fridays"]) {
      await act(ben, "boards.addNote", { boardId: firstSteps, text, color: 2 }, (r) => textsSeenBy(r).includes(text));
    }
    await waitForState(anna, () => textsSeenBy(anna).includes("freeze fridays"));
    const panel = noteId(anna, "user panel");
    const freeze = noteId(anna, "freeze fridays");
    sendCommand(anna, "boards.ownNote", { noteId: panel });
    await until("told", () => told.get(ben)?.stages?.owners[panel] === "Anna");
    expect(told.get(anna)!.stages!.mine).toBe(panel);
    expect((await refusal(ben, "boards.ownNote", { noteId: panel })).code).toBe("note_owned");
    // One action each: taking another lets go of the first.
    sendCommand(anna, "boards.ownNote", { noteId: freeze });
    await until(
      "Anna's ownership moved",
      () => told.get(ben)?.stages?.owners[freeze] === "Anna" && !told.get(ben)!.stages!.owners[panel],
    );
    sendCommand(ben, "boards.ownNote", { noteId: panel });
    await until("told", () => told.get(anna)?.stages?.owners[panel] === "Ben");
    // The tag from the second stage is still there, and owning the worst list's notes is not.
    expect(told.get(anna)!.stages!.tags).toEqual([fridays]);
    expect((await refusal(anna, "boards.ownNote", { noteId: fridays })).code).toBe("not_this_step");

    // The exports carry the tag and the owners, by name only.
    const exported = async (format: string) =>
      (
        await fetch(`${server.baseUrl}/api/sessions/${session.code}/export.${format}?lang=en`, {
          headers: { authorization: `Bearer ${session.facilitatorSecret}` },
        })
      ).text();
    const json = JSON.parse(await exported("json")) as {
      boards: { notes: { text: string; weAlreadyDoThis?: true; owner?: string }[] }[];
    };
    const notes = json.boards.flatMap((b) => b.notes);
    expect(notes.find((n) => n.text === "ship on fridays")!.weAlreadyDoThis).toBe(true);
    expect(notes.find((n) => n.text === "ignore the users")!.weAlreadyDoThis).toBeUndefined();
    expect(notes.find((n) => n.text === "user panel")!.owner).toBe("Ben");
    expect(notes.find((n) => n.text === "freeze fridays")!.owner).toBe("Anna");
    expect(await exported("md")).toContain("user panel — *by Ben · owner: Ben*");
    const csv = await exported("csv");
    expect(csv.split("\r\n")[0]).toContain('"we already do this","owner"');
    expect(csv.split("\r\n").find((line) => line.includes("ship on fridays"))).toContain('"we already do this",""');
    for (const doc of [JSON.stringify(json), await exported("md"), csv]) expect(doc).not.toContain(anna.sessionId);
    await Promise.all([host.leave(), ...guests.map((g) => g.leave())]);
  });
});
