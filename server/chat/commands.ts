import type { MapSchema } from "@colyseus/schema";
import { chatKey, keysToDrop } from "../../shared/chat/history";
import { ChatMessageState } from "../../shared/chat/state";
import { defineCommand } from "../commands/registry";

function append(channel: MapSchema<ChatMessageState>, message: ChatMessageState): void {
  let last = -1;
  for (const key of channel.keys()) last = Math.max(last, Number(key));
  channel.set(chatKey(last + 1), message);
  for (const key of keysToDrop(channel.keys())) channel.delete(key);
}

export const chatCommands = [
  defineCommand({
    name: "chat.send",
    permission: "member",
    rate: { perSecond: 2, burst: 10 },
    overRate: "reject",
    run(ctx, { channel, text }) {
      let target: MapSchema<ChatMessageState>;
      if (channel === "plenary") {
        target = ctx.room.state.plenaryChat;
      } else {
        const zone = ctx.room.state.zones.get(channel);
        if (!zone) return { error: "not_found" };
        // A zone's chat is its members' (and the facilitators'): nobody else may read or write it.
        if (ctx.person.zone !== channel && ctx.person.role !== "facilitator") return { error: "not_in_zone" };
        target = zone.work.chat;
      }
      const message = new ChatMessageState();
      message.author = ctx.client.sessionId;
      message.name = ctx.person.name;
      message.color = ctx.person.color;
      message.text = text;
      message.at = ctx.now;
      append(target, message);
    },
  }),
];
