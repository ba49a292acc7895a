import type { Troika } from "./troika";

/**
 * The project's own fonts for 3D text (assets/fonts). troika checks the text's own font first and
 * the builder's default second; a character neither covers would make troika fetch a fallback font
 * from a CDN, so `renderableText` replaces such characters before they reach it. The HTML panels
 * show every name in full with the system's fonts.
 */
export const FONT_REGULAR = "/fonts/NotoSans-Regular.ttf";
export const FONT_BOLD = "/fonts/NotoSans-Bold.ttf";
const FONT_FALLBACK = "/fonts/NotoSansArabic-Regular.ttf";

let configured = false;
/** Must run before the first text is typeset (loadTroika does, as troika arrives). */
export function configureFonts(troika: Pick<Troika, "configureTextBuilder">): void {
  if (configured) return;
  configured = true;
  troika.configureTextBuilder({ defaultFontURL: FONT_FALLBACK });
}

// Unicode ranges covered by Noto Sans (Latin, Latin Extended, Greek, Cyrillic, Vietnamese) and Noto Sans Arabic.
const COVERED: readonly [number, number][] = [
  [0x0020, 0x007e],
  [0x00a0, 0x024f],
  [0x0250, 0x02ff],
  [0x0300, 0x036f],
  [0x0370, 0x03ff],
  [0x0400, 0x052f],
  [0x0600, 0x06ff],
  [0x0750, 0x077f],
  [0x1c80, 0x1c8a],
  [0x1d00, 0x1dbf],
  [0x1e00, 0x1eff],
  [0x2000, 0x206f],
  [0x20a0, 0x20c0],
  [0x2100, 0x214f],
  [0x2c60, 0x2c7f],
  [0x2de0, 0x2dff],
  [0xa640, 0xa69f],
  [0xa720, 0xa7ff],
  [0xfb50, 0xfdff],
  [0xfe70, 0xfefc],
];

export function isCovered(codePoint: number): boolean {
  return COVERED.some(([from, to]) => codePoint >= from && codePoint <= to);
}

/** The text with every character our fonts cannot draw replaced by "?". */
export function renderableText(text: string): string {
  let out = "";
  for (const char of text) out += isCovered(char.codePointAt(0)!) || char === "\n" ? char : "?";
  return out;
}
