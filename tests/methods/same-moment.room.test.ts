import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startApp } from "../../server/app";
import { PostgresSessionStore } from "../../server/storage/postgres-store";
import { templatePlan } from "../../shared/methods/templates";
import { sendCommand } from "../../shared/protocol/send";
import { dropSchema, TEST_DATABASE_URL, uniqueSchema } from "../support/postgres";
import { freePort } from "../support/server";
import { methodsSession, toldWhere } from "../support/methods-server";

/**
 * Changes to a method's records sent in the same moment. On PostgreSQL every write is a real round
 * trip, so without the room running commands one after another (SessionRoom's inTurn) they would
 * overlap and the later would drop the earlier's change: each must build on the others'.
 */

const schema = uniqueSchema("same_moment");
const clientDir = mkdtempSync(join(tmpdir(), "yhteistila-same-moment-"));
afterAll(async () => {
  rmSync(clientDir, { recursive: true, force: true });
  await dropSchema(schema);
});

const NAMES = ["Anna", "Ben", "Cai", "Dora", "Eino", "Fanni"];

describe("a method's records on PostgreSQL, changed by many at once", () => {
  it("keeps every card written and every topic posted in the same moment", async () => {
    const port = await freePort();
    const store = await PostgresSessionStore.open(TEST_DATABASE_URL, { schema });
    const app = await startApp({ port, host: "127.0.0.1", store, clientDir });
    let n = 0;

    // 25/10: six cards written at once; the facilitator is told all six.
    const cards = await methodsSession(port, "25/10 at once", NAMES, "race-cards");
    const host = cards.host.room;
    const guests = cards.guests.map((g) => g.room);
    let told = toldWhere(host, (s) => s.plan !== null);
    sendCommand(host, "methods.plan.save", { plan: templatePlan("crowdSourcing", "en", () => `c${++n}`) });
    await told;
    sendCommand(host, "methods.step.next", { from: -1 });
    await toldWhere(host, (s) => s.step === 0);
    told = toldWhere(host, (s) => s.cardPass?.phase === "writing");
    sendCommand(host, "methods.step.next", { from: 0 });
    await told;
    const allSix = toldWhere(host, (s) => s.cardPass?.progress?.cards === NAMES.length, 5000);
    guests.forEach((guest, i) => sendCommand(guest, "methods.card.write", { text: `Idea of ${NAMES[i]}` }));
    expect((await allSix).cardPass!.progress!.cards).toBe(NAMES.length);

    // Open Space: six topics posted in six free cells at once all stay on the grid.
    const market = await methodsSession(port, "Open Space at once", NAMES, "race-market");
    const facilitator = market.host.room;
    const people = market.guests.map((g) => g.room);
    told = toldWhere(facilitator, (s) => s.plan !== null);
    sendCommand(facilitator, "methods.plan.save", { plan: templatePlan("openSpace", "en", () => `o${++n}`) });
    await told;
    sendCommand(facilitator, "methods.step.next", { from: -1 });
    await toldWhere(facilitator, (s) => s.step === 0);
    told = toldWhere(facilitator, (s) => s.market !== null);
    sendCommand(facilitator, "methods.step.next", { from: 0 });
    const grid = (await told).market!;
    const cells = grid.zones.flatMap((zone) => [0, 1].map((slot) => ({ slot, zone: zone.id })));
    const allPosted = toldWhere(facilitator, (s) => s.market?.topics.length === NAMES.length, 5000);
    people.forEach((person, i) => sendCommand(person, "methods.market.post", { ...cells[i]!, title: `Topic ${i}` }));
    expect((await allPosted).market!.topics.map((t) => t.title).sort()).toEqual(NAMES.map((_, i) => `Topic ${i}`));

    await Promise.all([...guests, host, ...people, facilitator].map((room) => room.leave()));
    await app.close();
  });
});
