import { Room } from "@colyseus/sdk";
import type { AnyRoom } from "../support/server";

/**
 * Every frame the server sends each SDK room, from the very first (the full state at join): proof of
 * privacy that does not rely on how the client decodes. Strings travel as UTF-8 bytes in both state
 * patches and messages, so a secret that reached a client shows up as a byte sequence in its frames.
 */
export class FrameRecorder {
  private readonly frames = new WeakMap<object, Uint8Array[]>();
  private original: ((event: MessageEvent) => void) | undefined;

  install(): void {
    const prototype = Room.prototype as unknown as { onMessageCallback(event: MessageEvent): void };
    const original = prototype.onMessageCallback;
    this.original = original;
    const frames = this.frames;
    prototype.onMessageCallback = function (this: object, event: MessageEvent) {
      const list = frames.get(this) ?? [];
      list.push(new Uint8Array(event.data as ArrayBuffer).slice());
      frames.set(this, list);
      original.call(this, event);
    };
  }

  uninstall(): void {
    if (this.original) (Room.prototype as unknown as { onMessageCallback: unknown }).onMessageCallback = this.original;
  }

  /** How many frames a room has received so far. */
  count(room: AnyRoom): number {
    return this.frames.get(room)?.length ?? 0;
  }

  /** True when any frame the room received (optionally only from frame `from` on) contains `text`. */
  received(room: AnyRoom, text: string, from = 0): boolean {
    const needle = Buffer.from(text, "utf8");
    return (this.frames.get(room) ?? []).slice(from).some((frame) => Buffer.from(frame).indexOf(needle) !== -1);
  }
}
