import { describe, expect, it } from "vitest";
import type { ServerMessage } from "../../shared/protocol";
import { SPEAKING_REPORT_MS } from "../../shared/coaching/speaking";
import { Client } from "@colyseus/sdk";
import { PROTOCOL_VERSION, SESSION_ROOM, type CoachLinkResponse, type TimelineResponse } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import type { SessionState } from "../../shared/session/state";
import { waitForState, type SdkSessionRoom } from "../support/server";
import { hostAndGuests, useTestServer } from "../support/rooms";
import { VoiceBot } from "../support/voice-bot";

const server = useTestServer();

/**
 * Speaking time reaches facilitators only (and coaches: same rule as whispers, shared/coaching/rules.ts),
 * never a participant. The talking participant is a simulated person (werift) on loopback, sending
 * Opus-sized packets without audio levels: the engine's size fallback counts them as speech.
 */
describe("speaking time on the balcony", () => {
  it("tells the facilitator each person's share, and participants never a single figure", async () => {
    const { session, host, guests } = await hostAndGuests(server, ["Ann", "Bo"]);
    const link = await fetch(`${server.baseUrl}/api/sessions/${session.code}/coach-link`, {
      method: "POST",
      headers: { authorization: `Bearer ${session.facilitatorSecret}` },
    });
    const { coachSecret } = (await link.json()) as CoachLinkResponse;
    // A coach has no entry among the people: joined as coach.room.test.ts does.
    const coach: SdkSessionRoom = await new Client(server.baseUrl.replace(/^http/, "ws")).joinOrCreate<SessionState>(
      SESSION_ROOM,
      { protocol: PROTOCOL_VERSION, code: session.code, name: "Coach", color: 0, locale: "en", coachSecret },
    );
    await waitForState(coach, (s) => s.code === session.code);
    const coachReport = new Promise((resolve) => coach.onMessage("coaching.speaking", resolve));
    const [ann, bo] = guests as [(typeof guests)[number], (typeof guests)[number]];
    const seenByParticipants: string[] = [];
    for (const guest of guests) guest.onMessage("*", (type) => seenByParticipants.push(String(type)));
    const reports: ServerMessage<"coaching.speaking">[] = [];
    host.onMessage("coaching.speaking", (report: ServerMessage<"coaching.speaking">) => reports.push(report));

    // The facilitator keeps a debrief timeline: speaking time goes in per zone and organisation only.
    sendCommand(host, "timeline.set", { on: true });
    await waitForState(host, (s) => s.timeline.on === true);

    const bot = new VoiceBot(ann, 1);
    await bot.connect();
    bot.talk();
    const annMs = () =>
      reports
        .at(-1)
        ?.zones.flatMap((z) => z.people)
        .find((p) => p.id === ann.sessionId)?.ms ?? 0;
    await expect.poll(annMs, { timeout: 4 * SPEAKING_REPORT_MS }).toBeGreaterThan(0);
    bot.quiet();
    const plenary = reports.at(-1)!.zones.find((z) => z.zone === "")!;
    expect(plenary.people.map((p) => p.id).sort()).toEqual([ann.sessionId, bo.sessionId].sort());
    expect(plenary.people[0]).toMatchObject({ id: ann.sessionId, share: 1 });
    expect(plenary.people.find((p) => p.id === bo.sessionId)).toMatchObject({ ms: 0, share: 0 });

    expect(seenByParticipants).not.toContain("coaching.speaking");
    // The coach watching gets the same figures.
    await coachReport;

    const response = await fetch(`${server.baseUrl}/api/sessions/${session.code}/timeline`, {
      headers: { authorization: `Bearer ${session.facilitatorSecret}` },
    });
    const { items } = (await response.json()) as TimelineResponse;
    const spoken = items.filter((item) => item.e === "speak");
    expect(spoken.length).toBeGreaterThan(0);
    expect(spoken[0]).toMatchObject({ e: "speak", z: "", o: [["", expect.any(Number)]] });
    // Not a person id anywhere in what was stored of speaking time.
    for (const id of [ann.sessionId, bo.sessionId]) expect(JSON.stringify(spoken)).not.toContain(id);
    await bot.close();
    await Promise.all([host.leave(), coach.leave(), ann.leave(), bo.leave()]);
  }, 30_000);
});
