import { describe, expect, it } from "vitest";
import type { MethodsState } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import { templatePlan } from "../../shared/methods/templates";
import { glassScreens } from "../../server/methods/troika";
import { runOf } from "../../server/methods/runtime";
import { nextMessage } from "../support/server";
import { VoiceBot } from "../support/voice-bot";
import { externalRequests } from "../support/browser";
import { inNamespace, packetsReceived, slotsOf, useMediaSession, type Person } from "./media-people";

/** Steps of Troika's template: for each client in turn explain, ask, advise (the glass), reflect. */
const PHASES = 4;
const ADVISE = 2;

/**
 * Troika's one-way glass in Chromium's own receiver stats (RTCPeerConnection): a consultant's page
 * gets not one RTP packet from the client in the advice phase, while the client's page keeps
 * receiving the consultants. Two browsers and a simulated third member (two cores: see
 * browser-scenario.ts); the facilitator runs the plan over a plain connection. Inside the media
 * tests' private network namespace (`npm run test:media -- tests/voice/troika`).
 */
describe.skipIf(!inNamespace)("Troika's one-way glass, packet by packet in the browser", () => {
  const media = useMediaSession();

  it("the consultants' pages receive nothing from the client in the advice phase, and again after Next", async () => {
    const session = await media.server.createSession("Troika");
    const link = `${media.server.baseUrl}/s/${session.code}`;
    const host = await media.server.join(session.code, { name: "Host", facilitatorSecret: session.facilitatorSecret });
    host.onMessage("methods.state", () => {});
    const [anna, ben] = await Promise.all([
      media.arrive(link, "Anna", 440, session.code),
      media.arrive(link, "Ben", 660, session.code),
    ]);
    const caiRoom = await media.server.join(session.code, { name: "Cai" });
    caiRoom.onMessage("methods.state", () => {});
    const cai = new VoiceBot(caiRoom, 3);
    await cai.connect();
    cai.talk();
    const room = await media.sessionRoom(session.code);

    let ids = 0;
    const plan = templatePlan("troika", "en", () => `t${++ids}`);
    let step = -1;
    const next = async () => {
      const told = nextMessage<MethodsState>(host, "methods.state", 10_000, (s) => s.step === step + 1);
      sendCommand(host, "methods.step.next", { from: step });
      step = (await told).step;
    };
    const saved = nextMessage<MethodsState>(host, "methods.state", 10_000, (s) => s.plan !== null);
    sendCommand(host, "methods.plan.save", { plan });
    await saved;
    // Each trio member is the client once; go to the first advice phase whose client has a browser.
    let client: Person | undefined;
    for (let round = 0; round < 3 && !client; round++) {
      while (step < round * PHASES + ADVISE) await next();
      const screened = [...glassScreens(room, runOf(room)).keys()];
      client = [anna, ben].find((p) => screened.includes(p.id));
    }
    if (!client) throw new Error("no browser was the client in any round");
    const consultant = client === anna ? ben : anna;

    // Each page says its part.
    const part = (p: Person) => p.page.getByTestId("troika-part").textContent();
    await expect.poll(() => part(client), { timeout: 15_000 }).toMatch(/^You are the client, behind one-way glass/);
    await expect.poll(() => part(consultant), { timeout: 15_000 }).toMatch(/^You are a consultant: talk over/);

    // The consultant's page has no receive slot for the client and its stats gain not one packet from
    // them, while it keeps receiving the other consultant; the client's page receives both consultants.
    await expect.poll(() => slotsOf(consultant), { timeout: 10_000 }).not.toContain(client.id);
    await expect.poll(() => slotsOf(client), { timeout: 10_000 }).toEqual(expect.arrayContaining([consultant.id]));
    const before = {
      fromClient: await packetsReceived(consultant, client.id),
      fromCai: await packetsReceived(consultant, caiRoom.sessionId),
      clientFromConsultant: await packetsReceived(client, consultant.id),
      clientFromCai: await packetsReceived(client, caiRoom.sessionId),
    };
    // The window closes on packets, not on the clock: once 100 more packets of Cai's have reached the
    // consultant and the client, any packet of the client's would have travelled alongside them.
    await expect
      .poll(async () => (await packetsReceived(consultant, caiRoom.sessionId)) - before.fromCai, { timeout: 15_000 })
      .toBeGreaterThan(100);
    await expect
      .poll(async () => (await packetsReceived(client, caiRoom.sessionId)) - before.clientFromCai, { timeout: 15_000 })
      .toBeGreaterThan(100);
    await expect
      .poll(async () => (await packetsReceived(client, consultant.id)) - before.clientFromConsultant, {
        timeout: 15_000,
      })
      .toBeGreaterThan(50);
    const fromClient = (await packetsReceived(consultant, client.id)) - before.fromClient;
    console.log(
      `advice: consultant received ${fromClient} packets from the client, ` +
        `${(await packetsReceived(consultant, caiRoom.sessionId)) - before.fromCai} from the other consultant; ` +
        `client received ${(await packetsReceived(client, consultant.id)) - before.clientFromConsultant} ` +
        `and ${(await packetsReceived(client, caiRoom.sessionId)) - before.clientFromCai} from the consultants`,
    );
    expect(fromClient).toBe(0);

    // Next (reflect): the glass is gone, the consultant receives the client again.
    await next();
    await expect.poll(() => part(client), { timeout: 15_000 }).toMatch(/^You are the client: tell/);
    await expect.poll(() => slotsOf(consultant), { timeout: 10_000 }).toContain(client.id);
    const reopened = await packetsReceived(consultant, client.id);
    await expect
      .poll(async () => (await packetsReceived(consultant, client.id)) - reopened, { timeout: 15_000 })
      .toBeGreaterThan(50);

    await cai.close();
    await caiRoom.leave();
    await host.leave();
    for (const person of media.people) {
      expect(externalRequests(person.requests)).toEqual([]);
      expect(person.errors).toEqual([]);
    }
  });
});
