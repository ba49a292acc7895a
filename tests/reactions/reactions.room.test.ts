import { describe, expect, it } from "vitest";
import { sendCommand } from "../../shared/protocol/send";
import type { ErrorMessage, ServerMessage } from "../../shared/protocol";
import { nextMessage, waitForState } from "../support/server";
import { useTestServer } from "../support/rooms";

const server = useTestServer();

describe("reactions", () => {
  it("relays a reaction to everyone at once, refuses observers and floods", async () => {
    const session = await server.createSession();
    const anna = await server.join(session.code, { name: "Anna" });
    const ben = await server.join(session.code, { name: "Ben" });
    const watcher = await server.join(session.code, { name: "Watcher", observer: true });
    await waitForState(anna, (s) => s.people.size === 3);

    const seenByBen = nextMessage<ServerMessage<"reaction.shown">>(ben, "reaction.shown");
    const seenByWatcher = nextMessage<ServerMessage<"reaction.shown">>(watcher, "reaction.shown");
    sendCommand(anna, "reaction.send", { kind: "heart" });
    expect(await seenByBen).toEqual({ id: anna.sessionId, kind: "heart" });
    expect(await seenByWatcher).toEqual({ id: anna.sessionId, kind: "heart" });

    const refused = nextMessage<ErrorMessage>(watcher, "error");
    sendCommand(watcher, "reaction.send", { kind: "clap" });
    expect(await refused).toMatchObject({ code: "forbidden", command: "reaction.send" });

    const invalid = nextMessage<ErrorMessage>(anna, "error");
    anna.send("reaction.send", { kind: "poop" });
    expect(await invalid).toMatchObject({ code: "invalid_payload" });

    const limited = nextMessage<ErrorMessage>(ben, "error");
    for (let i = 0; i < 5; i++) sendCommand(ben, "reaction.send", { kind: "clap" });
    expect(await limited).toMatchObject({ code: "rate_limited", command: "reaction.send" });
    await Promise.all([anna.leave(), ben.leave(), watcher.leave()]);
  });
});
