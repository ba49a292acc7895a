import { useId } from "react";
import type { HybridJoin, PhysicalRoomInfo } from "../../shared/protocol";
import { useT } from "../i18n/locale";
import "./hybrid.css";

/** Whether a place chosen on the join page can still be taken: the room exists, with a free seat or no device yet. */
export function choiceOpen(choice: HybridJoin, rooms: readonly PhysicalRoomInfo[]): boolean {
  const room = rooms.find((r) => r.id === choice.room);
  if (!room) return false;
  return choice.as === "seat" ? room.seated < room.seats : !room.device;
}

/**
 * On the join page of a session with physical rooms: where the person takes part from. Remote (the
 * default), sitting in one of the rooms, or as a room's device (the laptop with its microphone and
 * speaker). Full rooms and rooms that already have a device are shown but cannot be chosen.
 */
export function JoinPlace({
  rooms,
  value,
  onChange,
}: {
  rooms: readonly PhysicalRoomInfo[];
  value: HybridJoin | undefined;
  onChange(value: HybridJoin | undefined): void;
}) {
  const t = useT();
  const name = useId();
  const chosen = value ? `${value.room}:${value.as}` : "";
  const option = (key: string, label: string, help: string | null, disabled: boolean, pick: () => void) => (
    <label key={key} className="join-place__option" data-disabled={disabled || undefined}>
      <input type="radio" name={name} value={key} checked={chosen === key} disabled={disabled} onChange={pick} />
      <span>
        <span className="join-place__label">{label}</span>
        {help && chosen === key && <span className="help join-place__help">{help}</span>}
      </span>
    </label>
  );
  return (
    <fieldset className="field join-place" data-testid="join-place">
      <legend>{t("hybrid.whereLegend")}</legend>
      {option("", t("hybrid.remote"), null, false, () => onChange(undefined))}
      {rooms.map((room) => {
        const full = !choiceOpen({ room: room.id, as: "seat" }, rooms);
        return option(
          `${room.id}:seat`,
          `${t("hybrid.inRoom", { room: room.name })}${full ? ` ${t("hybrid.full")}` : ""}`,
          t("hybrid.inRoomHelp"),
          full,
          () => onChange({ room: room.id, as: "seat" }),
        );
      })}
      {rooms.map((room) =>
        option(
          `${room.id}:device`,
          `${t("hybrid.asDevice", { room: room.name })}${room.device ? ` ${t("hybrid.deviceTaken")}` : ""}`,
          t("hybrid.asDeviceHelp"),
          !choiceOpen({ room: room.id, as: "device" }, rooms),
          () => onChange({ room: room.id, as: "device" }),
        ),
      )}
    </fieldset>
  );
}
