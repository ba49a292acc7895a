import "./zones.css";
import { useId, useState, type ChangeEvent, type FormEvent } from "react";
import { ZONE_COLORS, ZONE_LIMITS } from "../../shared/zones/geometry";
import {
  DEFAULT_ZONE_RADIUS,
  ZONE_COLOR_NAMES,
  ZONE_PLACES,
  ZONE_SIZES,
  sizeOf,
  spotNear,
  type ZoneColor,
  type ZonePlace,
  type ZoneSize,
} from "../../shared/zones/layout";
import { occupancy } from "../../shared/zones/entry";
import { useT } from "../i18n/locale";
import { useConnection } from "../session/connection-context";
import { useSelf, useSessionStore } from "../session/session-store";
import { standingAt } from "./actions";
import { TimerControls } from "../timers/TimerControls";
import { CheckboxField, Field } from "../ui/Field";
import { useZonesStore, type ZoneView } from "./zones-store";
import { zoneDisplayName } from "../../shared/zones/names";

type Editable = Pick<ZoneView, "name" | "capacity" | "locked" | "x" | "z" | "radius" | "color">;

function numberInput(value: number, onChange: (n: number) => void, props: { min: number; max: number; step: number }) {
  return {
    type: "number" as const,
    value: Number.isFinite(value) ? value : "",
    onChange: (e: ChangeEvent<HTMLInputElement>) => onChange(Number(e.target.value)),
    ...props,
  };
}

/** A named place or size as a translation key. */
const placeKey = (place: ZonePlace) => `zones.place.${place}` as const;
const sizeKey = (size: ZoneSize) => `zones.size.${size}` as const;
const colorKey = (color: ZoneColor) => `zones.color.${ZONE_COLOR_NAMES[color]}` as const;

/**
 * One zone's settings as a form: edited locally, sent on Save (the server checks and answers). The
 * facilitator places and sizes a zone by name (a named place, where they stand, small/medium/large);
 * the metres are there too, folded away, for whoever wants them.
 */
function ZoneForm({ zone }: { zone: ZoneView }) {
  const t = useT();
  const id = useId();
  const connection = useConnection();
  const self = useSelf();
  const zones = useZonesStore((s) => s.zones);
  const [draft, setDraft] = useState<Editable>(() => ({ ...zone }));
  const [place, setPlace] = useState<ZonePlace | "keep" | "here">("keep");
  const [noRoom, setNoRoom] = useState(false);
  const [task, setTask] = useState(zone.work?.task ?? "");
  const set = (change: Partial<Editable>) => setDraft((d) => ({ ...d, ...change }));
  // The nearest free spot to an anchor for this zone (the same search the tests check).
  const fit = (anchor: { x: number; z: number }, radius: number) => {
    const spot = spotNear(anchor, radius, zones, zone.id);
    setNoRoom(spot === null);
    if (spot) set({ ...spot, radius });
  };
  const choosePlace = (value: ZonePlace | "keep" | "here") => {
    setPlace(value);
    if (value === "keep") {
      setNoRoom(false);
      set({ x: zone.x, z: zone.z });
    } else if (value === "here") {
      const at = self && standingAt(connection, self.id);
      if (at) fit(at, draft.radius);
    } else {
      fit(ZONE_PLACES[value], draft.radius);
    }
  };
  const chooseSize = (size: ZoneSize) => fit(draft, ZONE_SIZES[size]);
  const save = (event: FormEvent) => {
    event.preventDefault();
    connection.send("zones.update", {
      id: zone.id,
      name: draft.name,
      capacity: Math.max(0, Math.round(draft.capacity)),
      locked: draft.locked,
      x: draft.x,
      z: draft.z,
      radius: draft.radius,
      color: draft.color as ZoneColor,
    });
  };
  const remove = () => {
    if (confirm(t("zones.confirmRemove", { zone: zoneDisplayName(zone, t) })))
      connection.send("zones.remove", { id: zone.id });
  };
  return (
    <>
      <form onSubmit={save} aria-label={t("zones.edit", { zone: zoneDisplayName(zone, t) })}>
        <Field label={t("zones.name")}>
          {(control) => (
            <input
              {...control}
              value={draft.name}
              maxLength={ZONE_LIMITS.nameMax}
              placeholder={t("zones.defaultName", { letter: zone.letter })}
              onChange={(e) => set({ name: e.target.value })}
            />
          )}
        </Field>
        <fieldset className="field">
          <legend>{t("zones.size")}</legend>
          <div className="segmented">
            {(Object.keys(ZONE_SIZES) as ZoneSize[]).map((size) => (
              <label key={size} className="segmented__option">
                <input
                  type="radio"
                  name={`${id}-size`}
                  checked={sizeOf(draft.radius) === size}
                  onChange={() => chooseSize(size)}
                />
                <span>{t(sizeKey(size))}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-place`}>{t("zones.place")}</label>
          <select
            id={`${id}-place`}
            aria-describedby={`${id}-place-help`}
            value={place}
            onChange={(e) => choosePlace(e.target.value as typeof place)}
          >
            <option value="keep">{t("zones.place.keep")}</option>
            <option value="here">{t("zones.place.here")}</option>
            {(Object.keys(ZONE_PLACES) as ZonePlace[]).map((name) => (
              <option key={name} value={name}>
                {t(placeKey(name))}
              </option>
            ))}
          </select>
          <span id={`${id}-place-help`} className="help">
            {t("zones.placeHelp")}
          </span>
          {noRoom && (
            <span className="error-text" role="alert">
              {t("zones.noRoom")}
            </span>
          )}
        </div>
        <Field label={t("zones.capacity")} help={t("zones.capacityHelp")}>
          {(control) => (
            <input
              {...control}
              {...numberInput(draft.capacity, (capacity) => set({ capacity }), {
                min: 0,
                max: ZONE_LIMITS.maxCapacity,
                step: 1,
              })}
            />
          )}
        </Field>
        <CheckboxField
          className="checkbox--spaced"
          label={t("zones.locked")}
          checked={draft.locked}
          onChange={(locked) => set({ locked })}
        />
        <fieldset className="field">
          <legend>{t("zones.color")}</legend>
          <div className="swatches">
            {ZONE_COLORS.map((color) => (
              <label key={color} className="swatch" title={t(colorKey(color))}>
                <input
                  type="radio"
                  name={`${id}-color`}
                  value={color}
                  checked={draft.color === color}
                  onChange={() => set({ color })}
                  aria-label={t(colorKey(color))}
                />
                <span style={{ background: color }} />
              </label>
            ))}
          </div>
        </fieldset>
        <details className="zone-exact">
          <summary>{t("zones.exact")}</summary>
          <div className="field-row">
            <Field label={t("zones.x")}>
              {(control) => (
                <input {...control} {...numberInput(draft.x, (x) => set({ x }), { min: -16, max: 16, step: 0.5 })} />
              )}
            </Field>
            <Field label={t("zones.z")}>
              {(control) => (
                <input {...control} {...numberInput(draft.z, (z) => set({ z }), { min: -16, max: 16, step: 0.5 })} />
              )}
            </Field>
          </div>
          <Field label={t("zones.radius")}>
            {(control) => (
              <input
                {...control}
                {...numberInput(draft.radius, (radius) => set({ radius }), {
                  min: ZONE_LIMITS.minRadius,
                  max: ZONE_LIMITS.maxRadius,
                  step: 0.1,
                })}
              />
            )}
          </Field>
        </details>
        <div className="button-row">
          <button type="submit" className="button--primary">
            {t("zones.save")}
          </button>
          <button type="button" className="button--danger" onClick={remove}>
            {t("zones.remove")}
          </button>
        </div>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          connection.send("zones.task", { target: zone.id, text: task });
        }}
      >
        <Field label={t("zones.task")}>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              maxLength={ZONE_LIMITS.taskMax}
              value={task}
              onChange={(e) => setTask(e.target.value)}
            />
          )}
        </Field>
        <button type="submit">{t("zones.taskSave")}</button>
      </form>
      {zone.work && (
        <TimerControls
          target={zone.id}
          timer={zone.work.timer}
          label={t("timers.zone", { zone: zoneDisplayName(zone, t) })}
        />
      )}
    </>
  );
}

/** The facilitator's zone editor: add (near the plenary or where one stands), rename, place and size by name, lock, set capacity and colour, remove. */
export function ZonesPanel() {
  const t = useT();
  const connection = useConnection();
  const zones = useZonesStore((s) => s.zones);
  const people = useSessionStore((s) => s.people);
  const self = useSelf();
  const [noRoomHere, setNoRoomHere] = useState(false);
  const all = Object.values(people);
  // A new zone where the facilitator stands, or as near as the floor allows.
  const addHere = () => {
    const at = self && standingAt(connection, self.id);
    const spot = at && spotNear(at, DEFAULT_ZONE_RADIUS, zones);
    setNoRoomHere(!spot);
    if (spot) connection.send("zones.create", { ...spot, radius: DEFAULT_ZONE_RADIUS });
  };
  return (
    <div className="zones-panel">
      <div className="button-row">
        <button
          type="button"
          className="button--primary"
          disabled={zones.length >= ZONE_LIMITS.maxZones}
          onClick={() => connection.send("zones.create", {})}
        >
          {t("zones.add")}
        </button>
        <button type="button" disabled={zones.length >= ZONE_LIMITS.maxZones} onClick={addHere}>
          {t("zones.addHere")}
        </button>
      </div>
      {noRoomHere && (
        <p className="error-text" role="alert">
          {t("zones.noRoom")}
        </p>
      )}
      <ul className="zone-rows">
        {zones.map((zone) => {
          const count = occupancy(all, zone.id);
          // A change made elsewhere (another facilitator, the server's rounding) resets the form.
          const version = [
            zone.name,
            zone.capacity,
            zone.locked,
            zone.x,
            zone.z,
            zone.radius,
            zone.color,
            zone.work?.task,
          ].join("|");
          return (
            <li key={zone.id} className="zone-row" data-zone-id={zone.id} style={{ borderColor: zone.color }}>
              <details>
                <summary>
                  <strong>{zoneDisplayName(zone, t)}</strong>{" "}
                  <span className="person__meta">
                    {zone.capacity > 0 ? `${count}/${zone.capacity}` : t("zones.people", { count })}
                  </span>
                  {zone.locked && <span className="badge badge--muted">{t("zones.lockedBadge")}</span>}
                </summary>
                <ZoneForm key={version} zone={zone} />
              </details>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
