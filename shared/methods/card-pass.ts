import { z } from "zod";
import { mulberry32 } from "../random";
import { CARD_PASS_TOP, CARD_TEXT_MAX } from "./card-pass-limits";
import { passCards } from "./grouping";

/**
 * 25/10 Crowd Sourcing as pure rules: everyone writes one bold idea on a card at the cardPass step,
 * the cards are passed for `rounds` rounds (never one's own card, never the same card twice:
 * grouping.ts passCards), whoever holds a card scores it 1..scale without seeing earlier scores or
 * its author, and at the end the totals and the top ten are revealed, anonymously. The server stores
 * the pass and tells each person only what they may see (`cardPassViewFor`).
 */

export { CARD_PASS_TOP, CARD_TEXT_MAX };

const uid = z.string().max(64);
const cardSchema = z.object({ id: z.string().max(16), author: uid, text: z.string().min(1).max(CARD_TEXT_MAX) });

export const cardPassSchema = z.object({
  /** The run entry (index in run.entries) whose step started this pass; Back past it drops the pass. */
  entry: z.number().int().min(0),
  rounds: z.number().int().min(1).max(20),
  scale: z.number().int().min(2).max(10),
  seed: z.number().int(),
  /** Writing the cards, passing them round by round, or done (results revealed). */
  phase: z.enum(["writing", "passing", "done"]),
  /** The current round while passing (0-based); -1 before. */
  round: z.number().int().min(-1),
  cards: z.array(cardSchema).max(500),
  /** Per round: card id → the uid holding it. */
  holders: z.array(z.record(z.string(), uid)),
  /** Per round: card id → the score its holder gave. */
  scores: z.array(z.record(z.string(), z.number().int().min(1).max(10))),
});
export type CardPass = z.infer<typeof cardPassSchema>;

export type CardPassResult = { ok: true; pass: CardPass } | { ok: false; key: string };
const refuse = (key: string): CardPassResult => ({ ok: false, key });

export function startCardPass(entry: number, mechanic: { rounds: number; scale: number }, seed: number): CardPass {
  return {
    entry,
    rounds: mechanic.rounds,
    scale: mechanic.scale,
    seed,
    phase: "writing",
    round: -1,
    cards: [],
    holders: [],
    scores: [],
  };
}

/** Writes (or rewrites, until the passing starts) this person's one card. */
export function writeCard(pass: CardPass, author: string, text: string): CardPassResult {
  if (pass.phase !== "writing") return refuse("methods.cardPass.notWriting");
  const clean = text.trim();
  if (clean.length === 0 || clean.length > CARD_TEXT_MAX) return refuse("methods.cardPass.badText");
  const mine = pass.cards.find((card) => card.author === author);
  const cards = mine
    ? pass.cards.map((card) => (card === mine ? { ...card, text: clean } : card))
    : [...pass.cards, { id: `c${pass.cards.length + 1}`, author, text: clean }];
  return { ok: true, pass: { ...pass, cards } };
}

/** Who holds which card in every round, from the seed: the authors of the cards pass among themselves. */
function dealRounds(pass: CardPass): Record<string, string>[] {
  const cardOf = new Map(pass.cards.map((card) => [card.author, card.id]));
  return passCards(
    pass.cards.map((card) => card.author),
    pass.rounds,
    mulberry32(pass.seed),
  ).map((round) => Object.fromEntries([...round].map(([author, holder]) => [cardOf.get(author)!, holder])));
}

/**
 * The facilitator moves on: writing → round 1 (needs more cards than rounds), a round → the next,
 * the last round → done. `from` is the round the sender saw, so a doubled press moves on once.
 */
export function advanceCardPass(pass: CardPass, from: number): CardPassResult {
  if (from !== pass.round || pass.phase === "done") return refuse("methods.stale");
  if (pass.phase === "writing") {
    if (pass.cards.length <= pass.rounds) return refuse("methods.cardPass.tooFewCards");
    return { ok: true, pass: { ...pass, phase: "passing", round: 0, holders: dealRounds(pass), scores: [{}] } };
  }
  if (pass.round + 1 >= pass.rounds) return { ok: true, pass: { ...pass, phase: "done" } };
  return { ok: true, pass: { ...pass, round: pass.round + 1, scores: [...pass.scores, {}] } };
}

/** The card `holder` holds in the current round, if any. */
export function heldCard(pass: CardPass, holder: string): CardPass["cards"][number] | null {
  if (pass.phase !== "passing") return null;
  const held = pass.holders[pass.round] ?? {};
  const id = Object.keys(held).find((card) => held[card] === holder);
  return (id && pass.cards.find((card) => card.id === id)) || null;
}

/** Scores the card `holder` holds in round `round`, once, 1..scale. */
export function scoreCard(pass: CardPass, holder: string, round: number, card: string, score: number): CardPassResult {
  if (pass.phase !== "passing" || round !== pass.round) return refuse("methods.cardPass.notThisRound");
  if (pass.holders[round]?.[card] !== holder) return refuse("methods.cardPass.notHeld");
  if (!Number.isInteger(score) || score < 1 || score > pass.scale) return refuse("methods.cardPass.outOfRange");
  const scores = pass.scores[round] ?? {};
  if (scores[card] !== undefined) return refuse("methods.cardPass.already");
  const next = pass.scores.map((r, i) => (i === round ? { ...r, [card]: score } : r));
  return { ok: true, pass: { ...pass, scores: next } };
}

/** How many of this round's cards are scored, of how many. */
export function roundProgress(pass: CardPass): { scored: number; holders: number } {
  if (pass.phase !== "passing") return { scored: 0, holders: 0 };
  return {
    scored: Object.keys(pass.scores[pass.round] ?? {}).length,
    holders: Object.keys(pass.holders[pass.round] ?? {}).length,
  };
}

export interface CardResult {
  text: string;
  total: number;
  /** 1-based; equal totals share a rank (1, 2, 2, 4). */
  rank: number;
}

/** Every card with its total, best first (ties in card order); no authors. */
export function cardPassResults(pass: CardPass): CardResult[] {
  const totals = pass.cards.map((card, order) => ({
    text: card.text,
    order,
    total: pass.scores.reduce((sum, round) => sum + (round[card.id] ?? 0), 0),
  }));
  totals.sort((a, b) => b.total - a.total || a.order - b.order);
  // Competition ranking: a card's rank is one more than the number of cards with a higher total.
  return totals.map((card) => ({
    text: card.text,
    total: card.total,
    rank: totals.filter((other) => other.total > card.total).length + 1,
  }));
}

export const cardPassViewSchema = z.object({
  phase: z.enum(["writing", "passing", "done"]),
  round: z.number().int().min(-1),
  rounds: z.number().int(),
  scale: z.number().int(),
  /** The receiver's own card text (only theirs), while writing. */
  mine: z.string().nullable(),
  /** The card the receiver holds this round, and their own score of it once given. */
  held: z.object({ id: z.string(), text: z.string(), score: z.number().int().nullable() }).nullable(),
  /** Facilitators: cards written, and this round's progress. */
  progress: z.object({ cards: z.number().int(), scored: z.number().int(), holders: z.number().int() }).nullable(),
  /** Everyone, once done: all cards with totals and ranks, best first. */
  results: z.array(z.object({ text: z.string(), total: z.number().int(), rank: z.number().int() })).nullable(),
});
export type CardPassView = z.infer<typeof cardPassViewSchema>;

/** What one person may see of the pass: their own card, the card they hold, never others' scores. */
export function cardPassViewFor(pass: CardPass, viewer: string, facilitator: boolean): CardPassView {
  const held = heldCard(pass, viewer);
  return {
    phase: pass.phase,
    round: pass.round,
    rounds: pass.rounds,
    scale: pass.scale,
    mine: pass.phase === "writing" ? (pass.cards.find((card) => card.author === viewer)?.text ?? null) : null,
    held: held && { id: held.id, text: held.text, score: pass.scores[pass.round]?.[held.id] ?? null },
    progress: facilitator ? { cards: pass.cards.length, ...roundProgress(pass) } : null,
    results: pass.phase === "done" ? cardPassResults(pass) : null,
  };
}
