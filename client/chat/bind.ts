import type { MapSchema } from "@colyseus/schema";
import type { ChatMessageState } from "../../shared/chat/state";
import type { ZoneWorkState } from "../../shared/zones/state";
import type { BindingContext } from "../session/binding";
import { PLENARY_CHANNEL, receiveChatLines, useChatStore, type ChatLine } from "./chat-store";

function lines(channel: MapSchema<ChatMessageState> | undefined): ChatLine[] {
  if (!channel) return [];
  return [...channel.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, m]) => ({ key, author: m.author, name: m.name, color: m.color, text: m.text, at: m.at }));
}

/**
 * Mirrors the plenary chat and every zone chat this person is allowed to read into the chat store,
 * and reports the lines others wrote since the last look (what was there when a channel first came
 * into view, at joining or on entering a zone, is history, not news).
 */
export function bindChat({ $, room }: BindingContext): void {
  let stale = true;
  const newest = new Map<string, string>();
  const mark = () => {
    stale = true;
  };
  const watchWork = (work: ZoneWorkState | undefined) => {
    if (!work) return;
    $.onAdd(work, "chat", mark);
    $.onRemove(work, "chat", mark);
  };
  $.onAdd("plenaryChat", mark);
  $.onRemove("plenaryChat", mark);
  $.onAdd("zones", (zone) => {
    mark();
    watchWork(zone.work as ZoneWorkState | undefined);
    $.listen(zone, "work", (work) => {
      mark();
      watchWork(work as ZoneWorkState | undefined);
    });
  });
  $.onRemove("zones", mark);

  room.onStateChange((state) => {
    if (!stale) return;
    stale = false;
    const channels: Record<string, ChatLine[]> = { [PLENARY_CHANNEL]: lines(state.plenaryChat) };
    for (const zone of state.zones?.values() ?? []) {
      const work = zone.work as ZoneWorkState | undefined;
      if (work) channels[zone.id] = lines(work.chat);
    }
    const arrived: { channel: string; line: ChatLine }[] = [];
    for (const [channel, list] of Object.entries(channels)) {
      const last = list.at(-1)?.key ?? "";
      const before = newest.get(channel);
      newest.set(channel, last);
      if (before === undefined) continue;
      for (const line of list) if (line.key > before && line.author !== room.sessionId) arrived.push({ channel, line });
    }
    useChatStore.setState({ channels });
    // Facilitators answer questions from every zone, so they are told of each line as it comes.
    receiveChatLines(arrived, state.people?.get(room.sessionId)?.role === "facilitator");
  });
}
