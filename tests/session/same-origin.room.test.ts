import { describe, expect, it } from "vitest";
import { PROTOCOL_VERSION, SESSION_ROOM } from "../../shared/protocol";
import { useTestServer } from "../support/rooms";

const server = useTestServer();

/** The response's CORS headers, lower-cased. */
function cors(response: Response): Record<string, string> {
  const out: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    if (key.startsWith("access-control-")) out[key] = value;
  });
  return out;
}

describe("cross-origin requests", () => {
  it("get no CORS permission from the matchmaker or the API, whatever origin they claim", async () => {
    const session = await server.createSession();
    const origin = { origin: "https://evil.example" };
    const preflight = await fetch(`${server.baseUrl}/matchmake/joinOrCreate/${SESSION_ROOM}`, {
      method: "OPTIONS",
      headers: { ...origin, "access-control-request-method": "POST" },
    });
    expect(cors(preflight)).toEqual({});

    const join = await fetch(`${server.baseUrl}/matchmake/joinOrCreate/${SESSION_ROOM}`, {
      method: "POST",
      headers: { ...origin, "content-type": "application/json" },
      body: JSON.stringify({ protocol: PROTOCOL_VERSION, code: session.code, name: "Eve", color: 0, locale: "en" }),
    });
    expect(cors(join)).toEqual({});

    const api = await fetch(`${server.baseUrl}/api/sessions/${session.code}`, { headers: origin });
    expect(api.status).toBe(200);
    expect(cors(api)).toEqual({});
  });

  it("still lets the product's own pages join (same origin needs no CORS)", async () => {
    const session = await server.createSession();
    const room = await server.join(session.code, { name: "Same origin" });
    expect(room.state.people.size).toBe(1);
    await room.leave();
  });
});
