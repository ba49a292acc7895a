import type { Client } from "@colyseus/core";
import {
  marketNow,
  moveTopic,
  postTopic,
  setNoteTaker,
  withdrawTopic,
  type Actor,
  type Market,
  type MarketResult,
} from "../../shared/methods/marketplace";
import type { ClientPrivate } from "../commands/dispatch";
import { defineCommand, type CommandContext, type CommandOutcome } from "../commands/registry";
import { marketOf, markets, showSlot } from "./marketplace";
import { runOf, tellEveryone } from "./runtime";

/**
 * Open Space's messages: post a topic into a free cell, move or withdraw one's own (a facilitator any),
 * and name a topic's note-taker. Each change is stored before it is acknowledged or told; a change to
 * the slot running now also rewrites its zone's task.
 */

function actorOf(ctx: CommandContext): Actor {
  return {
    uid: ctx.privateData.uid,
    name: ctx.person.name,
    facilitator: ctx.person.role === "facilitator",
    zone: ctx.person.zone,
  };
}

function apply(
  ctx: CommandContext,
  change: (market: Market, now: { slot: number; closed: boolean }) => MarketResult,
): Promise<CommandOutcome> {
  if (ctx.person.role !== "participant" && ctx.person.role !== "facilitator") {
    return Promise.resolve({ error: "forbidden", detail: "methods.market.participantsOnly" });
  }
  // After every earlier post is stored, so two posted at once both land.
  return markets.queue(ctx.room, async (): Promise<CommandOutcome> => {
    const market = marketOf(ctx.room);
    const run = runOf(ctx.room);
    if (!market) return { error: "not_found", detail: "methods.market.none" };
    const result = change(market, marketNow(market, run));
    if (!result.ok) return { error: "invalid_payload", detail: result.key };
    if (!(await markets.commit(ctx.room, market.entry, result.market, ctx.now))) return { error: "storage_failed" };
    await showSlot(ctx.room, [], result.market, run, ctx.now);
    tellEveryone(ctx.room);
  });
}

const RATE = { perSecond: 2, burst: 10 };

export const marketCommands = [
  defineCommand({
    name: "methods.market.post",
    permission: "member",
    rate: RATE,
    overRate: "reject",
    run(ctx, cell) {
      return apply(ctx, (market, now) => postTopic(market, now, actorOf(ctx), cell));
    },
  }),
  defineCommand({
    name: "methods.market.move",
    permission: "member",
    rate: RATE,
    overRate: "reject",
    run(ctx, { topic, slot, zone }) {
      return apply(ctx, (market, now) => moveTopic(market, now, actorOf(ctx), topic, { slot, zone }));
    },
  }),
  defineCommand({
    name: "methods.market.withdraw",
    permission: "member",
    rate: RATE,
    overRate: "reject",
    run(ctx, { topic }) {
      return apply(ctx, (market, now) => withdrawTopic(market, now, actorOf(ctx), topic));
    },
  }),
  defineCommand({
    name: "methods.market.noteTaker",
    permission: "member",
    rate: RATE,
    overRate: "reject",
    run(ctx, { topic, person }) {
      const by = actorOf(ctx);
      let taker = { uid: by.uid, name: by.name };
      if (person !== undefined && person !== ctx.client.sessionId) {
        // Naming someone else is a facilitator's move; the rules refuse it for anyone else.
        const client = ctx.room.clientById(person) as Client | undefined;
        const them = ctx.room.state.people.get(person);
        const uid = (client?.userData as ClientPrivate | undefined)?.uid;
        if (!client || !them || !uid || them.role !== "participant") {
          return { error: "not_found", detail: "methods.market.noPerson" };
        }
        taker = { uid, name: them.name };
      }
      return apply(ctx, (market, now) => setNoteTaker(market, now, by, topic, taker));
    },
  }),
];
