import { create } from "zustand";

export interface ChatLine {
  key: string;
  author: string;
  name: string;
  color: number;
  text: string;
  at: number;
}

interface ChatStore {
  /** "plenary" and the ids of the zones whose chat this person may read, oldest line first. */
  channels: Record<string, ChatLine[]>;
}

/** The chats this person may read. Written only by chat/bind.ts. */
export const useChatStore = create<ChatStore>(() => ({ channels: {} }));

export const PLENARY_CHANNEL = "plenary";
