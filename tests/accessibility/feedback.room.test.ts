import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

function send(body: unknown): Promise<Response> {
  return fetch(`${server.baseUrl}/api/accessibility/feedback`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

describe("the accessibility statement's feedback channel", () => {
  it("keeps valid feedback, refuses malformed feedback, and limits how much one address sends", async () => {
    const info = await fetch(`${server.baseUrl}/api/accessibility`);
    expect(await info.json()).toEqual({ contact: null });

    const accepted = await send({
      message: "  Äänestyksen painikkeet   eivät erotu ruudunlukijalla. ",
      contact: "anna@example.fi",
      about: "2D-näkymä",
      locale: "fi",
    });
    expect(accepted.status).toBe(201);
    const { id, replyDays } = (await accepted.json()) as { id: string; replyDays: number };
    expect(replyDays).toBe(14);

    // Each is refused before anything is stored: empty text, unknown fields, control characters, too long.
    for (const bad of [
      { message: "   ", contact: "", about: "", locale: "fi" },
      { message: "Hei", contact: "", about: "", locale: "de", extra: 1 },
      { message: "Hei\u0007", contact: "", about: "", locale: "sv" },
      { message: "x".repeat(2001), contact: "", about: "de", locale: "en" },
    ]) {
      expect((await send(bad)).status).toBe(400);
    }
    const stored = await server.app.services.store.listFeedback();
    expect(stored).toEqual([
      {
        id,
        receivedAt: expect.any(Number),
        message: "Äänestyksen painikkeet eivät erotu ruudunlukijalla.",
        contact: "anna@example.fi",
        about: "2D-näkymä",
        locale: "fi",
      },
    ]);

    // Five an hour from one address (the refused ones above counted too): the next is told to wait.
    expect((await send({ message: "Kuudes", contact: "", about: "", locale: "fi" })).status).toBe(429);
    expect(await server.app.services.store.listFeedback()).toHaveLength(1);
  });
});
