import { describe, expect, it } from "vitest";
import { CHAT_LIMITS, chatKey, keysToDrop } from "../../shared/chat/history";

describe("chat history", () => {
  it("keys sort in the order messages were written", () => {
    const keys = [9, 10, 100, 2].map(chatKey);
    expect([...keys].sort()).toEqual([2, 9, 10, 100].map(chatKey));
  });

  it("drops the oldest lines beyond the limit", () => {
    const keys = Array.from({ length: CHAT_LIMITS.history + 3 }, (_, i) => chatKey(i));
    expect(keysToDrop(keys)).toEqual([0, 1, 2].map(chatKey));
    expect(keysToDrop(keys.slice(0, 10))).toEqual([]);
  });
});
