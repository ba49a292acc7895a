import { describe, expect, it } from "vitest";
import { AVATAR_COLORS } from "../../shared/avatars/palette";
import { useTestServer } from "../support/rooms";
import { waitForState } from "../support/server";

const server = useTestServer();

describe("avatar colours on joining", () => {
  it("people who do not choose get colours nobody present wears; a chosen colour is kept", async () => {
    const session = await server.createSession();
    const chooser = await server.join(session.code, { name: "Chooser", color: 2 });
    const others = [];
    for (let i = 0; i < AVATAR_COLORS.length - 1; i++) {
      others.push(await server.join(session.code, { name: `Guest ${i}`, color: undefined }));
    }
    await waitForState(chooser, (s) => s.people.size === AVATAR_COLORS.length);
    const colours = Array.from(chooser.state.people.values(), (p) => p.color);
    expect(chooser.state.people.get(chooser.sessionId)!.color).toBe(2);
    expect(new Set(colours).size).toBe(AVATAR_COLORS.length);
    for (const room of [chooser, ...others]) await room.leave();
  });
});
