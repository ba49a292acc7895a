import type { Locale } from "../protocol/common";
import { translate } from "../i18n";
import type { BoardDoc } from "./model";

/** A board's title, or its default name in the reader's language when it has none. */
export function boardLabel(
  locale: Locale,
  board: Pick<BoardDoc, "title" | "zoneId"> & { preset: string },
  /** The zone's name for a zone board's default title (zones are named live, see shared/zones/names.ts). */
  zoneName: (zoneId: string) => string,
): string {
  if (board.title) return board.title;
  if (board.preset === "wall") return translate(locale, "boards.defaultTitle.wall");
  if (board.preset === "zone" && board.zoneId) {
    return translate(locale, "boards.defaultTitle.zone", { zone: zoneName(board.zoneId) });
  }
  return translate(locale, "boards.defaultTitle.custom");
}

/** Boards in the order facilitators see them listed: by their order, then age. */
export function byBoardOrder<B extends Pick<BoardDoc, "order" | "createdAt">>(a: B, b: B): number {
  return a.order - b.order || a.createdAt - b.createdAt;
}
