import { describe, expect, it } from "vitest";
import { balcony, type BalconyPersonInput } from "../../shared/coaching/balcony";

const person = (over: Partial<BalconyPersonInput> & { id: string; zone: string }): BalconyPersonInput => ({
  name: over.id,
  organisation: "Vero",
  handRaisedAt: 0,
  atTable: false,
  participant: true,
  ...over,
});
const zone = (id: string, over: { ready?: boolean; remainingMs?: number | null } = {}) => ({
  id,
  name: `Zone ${id}`,
  ready: false,
  remainingMs: null,
  ...over,
});

describe("the balcony", () => {
  it("shows each group with people or a running clock, the plenary last, and counts what matters", () => {
    const cards = balcony(
      [zone("nw", { remainingMs: 120_000 }), zone("ne"), zone("sw", { remainingMs: 60_000 })],
      [
        person({ id: "Ben", zone: "nw", organisation: "Kela" }),
        person({ id: "Anna", zone: "nw", atTable: true, handRaisedAt: 5 }),
        person({ id: "Fia", zone: "nw", participant: false }),
        person({ id: "Olli", zone: "" }),
      ],
      new Map([
        ["nw", 4],
        ["", 9],
      ]),
      "Plenary",
    );
    expect(cards.map((c) => c.id)).toEqual(["nw", "sw", ""]);
    const [nw, sw, plenary] = cards;
    // A facilitator visiting is not a member; members in name order.
    expect(nw!.members.map((m) => m.name)).toEqual(["Anna", "Ben"]);
    expect(nw).toMatchObject({ notes: 4, hands: 1, atTables: 1, remote: 1, organisations: 2, flags: ["hands"] });
    // An empty group with its clock running still shows (it was sent out and emptied).
    expect(sw).toMatchObject({ members: [], flags: [] });
    expect(plenary).toMatchObject({ name: "Plenary", notes: 9, flags: [] });
  });

  it("marks time up without ready, someone alone, and a group of one organisation in a mixed room", () => {
    const people = [
      person({ id: "A", zone: "nw" }),
      person({ id: "B", zone: "nw" }),
      person({ id: "C", zone: "ne", organisation: "Kela" }),
      person({ id: "D", zone: "sw", organisation: "Kela" }),
      person({ id: "E", zone: "sw" }),
    ];
    const cards = balcony(
      [zone("nw", { remainingMs: 0 }), zone("ne"), zone("sw", { remainingMs: 0, ready: true })],
      people,
      new Map(),
      "Plenary",
    );
    expect(cards.find((c) => c.id === "nw")!.flags).toEqual(["time_up", "one_organisation"]);
    expect(cards.find((c) => c.id === "ne")!.flags).toEqual(["alone"]);
    // Ready when time ran out, and mixed: nothing to look at.
    expect(cards.find((c) => c.id === "sw")!.flags).toEqual([]);
    // In a room of one organisation, a group of one organisation is no news.
    const sameOrg = balcony([zone("nw")], people.slice(0, 2), new Map(), "Plenary");
    expect(sameOrg[0]!.flags).toEqual([]);
  });
});

describe("the balcony's speaking-time highlights", () => {
  it("flags one voice and members not heard yet from the server's figures, only for people present", () => {
    const people = [person({ id: "a", zone: "nw" }), person({ id: "b", zone: "nw" }), person({ id: "c", zone: "ne" })];
    const speaking = new Map([
      ["nw", { dominant: "a", silent: ["b"] }],
      ["ne", { dominant: "", silent: ["gone"] }],
    ]);
    const cards = balcony([zone("nw"), zone("ne")], people, new Map(), "Plenary", speaking);
    expect(cards.find((c) => c.id === "nw")?.flags).toEqual(["one_voice", "not_heard"]);
    expect(cards.find((c) => c.id === "ne")?.flags).toEqual(["alone"]);
    // Without figures (a participant's page, or Janus) nothing changes.
    expect(balcony([zone("nw")], people, new Map(), "Plenary")[0]?.flags).toEqual([]);
  });
});
