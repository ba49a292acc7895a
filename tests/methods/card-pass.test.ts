import { describe, expect, it } from "vitest";
import {
  advanceCardPass,
  cardPassResults,
  cardPassViewFor,
  heldCard,
  roundProgress,
  scoreCard,
  startCardPass,
  writeCard,
  type CardPass,
} from "../../shared/methods/card-pass";

const ok = (result: { ok: true; pass: CardPass } | { ok: false; key: string }): CardPass => {
  if (!result.ok) throw new Error(result.key);
  return result.pass;
};

/** A pass with a card by each person, passing started. */
function passing(people: string[], rounds: number, seed: number): CardPass {
  let pass = startCardPass(0, { rounds, scale: 5 }, seed);
  for (const id of people) pass = ok(writeCard(pass, id, `idea of ${id}`));
  return ok(advanceCardPass(pass, -1));
}

describe("25/10 card pass", () => {
  it("keeps one card per person, rewritable only while writing", () => {
    let pass = startCardPass(0, { rounds: 2, scale: 5 }, 1);
    pass = ok(writeCard(pass, "a", " first "));
    pass = ok(writeCard(pass, "a", "second"));
    expect(pass.cards).toEqual([{ id: "c1", author: "a", text: "second" }]);
    expect(writeCard(pass, "b", "   ")).toEqual({ ok: false, key: "methods.cardPass.badText" });
    expect(advanceCardPass(pass, -1)).toEqual({ ok: false, key: "methods.cardPass.tooFewCards" });
    pass = ok(writeCard(ok(writeCard(pass, "b", "x")), "c", "y"));
    pass = ok(advanceCardPass(pass, -1));
    expect(writeCard(pass, "a", "late")).toEqual({ ok: false, key: "methods.cardPass.notWriting" });
  });

  it("never gives anyone their own card or the same card twice, for many seeds", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const people = Array.from({ length: 3 + (seed % 20) }, (_, i) => `p${i}`);
      const rounds = Math.min(5, people.length - 1);
      const pass = passing(people, rounds, seed);
      const authorOf = new Map(pass.cards.map((c) => [c.id, c.author]));
      const seen = new Map<string, Set<string>>();
      for (const round of pass.holders) {
        expect(new Set(Object.values(round)).size).toBe(people.length);
        for (const [card, holder] of Object.entries(round)) {
          expect(holder).not.toBe(authorOf.get(card));
          const mine = seen.get(holder) ?? new Set();
          expect(mine.has(card)).toBe(false);
          seen.set(holder, mine.add(card));
        }
      }
    }
  });

  it("deals the same rounds from the same seed", () => {
    expect(passing(["a", "b", "c", "d"], 3, 42).holders).toEqual(passing(["a", "b", "c", "d"], 3, 42).holders);
  });

  it("accepts one in-range score from the holder of the card in the current round only", () => {
    let pass = passing(["a", "b", "c", "d"], 2, 7);
    const held = heldCard(pass, "a")!;
    const other = pass.cards.find((c) => c.id !== held.id && c.author !== "a")!;
    expect(scoreCard(pass, "a", 0, other.id, 3)).toEqual({ ok: false, key: "methods.cardPass.notHeld" });
    expect(scoreCard(pass, "a", 0, held.id, 6)).toEqual({ ok: false, key: "methods.cardPass.outOfRange" });
    expect(scoreCard(pass, "a", 0, held.id, 0)).toEqual({ ok: false, key: "methods.cardPass.outOfRange" });
    expect(scoreCard(pass, "a", 1, held.id, 3)).toEqual({ ok: false, key: "methods.cardPass.notThisRound" });
    pass = ok(scoreCard(pass, "a", 0, held.id, 3));
    expect(scoreCard(pass, "a", 0, held.id, 4)).toEqual({ ok: false, key: "methods.cardPass.already" });
    expect(roundProgress(pass)).toEqual({ scored: 1, holders: 4 });
    expect(advanceCardPass(pass, -1)).toEqual({ ok: false, key: "methods.stale" });
  });

  it("totals every round, ranks ties together, and shows no author or others' scores", () => {
    let pass = passing(["a", "b", "c", "d"], 2, 3);
    const give: Record<string, number> = { a: 5, b: 1, c: 3, d: 3 };
    for (let round = 0; round < 2; round++) {
      for (const who of ["a", "b", "c", "d"])
        pass = ok(scoreCard(pass, who, round, heldCard(pass, who)!.id, give[who]!));
      pass = ok(advanceCardPass(pass, round));
    }
    expect(pass.phase).toBe("done");
    const results = cardPassResults(pass);
    expect(results.reduce((sum, r) => sum + r.total, 0)).toBe(2 * (5 + 1 + 3 + 3));
    expect(results.map((r) => r.total)).toEqual([...results.map((r) => r.total)].sort((x, y) => y - x));
    results.forEach((r, i) => {
      expect(r.rank).toBe(results.filter((o) => o.total > r.total).length + 1);
      if (i > 0 && results[i - 1]!.total === r.total) expect(r.rank).toBe(results[i - 1]!.rank);
    });
    const view = JSON.stringify(cardPassViewFor(pass, "a", false));
    for (const who of ["a", "b", "c", "d"]) expect(view).not.toContain(`"${who}"`);
  });

  it("shows a participant only the card they hold and their own score of it", () => {
    let pass = passing(["a", "b", "c", "d"], 2, 9);
    const held = heldCard(pass, "b")!;
    pass = ok(scoreCard(pass, "c", 0, heldCard(pass, "c")!.id, 4));
    const view = cardPassViewFor(pass, "b", false);
    expect(view.held).toEqual({ id: held.id, text: held.text, score: null });
    expect(view.progress).toBeNull();
    expect(view.results).toBeNull();
    const texts = pass.cards.filter((c) => c.id !== held.id).map((c) => c.text);
    for (const text of texts) expect(JSON.stringify(view)).not.toContain(text);
    expect(cardPassViewFor(pass, "f", true).progress).toEqual({ cards: 4, scored: 1, holders: 4 });
  });
});
