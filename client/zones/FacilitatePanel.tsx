import "./zones.css";
import { useId, useMemo, useState } from "react";
import { formatClock, type TimerValue } from "../../shared/timers/timer";
import { occupancy } from "../../shared/zones/entry";
import { useT } from "../i18n/locale";
import { useConnection } from "../session/connection-context";
import { useSessionStore, useSelf } from "../session/session-store";
import { HandsQueue } from "../hands/HandsQueue";
import { TimerControls } from "../timers/TimerControls";
import { useRemaining } from "../timers/use-countdown";
import { useZonesStore, type ZoneView } from "./zones-store";
import { zoneDisplayName } from "../../shared/zones/names";
import { Field } from "../ui/Field";
import { useActions } from "../actions/use-actions";
import { GroupForm } from "./GroupForm";

const RECALL_GRACE = [0, 30, 60, 120] as const;

function ZoneRow({ zone, people }: { zone: ZoneView; people: number }) {
  const t = useT();
  return (
    <li className="zone-row" data-zone-id={zone.id} style={{ borderColor: zone.color }}>
      <div className="zone-row__head">
        <strong>{zoneDisplayName(zone, t)}</strong>
        <span className="person__meta">
          {zone.capacity > 0 ? `${people}/${zone.capacity}` : t("zones.people", { count: people })}
        </span>
        {zone.locked && <span className="badge badge--muted">{t("zones.lockedBadge")}</span>}
        {zone.ready && <span className="badge badge--ok">{t("zones.readyBadge")}</span>}
      </div>
      {zone.work && (
        <TimerControls
          target={zone.id}
          timer={zone.work.timer}
          label={t("timers.zone", { zone: zoneDisplayName(zone, t) })}
          allowStart={false}
        />
      )}
    </li>
  );
}

function RecallPending({ endsAt }: { endsAt: number }) {
  const t = useT();
  const connection = useConnection();
  const grace = useMemo<TimerValue>(
    () => ({ status: "running", durationMs: 0, remainingMs: endsAt, stampedAt: 0 }),
    [endsAt],
  );
  const left = useRemaining(grace);
  return (
    <div className="notice" role="status">
      <p>{t("breakout.recallPending", { time: formatClock(left) })}</p>
      <button type="button" onClick={() => connection.send("zones.cancelRecall", {})}>
        {t("breakout.cancelRecall")}
      </button>
    </div>
  );
}

function ZonesNow() {
  const t = useT();
  const id = useId();
  const connection = useConnection();
  const zones = useZonesStore((s) => s.zones);
  const recallEndsAt = useZonesStore((s) => s.recallEndsAt);
  const people = useSessionStore((s) => s.people);
  const [grace, setGrace] = useState<(typeof RECALL_GRACE)[number]>(0);
  const all = Object.values(people);
  const active = zones.filter((z) => occupancy(all, z.id) > 0 || (z.work && z.work.timer.status !== "idle"));
  return (
    <section className="facilitate__section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t("breakout.zonesNow")}</h3>
      {active.length > 0 && (
        <>
          <ul className="zone-rows">
            {active.map((zone) => (
              <ZoneRow key={zone.id} zone={zone} people={occupancy(all, zone.id)} />
            ))}
          </ul>
          <TimerControls target="zones" timer={null} label={t("breakout.allZones")} allowStart={false} />
        </>
      )}
      {recallEndsAt > 0 ? (
        <RecallPending endsAt={recallEndsAt} />
      ) : (
        <div className="field-row field-row--end">
          <Field label={t("breakout.recallWhen")}>
            {(control) => (
              <select {...control} value={grace} onChange={(e) => setGrace(Number(e.target.value) as typeof grace)}>
                {RECALL_GRACE.map((seconds) => (
                  <option key={seconds} value={seconds}>
                    {seconds === 0 ? t("breakout.recallNow") : t("breakout.recallAfter", { seconds })}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button
            type="button"
            className="button--primary"
            onClick={() => connection.send("zones.recall", { graceSeconds: grace })}
          >
            {t("breakout.recall")}
          </button>
        </div>
      )}
    </section>
  );
}

function Everyone() {
  const t = useT();
  const self = useSelf();
  // Subscribed so "Follow me" shows its state; the actions themselves read the store when run.
  useZonesStore((s) => s.followLeader);
  const people = useSessionStore((s) => s.people);
  // The same entries as the VR menu's (zones/actions.ts), so both send exactly the same thing.
  const { actions, context } = useActions("facilitation");
  const summon = actions.find((a) => a.id === "breakout.summon");
  const lead = actions.find((a) => a.id === "breakout.lead");
  const leading = lead?.pressed?.(context) ?? false;
  const followers = Object.values(people).filter((p) => p.following !== "" && p.following === self?.id).length;
  return (
    <section className="facilitate__section" aria-labelledby="everyone-heading">
      <h3 id="everyone-heading">{t("breakout.everyone")}</h3>
      <div className="button-row">
        {summon && (
          <button type="button" onClick={() => summon.run(context)}>
            {t(summon.labelKey)}
          </button>
        )}
        {lead && (
          <button type="button" aria-pressed={leading} onClick={() => lead.run(context)}>
            {leading ? t("breakout.stopLead") : t(lead.labelKey)}
          </button>
        )}
      </div>
      {leading && <p className="help">{t("breakout.followers", { count: followers })}</p>}
      <h3>{t("timers.plenary")}</h3>
      <PlenaryTimer />
    </section>
  );
}

function PlenaryTimer() {
  const t = useT();
  const timer = useZonesStore((s) => s.plenaryTimer);
  return <TimerControls target="plenary" timer={timer} label={t("timers.plenary")} />;
}

/** The facilitator's side panel: hands, groups (form, preview, send), the zones at work, recall, everyone. */
export function FacilitatePanel() {
  return (
    <div className="facilitate">
      <HandsQueue />
      <GroupForm />
      <ZonesNow />
      <Everyone />
    </div>
  );
}
