/**
 * What may go on the presentation screen, and how to tell a file is what it claims to be: the
 * first bytes of every accepted format are fixed, so a renamed or forged file is refused before
 * anything parses it. SVG is not accepted on purpose (it can carry scripts).
 */

export const SCREEN_FILE_TYPES = {
  "image/png": { kind: "image", ext: "png" },
  "image/jpeg": { kind: "image", ext: "jpg" },
  "image/gif": { kind: "image", ext: "gif" },
  "image/webp": { kind: "image", ext: "webp" },
  "application/pdf": { kind: "pdf", ext: "pdf" },
} as const;
export type ScreenMime = keyof typeof SCREEN_FILE_TYPES;

export function isScreenMime(value: string): value is ScreenMime {
  return Object.hasOwn(SCREEN_FILE_TYPES, value);
}

/** Largest upload, bytes. */
export const SCREEN_FILE_MAX_BYTES = 25 * 1024 * 1024;
/** Uploads kept per session (facilitators can delete old ones). */
export const SCREEN_FILES_MAX = 40;
export const SCREEN_FILE_NAME_MAX = 120;
/** Pixels per side an image may have (decoding a bigger one could exhaust a headset's memory). */
export const SCREEN_IMAGE_MAX_SIDE = 12000;
export const SCREEN_PDF_MAX_PAGES = 2000;

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((value, i) => bytes[offset + i] === value);
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The format the bytes actually are, by their signature; undefined for anything else. */
export function sniffScreenMime(bytes: Uint8Array): ScreenMime | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "image/gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  if (startsWith(bytes, ascii("%PDF-"))) return "application/pdf";
  return undefined;
}

function u16be(b: Uint8Array, i: number): number {
  return (b[i]! << 8) | b[i + 1]!;
}
function u16le(b: Uint8Array, i: number): number {
  return b[i]! | (b[i + 1]! << 8);
}
function u24le(b: Uint8Array, i: number): number {
  return b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
}
function u32be(b: Uint8Array, i: number): number {
  return ((b[i]! << 24) >>> 0) + ((b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!);
}

/**
 * An image's size read from its header, or undefined when the header is not a valid one of its
 * format: a file that starts with the right signature but is truncated or malformed is refused too.
 */
export function imageSize(mime: ScreenMime, b: Uint8Array): { width: number; height: number } | undefined {
  switch (mime) {
    case "image/png":
      // Signature, then the IHDR chunk: length 13, type, width, height.
      if (b.length < 33 || !startsWith(b, ascii("IHDR"), 12)) return undefined;
      return { width: u32be(b, 16), height: u32be(b, 20) };
    case "image/gif":
      if (b.length < 10) return undefined;
      return { width: u16le(b, 6), height: u16le(b, 8) };
    case "image/webp": {
      if (b.length < 30) return undefined;
      if (startsWith(b, ascii("VP8X"), 12)) return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
      if (startsWith(b, ascii("VP8L"), 12) && b[20] === 0x2f) {
        const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
        return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
      }
      if (startsWith(b, ascii("VP8 "), 12) && startsWith(b, [0x9d, 0x01, 0x2a], 23)) {
        return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
      }
      return undefined;
    }
    case "image/jpeg": {
      // Walk the segments up to the first start-of-frame marker, which holds the size.
      let i = 2;
      while (i + 9 < b.length) {
        if (b[i] !== 0xff) return undefined;
        const marker = b[i + 1]!;
        if (marker === 0xff) {
          i++;
          continue;
        }
        const length = u16be(b, i + 2);
        const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
        if (isFrame) return { width: u16be(b, i + 7), height: u16be(b, i + 5) };
        if (length < 2) return undefined;
        i += 2 + length;
      }
      return undefined;
    }
    case "application/pdf":
      return undefined;
  }
}

/** A display name for an upload: no path, no control characters, bounded. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "").trim();
  return clean.slice(0, SCREEN_FILE_NAME_MAX);
}
