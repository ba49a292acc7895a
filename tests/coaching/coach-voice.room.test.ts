import { describe, expect, it } from "vitest";
import { type ErrorMessage, type ServerMessage } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import { voiceRooms } from "../../server/voice/commands";
import { useTestServer } from "../support/rooms";
import { nextMessage } from "../support/server";
import { collect, describeCoachVoiceRouting, serverRoom } from "./coach-voice-scenarios";
import { coachSecretFor, joinAsCoach } from "../support/coaches";

/**
 * The coach's voice on a real server: who may use it, and (coach-voice-scenarios.ts, werift bots on
 * loopback counting every packet) what the coach hears and who receives their whisper.
 */
const server = useTestServer();

describe("the coach's voice", () => {
  it("is the coach's alone: others are refused, a coach must be connected to whisper, and leaving ends the whisper", async () => {
    const session = await server.createSession();
    const host = await server.join(session.code, { facilitatorSecret: session.facilitatorSecret, name: "Host" });
    const anna = await server.join(session.code, { name: "Anna" });
    for (const room of [host, anna]) {
      for (const [name, payload] of [
        ["coaching.listen", { zone: "" }],
        ["coaching.talk", { on: true }],
      ] as const) {
        const error = nextMessage<ErrorMessage>(room, "error");
        sendCommand(room, name, payload as never);
        expect(await error).toMatchObject({ code: "forbidden", command: name });
      }
    }
    const coach = await joinAsCoach(
      server,
      session.code,
      await coachSecretFor(server, session.code, session.facilitatorSecret),
      "K",
    );
    let error = nextMessage<ErrorMessage>(coach, "error");
    sendCommand(coach, "coaching.talk", { on: true });
    expect(await error).toMatchObject({ code: "not_found", command: "coaching.talk" });
    error = nextMessage<ErrorMessage>(coach, "error");
    sendCommand(coach, "coaching.listen", { zone: "z999999" });
    expect(await error).toMatchObject({ code: "not_found", command: "coaching.listen" });
    // A malformed choice never reaches the rule.
    error = nextMessage<ErrorMessage>(coach, "error");
    coach.send("coaching.listen", { zone: 5 });
    expect(await error).toMatchObject({ code: "invalid_payload", command: "coaching.listen" });
    // Still nobody in the room's people, and no voice state of theirs anyone could see.
    expect(host.state.people.has(coach.sessionId)).toBe(false);
    expect(host.state.voice.people.has(coach.sessionId)).toBe(false);

    // A coach who leaves mid-whisper stops whispering: the facilitator is told, the plan forgets them.
    const told = collect<ServerMessage<"coaching.talking">>(host, "coaching.talking");
    coach.onMessage("voice.offer", () => undefined);
    coach.onMessage("coaching.talking", () => undefined);
    sendCommand(coach, "coaching.listen", { zone: "" });
    const voice = voiceRooms.get(serverRoom(host))!;
    await expect.poll(() => voice.coaches.has(coach.sessionId)).toBe(true);
    sendCommand(coach, "coaching.talk", { on: true });
    await expect.poll(() => told.map((m) => m.on)).toEqual([true]);
    await coach.leave();
    await expect.poll(() => told.map((m) => m.on)).toEqual([true, false]);
    expect(voice.coaches.has(coach.sessionId)).toBe(false);
    expect([...voice.currentPlan.values()].flat()).not.toContain(coach.sessionId);
  });
});

describeCoachVoiceRouting("the coach's voice on the embedded engine", server);
