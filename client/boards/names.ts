import { useCallback } from "react";
import { boardLabel } from "../../shared/boards/names";
import { useLocaleStore, useT } from "../i18n/locale";
import { useZonesStore } from "../zones/zones-store";
import { zoneDisplayName } from "../../shared/zones/names";
import type { BoardView } from "./boards-store";

/** A board's name in the reader's language (its title, or its default name). */
export function useBoardTitle(): (board: Pick<BoardView, "title" | "preset" | "zoneId">) => string {
  const locale = useLocaleStore((s) => s.locale);
  const zoneName = useZoneName();
  return useCallback((board) => boardLabel(locale, board, zoneName), [locale, zoneName]);
}

/** A zone's live name by id (renamed zones show their new name at once). */
export function useZoneName(): (zoneId: string) => string {
  const t = useT();
  const zones = useZonesStore((s) => s.zones);
  return useCallback(
    (zoneId) =>
      zoneDisplayName(
        zones.find((z) => z.id === zoneId),
        t,
      ),
    [zones, t],
  );
}
