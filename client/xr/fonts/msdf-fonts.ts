/**
 * The in-VR menu's fonts: our own Noto Sans as multi-channel signed-distance atlases (what
 * @react-three/uikit draws text with), generated from assets/fonts by generate-msdf.ts and served from
 * assets/fonts/msdf. uikit would otherwise fall back to its bundled Inter.
 */
export const MSDF_FONTS = [
  { name: "noto-sans-400", ttf: "NotoSans-Regular.ttf", weight: 400 },
  { name: "noto-sans-700", ttf: "NotoSans-Bold.ttf", weight: 700 },
] as const;

export const MSDF_FAMILY = "noto";

/** uikit's font family map: weight → atlas description URL. */
export const MENU_FONT_FAMILIES = {
  [MSDF_FAMILY]: Object.fromEntries(MSDF_FONTS.map((font) => [font.weight, `/fonts/msdf/${font.name}.json`])),
};

/**
 * Every character the menu can draw: Latin-1 and Latin Extended-A (Finnish, Swedish, Sámi and most
 * European names) and typographic punctuation.
 */
export const MENU_CHARSET = (() => {
  let chars = "";
  for (let c = 0x20; c < 0x7f; c++) chars += String.fromCharCode(c);
  for (let c = 0xa0; c < 0x180; c++) chars += String.fromCharCode(c);
  return chars + "–—‘’‚“”„…•€°";
})();
