import { create } from "zustand";

export interface ChatLine {
  key: string;
  author: string;
  name: string;
  color: number;
  text: string;
  at: number;
}

/** A line that arrived while its channel was not on screen, shown briefly as a notice (facilitators). */
export interface ChatNotice {
  id: number;
  channel: string;
  line: ChatLine;
}

/** What the chat panel shows right now: one channel, every channel, or nothing (panel closed). */
export type ChatViewing = string | typeof ALL_CHANNELS | null;

interface ChatStore {
  /** "plenary" and the ids of the zones whose chat this person may read, oldest line first. */
  channels: Record<string, ChatLine[]>;
  /** Others' lines per channel that arrived while that channel was not on screen. */
  unread: Record<string, number>;
  notices: ChatNotice[];
  viewing: ChatViewing;
  /** A channel a notice asked the panel to open; the panel takes it and clears it. */
  requested: string | null;
}

/** The chats this person may read. Lines are written only by chat/bind.ts. */
export const useChatStore = create<ChatStore>(() => ({
  channels: {},
  unread: {},
  notices: [],
  viewing: null,
  requested: null,
}));

export const PLENARY_CHANNEL = "plenary";
/** The facilitator's merged view of every channel they may read (never sent to the server). */
export const ALL_CHANNELS = "*all";

/** Notices stay this long unless dismissed or read; more than three at once only keep the newest. */
const NOTICE_MS = 10_000;
const NOTICES_MAX = 3;
let nextNotice = 1;

export function totalUnread(unread: Record<string, number>): number {
  return Object.values(unread).reduce((sum, n) => sum + n, 0);
}

/** The panel reports what it shows: those lines are read, and their notices are no longer needed. */
export function setChatViewing(viewing: ChatViewing): void {
  useChatStore.setState((s) => {
    if (viewing === null) return { viewing };
    const unread = viewing === ALL_CHANNELS ? {} : { ...s.unread, [viewing]: 0 };
    const notices = s.notices.filter((n) => viewing !== ALL_CHANNELS && n.channel !== viewing);
    return { viewing, unread, notices };
  });
}

/** Counts new lines by others as unread unless their channel is on screen; facilitators also get a notice. */
export function receiveChatLines(arrived: { channel: string; line: ChatLine }[], notify: boolean): void {
  if (arrived.length === 0) return;
  const { viewing, unread, notices } = useChatStore.getState();
  const nextUnread = { ...unread };
  const added: ChatNotice[] = [];
  for (const { channel, line } of arrived) {
    if (viewing === ALL_CHANNELS || viewing === channel) continue;
    nextUnread[channel] = (nextUnread[channel] ?? 0) + 1;
    if (notify) added.push({ id: nextNotice++, channel, line });
  }
  useChatStore.setState({ unread: nextUnread, notices: [...notices, ...added].slice(-NOTICES_MAX) });
  for (const notice of added) setTimeout(() => dismissChatNotice(notice.id), NOTICE_MS);
}

export function dismissChatNotice(id: number): void {
  useChatStore.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}
