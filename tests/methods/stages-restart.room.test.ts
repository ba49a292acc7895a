import { describe, expect, it } from "vitest";
import { type MethodsState } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import { templatePlan } from "../../shared/methods/templates";
import { freePort, nextMessage, waitForState, type SdkSessionRoom } from "../support/server";
import { refusal } from "../support/rooms";
import { enter, methodsSession, restartableServer } from "../support/methods-server";
import { decodedNotes, textsSeenBy } from "../support/boards";

const start = restartableServer("stages");

const step = (host: SdkSessionRoom, from: number) => {
  const told = nextMessage<MethodsState>(host, "methods.state", 8000, (s) => s.step === from + 1);
  sendCommand(host, "methods.step.next", { from });
  return told;
};

describe("stages across a restart", () => {
  it("TRIZ's earlier board stays read-only and its tag stays set after the server restarts", async () => {
    const port = await freePort();
    let app = await start(port);
    // Pairs need two people.
    const cast = await methodsSession(port, "TRIZ", ["Anna", "Ben"], "stages");
    const { session } = cast;
    const anna = cast.guestsAs[0]!;
    const host = cast.host.room;
    const [guest, ben] = cast.guests.map((g) => g.room) as [SdkSessionRoom, SdkSessionRoom];
    let n = 0;
    const plan = templatePlan("triz", "en", () => `r${++n}`);
    const saved = nextMessage<MethodsState>(host, "methods.state", 5000, (s) => s.plan !== null);
    sendCommand(host, "methods.plan.save", { plan });
    await saved;
    let state: MethodsState | null = null;
    for (let from = -1; from < 3; from++) state = await step(host, from);
    const worst = state!.stages!.current[0]!;
    sendCommand(guest, "boards.addNote", { boardId: worst, text: "blame each other", color: 0 });
    await waitForState(guest, () => textsSeenBy(guest).includes("blame each other"));
    const noteId = decodedNotes(guest)[0]!.id;
    await step(host, 3);
    const tagged = nextMessage<MethodsState>(guest, "methods.state", 5000, (s) => s.stages?.tags.length === 1);
    sendCommand(guest, "boards.tagNote", { noteId });
    await tagged;
    await Promise.all([host.leave(), guest.leave(), ben.leave()]);
    await app.close();

    app = await start(port);
    const again = await enter(port, session.code, anna);
    expect(again.state.step).toBe(4);
    expect(again.state.stages).toMatchObject({ readOnly: [worst], taggable: [worst], tags: [noteId] });
    await waitForState(again.room, () => textsSeenBy(again.room).includes("blame each other"));
    expect((await refusal(again.room, "boards.editNote", { noteId, text: "changed" })).code).toBe("board_read_only");
    await again.room.leave();
    await app.close();
  });
});
