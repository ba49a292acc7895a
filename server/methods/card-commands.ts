import { advanceCardPass, roundProgress, scoreCard, writeCard, type CardPass } from "../../shared/methods/card-pass";
import { defineCommand, type CommandOutcome, type RoomApi } from "../commands/registry";
import { cardPassOf, commitCardPass, passIsCurrent } from "./card-pass";
import { runOf, tellEveryone } from "./runtime";

/**
 * 25/10's messages: a participant writes their card and scores the card they hold; a facilitator
 * starts the passing and moves rounds on. A round also moves on by itself once every card in it is
 * scored. Each change is stored before it is acknowledged or told.
 */

type Change = { ok: true; pass: CardPass } | { ok: false; key: string };

async function apply(room: RoomApi, now: number, change: (pass: CardPass) => Change): Promise<CommandOutcome> {
  const pass = cardPassOf(room);
  if (!pass || !passIsCurrent(pass, runOf(room))) return { error: "not_found", detail: "methods.cardPass.none" };
  const result = change(pass);
  if (!result.ok) return { error: "invalid_payload", detail: result.key };
  let next = result.pass;
  // Everyone has scored the card they hold: the next round starts without waiting for the facilitator.
  const progress = roundProgress(next);
  if (next.phase === "passing" && progress.holders > 0 && progress.scored === progress.holders) {
    const moved = advanceCardPass(next, next.round);
    if (moved.ok) next = moved.pass;
  }
  if (!(await commitCardPass(room, next, now))) return { error: "storage_failed" };
  tellEveryone(room);
}

export const cardPassCommands = [
  defineCommand({
    name: "methods.card.write",
    permission: "member",
    rate: { perSecond: 1, burst: 5 },
    overRate: "reject",
    run(ctx, { text }) {
      if (ctx.person.role !== "participant") return { error: "forbidden", detail: "methods.cardPass.participantsOnly" };
      return apply(ctx.room, ctx.now, (pass) => writeCard(pass, ctx.privateData.uid, text));
    },
  }),
  defineCommand({
    name: "methods.card.score",
    permission: "member",
    // One score a round is all a person needs; the burst leaves room for a refused try or two.
    rate: { perSecond: 2, burst: 10 },
    overRate: "reject",
    run(ctx, { round, card, score }) {
      return apply(ctx.room, ctx.now, (pass) => scoreCard(pass, ctx.privateData.uid, round, card, score));
    },
  }),
  defineCommand({
    name: "methods.card.advance",
    permission: "facilitator",
    rate: { perSecond: 5, burst: 30 },
    overRate: "reject",
    run(ctx, { from }) {
      return apply(ctx.room, ctx.now, (pass) => advanceCardPass(pass, from));
    },
  }),
];
