import { describe, expect, it } from "vitest";
import { sendCommand } from "../../shared/protocol/send";
import { externalRequests, screenshot } from "../support/browser";
import { waitForState } from "../support/server";
import { HEARD_DBFS, inNamespace, packetsReceived, toneLevel, useMediaSession } from "../voice/media-people";

/**
 * The hybrid room's voice end to end: a room device (a laptop at the meeting room's table, its
 * microphone a 440 Hz tone) and a remote person (660 Hz) in their own Chromium processes, through
 * the real server. Run inside a private network namespace like the voice tests
 * (`npm run test:media`), so no packet can leave the machine.
 */

const media = useMediaSession();
const { arrive, sessionRoom, people } = media;

describe.skipIf(!inNamespace)("the hybrid room's voice (inside a private network namespace)", () => {
  it("a room device at the table and a remote person standing by it hear each other", async () => {
    const session = await media.server.createSession("Hybrid voice");
    const link = `${media.server.baseUrl}/s/${session.code}`;
    const host = await media.server.join(session.code, { name: "Host", facilitatorSecret: session.facilitatorSecret });
    sendCommand(host, "hybrid.add", { name: "Meeting room Kuusi", seats: 6 });
    await waitForState(host, (s) => s.physicalRooms.size === 1);
    const table = [...host.state.physicalRooms.values()][0]!;

    const device = await arrive(link, "Kuusi laptop", 440, session.code, { place: /This laptop is the room device/ });
    await waitForState(host, (s) => s.physicalRooms.get(table.id)?.device === device.id);
    const remote = await arrive(link, "Rita", 660, session.code);
    // The remote person walks up to the table (placed by the server, as a summon would).
    (await sessionRoom(session.code)).placePerson(remote.id, table.x + 2.5, table.z);

    await expect
      .poll(() => remote.page.evaluate(() => window.yhteistilaVoice!.slots()), { timeout: 15_000 })
      .toContain(device.id);
    await expect
      .poll(() => device.page.evaluate(() => window.yhteistilaVoice!.slots()), { timeout: 15_000 })
      .toContain(remote.id);
    // The remote person hears the room, and the room hears the remote person: receiver stats and level.
    await expect.poll(() => packetsReceived(remote, device.id), { timeout: 15_000 }).toBeGreaterThan(50);
    await expect.poll(() => packetsReceived(device, remote.id), { timeout: 15_000 }).toBeGreaterThan(50);
    await expect.poll(() => toneLevel(remote, device.tone), { timeout: 15_000 }).toBeGreaterThan(HEARD_DBFS);
    await expect.poll(() => toneLevel(device, remote.tone), { timeout: 15_000 }).toBeGreaterThan(HEARD_DBFS);
    const heard = {
      remoteHearsRoom: {
        dBFS: await toneLevel(remote, device.tone),
        packets: await packetsReceived(remote, device.id),
      },
      roomHearsRemote: {
        dBFS: await toneLevel(device, remote.tone),
        packets: await packetsReceived(device, remote.id),
      },
    };
    console.log("hybrid voice:", JSON.stringify(heard));
    await screenshot(remote.page, "hybrid-voice-remote");

    for (const person of people) {
      expect(externalRequests(person.requests)).toEqual([]);
      expect(person.errors).toEqual([]);
    }
    await host.leave();
  });
});
