import { describe, expect, it } from "vitest";
import { useTestServer } from "../support/rooms";

const server = useTestServer();

async function check(code: string, authorization?: string) {
  const response = await fetch(`${server.baseUrl}/api/sessions/${code}/facilitator-check`, {
    method: "POST",
    headers: authorization ? { authorization } : {},
  });
  const text = await response.text();
  return { status: response.status, body: text, cache: response.headers.get("cache-control") };
}

describe("checking a link's facilitator key before joining", () => {
  it("says yes to the right key and only no to a wrong, malformed or missing one, revealing nothing else", async () => {
    const session = await server.createSession("Key check");
    const other = await server.createSession("Another");

    const right = await check(session.code, `Bearer ${session.facilitatorSecret}`);
    expect(right).toMatchObject({ status: 204, body: "", cache: "no-store" });

    // A wrong key of the right shape, another session's key, a cut key, none at all: the same answer.
    const wrong = `Bearer ${session.facilitatorSecret.slice(0, -4)}AAAA`;
    for (const authorization of [wrong, `Bearer ${other.facilitatorSecret}`, "Bearer short", undefined]) {
      const answer = await check(session.code, authorization);
      expect(answer.status, authorization).toBe(401);
      expect(JSON.parse(answer.body)).toEqual({ error: "forbidden" });
      expect(answer.body).not.toContain(session.facilitatorSecret);
    }

    // The key never travels in the URL: a query string does not count.
    const inQuery = await fetch(
      `${server.baseUrl}/api/sessions/${session.code}/facilitator-check?secret=${session.facilitatorSecret}`,
      { method: "POST" },
    );
    expect(inQuery.status).toBe(401);

    // An unknown session is not found, whatever the key.
    expect((await check("AAA-AAA-AAA", `Bearer ${session.facilitatorSecret}`)).status).toBe(404);
  });

  it("rate limits wrong guesses from one address", async () => {
    const session = await server.createSession("Guessing");
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) statuses.push((await check(session.code, `Bearer ${"x".repeat(43)}`)).status);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
  });
});
