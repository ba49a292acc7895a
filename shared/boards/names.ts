import type { Locale } from "../protocol/common";
import { translate, type TranslationKey } from "../i18n";
import { LAB } from "../space/layout";
import type { BoardDoc } from "./model";

/**
 * A zone's name for people: the lab's breakout areas have translated names; any other zone id
 * (zones made by facilitators) is shown as it is.
 */
export function zoneLabel(locale: Locale, zoneId: string): string {
  const area = LAB.breakoutAreas.find((a) => a.id === zoneId);
  return area ? translate(locale, area.labelKey as TranslationKey) : zoneId;
}

/** A board's title, or its default name in the reader's language when it has none. */
export function boardLabel(
  locale: Locale,
  board: Pick<BoardDoc, "title" | "zoneId"> & { preset: string },
  zoneName: (zoneId: string) => string = (id) => zoneLabel(locale, id),
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
