import { SchemaSerializer, type Client } from "@colyseus/core";
import type { Encoder, Schema } from "@colyseus/schema";

/** The part of the schema encoder this file relies on, beyond its public API. */
interface EncoderGrowth {
  sharedBuffer: Uint8Array;
  _resizeBuffer(buffer: Uint8Array, usedOffset: number): Uint8Array;
}

/**
 * Lets the encoder's buffers double when a state outgrows them, without the console warning the
 * schema library prints on every growth. A session's state grows by design (chat, notes, people:
 * several MiB at the product's limits), and growing is correct once SessionSerializer below keeps
 * the grown buffer; the warning would only be noise in every log and benchmark.
 */
export function growQuietly(encoder: Encoder): void {
  const internals = encoder as unknown as EncoderGrowth;
  if (typeof internals._resizeBuffer !== "function") {
    // Fail loudly at room creation rather than silently corrupting state after an upgrade.
    throw new Error("@colyseus/schema has no Encoder._resizeBuffer any more: review server/session/serializer.ts");
  }
  internals._resizeBuffer = (buffer, usedOffset) => {
    const grown = new Uint8Array(Math.max(usedOffset * 2, buffer.byteLength * 2));
    grown.set(buffer);
    if (buffer === internals.sharedBuffer) internals.sharedBuffer = grown;
    return grown;
  };
}

/**
 * Colyseus' SchemaSerializer with the full state of a large session sent whole.
 *
 * Upstream (@colyseus/core 0.18.17, SchemaSerializer.getFullState): when the shared part of the full
 * state outgrows `fullEncodeBuffer`, the encoder re-encodes it into a larger buffer and returns that,
 * but the serializer keeps passing the old, smaller `fullEncodeBuffer` to `encodeAllView` for each
 * client's private part. The view pass then grows a copy of the old buffer, whose bytes past the
 * old size were never written: a late joiner receives zeros where the state's tail should be
 * (empty chat authors, `"refId" not found`, missing people). Here the grown buffer is kept.
 */
export class SessionSerializer<T extends Schema> extends SchemaSerializer<T> {
  override reset(newState: T & Schema): void {
    super.reset(newState);
    growQuietly(this.encoder);
  }

  override getFullState(client?: Client, timing?: Parameters<SchemaSerializer<T>["getFullState"]>[1]) {
    // Timed frames belong to rooms with an input controller, which this product does not use.
    if (timing) return super.getFullState(client, timing);
    if (this.needFullEncode || this.encoder.root.changes.next !== undefined) {
      this.sharedOffsetCache = { offset: 1 };
      this.fullEncodeCache = this.encoder.encodeAll(this.sharedOffsetCache, this.fullEncodeBuffer);
      // The encoder may have moved the bytes to a larger buffer: every later pass must write there.
      if (this.fullEncodeCache.buffer !== this.fullEncodeBuffer.buffer) {
        this.fullEncodeBuffer = new Uint8Array(this.fullEncodeCache.buffer);
      }
      this.needFullEncode = false;
    }
    if (!this.hasFilters || !client?.view) return this.fullEncodeCache;
    return this.encoder.encodeAllView(
      client.view,
      this.sharedOffsetCache.offset,
      { ...this.sharedOffsetCache },
      this.fullEncodeBuffer,
    );
  }
}
