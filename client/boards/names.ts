import { useCallback } from "react";
import { boardLabel, zoneLabel } from "../../shared/boards/names";
import { useLocaleStore } from "../i18n/locale";
import type { BoardView } from "./boards-store";

/** A board's name in the reader's language (its title, or its default name). */
export function useBoardTitle(): (board: Pick<BoardView, "title" | "preset" | "zoneId">) => string {
  const locale = useLocaleStore((s) => s.locale);
  return useCallback((board) => boardLabel(locale, board), [locale]);
}

export function useZoneName(): (zoneId: string) => string {
  const locale = useLocaleStore((s) => s.locale);
  return useCallback((zoneId) => zoneLabel(locale, zoneId), [locale]);
}

/** "4:05" for a countdown. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, "0")}`;
}
