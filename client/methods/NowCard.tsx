import "./methods.css";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { createPortal } from "react-dom";
import type { MethodsState } from "../../shared/protocol";
import type { TimerValue } from "../../shared/timers/timer";
import { useT } from "../i18n/locale";
import { useSelf } from "../session/session-store";
import { Countdown } from "../timers/Countdown";
import { useZonesStore } from "../zones/zones-store";
import { usePlacement } from "../hybrid/hybrid-store";
import { useMethodsStore } from "./methods-store";

/** The current step as a countdown to its planned end on the server's clock (null before the first step). */
export function useStepTimer(state: Pick<MethodsState, "startedAt" | "endsAt"> | null): TimerValue | null {
  const startedAt = state?.startedAt ?? null;
  const endsAt = state?.endsAt ?? null;
  return useMemo<TimerValue | null>(
    () =>
      startedAt === null || endsAt === null
        ? null
        : { status: "running", durationMs: endsAt - startedAt, remainingMs: endsAt, stampedAt: 0 },
    [startedAt, endsAt],
  );
}

/** The current step's time left as a countdown to its planned end on the server's clock. */
export function NowCountdown({ state, label }: { state: Pick<MethodsState, "startedAt" | "endsAt">; label: string }) {
  const timer = useStepTimer(state);
  return timer ? <Countdown timer={timer} label={label} /> : null;
}

/** Who this person works with now, in words. */
function GroupLine({ state }: { state: MethodsState }) {
  const t = useT();
  const self = useSelf();
  const placement = usePlacement(self?.id);
  const current = state.current;
  // Facilitators and observers run or watch the step; they are in no group.
  if (!current || !self || self.role !== "participant") return null;
  if (current.grouping.kind === "everyone") return <p className="now-card__group">{t("methods.now.everyone")}</p>;
  const others = state.group.filter((member) => member.id !== self.id).map((member) => member.name);
  // In a meeting room the table is the group (the server groups it so): say so, and who is at it.
  if (placement && placement.seat !== "device" && current.grouping.kind !== "solo") {
    return (
      <p className="now-card__group">
        {t("methods.now.atTable", { room: placement.room.name, names: others.join(", ") || "–" })}
      </p>
    );
  }
  if (others.length === 0) return <p className="now-card__group">{t("methods.now.alone")}</p>;
  return <p className="now-card__group">{t("methods.now.group", { names: others.join(", ") })}</p>;
}

/**
 * "Now": what everyone is doing in the current step of the session's plan: its title, the prompt,
 * who is in this person's group and the time left. A new step is announced to screen readers.
 */
export function NowCard() {
  const t = useT();
  const id = useId();
  const state = useMethodsStore((s) => s.state);
  const [announcement, setAnnouncement] = useState("");
  const seen = useRef<string | null>(null);
  const current = state?.current ?? null;
  const self = useSelf();
  // In a zone the step sent them to, the zone's card shows the same prompt as its task: folded here.
  const zoneTask = useZonesStore((s) => s.zones.find((zone) => zone.id === self?.zone)?.work?.task);
  const promptInZone = current !== null && zoneTask === current.prompt;
  const key = current && state ? `${state.step}:${current.id}` : null;

  // Announced on a change of step only, not when the card first appears with a step already running.
  useEffect(() => {
    const before = seen.current;
    seen.current = key;
    if (!key || before === null || before === key || !current) return;
    setAnnouncement(t("methods.now.announce", { title: current.title, prompt: current.prompt }));
  }, [key, current, t]);

  return (
    <>
      {/* Outside the cards' column, which collapses when it is empty; present before it speaks, so it is heard. */}
      {createPortal(
        <p className="visually-hidden" role="status">
          {announcement}
        </p>,
        document.body,
      )}
      {state && current && (
        <section className="now-card" aria-labelledby={`${id}-title`} data-step={state.step}>
          <div className="banner__row">
            <span className="now-card__label">
              {t("methods.now.label")} · {t("methods.now.stepOf", { n: state.step + 1, count: state.steps })}
            </span>
            <NowCountdown state={state} label={current.title} />
          </div>
          <h2 className="now-card__title" id={`${id}-title`}>
            {current.title}
          </h2>
          {current.prompt && (
            <details className="now-card__prompt" open={!promptInZone}>
              <summary>{t("methods.now.prompt")}</summary>
              <p className="task-text">{current.prompt}</p>
            </details>
          )}
          <GroupLine state={state} />
          {/* Where the notes went when the step moved them (shared/boards/merge.ts). */}
          {current.grouping.kind === "mergePairs" && <p className="now-card__note">{t("methods.now.merged")}</p>}
          {current.mechanic?.kind === "harvest" && (
            <p className="now-card__note">{t(state.market ? "methods.now.harvestTopics" : "methods.now.harvest")}</p>
          )}
          {state.troika && (
            <p className="now-card__note" data-testid="troika-part">
              {t(
                state.troika.role === "client"
                  ? state.troika.glass
                    ? "methods.now.troika.clientGlass"
                    : "methods.now.troika.client"
                  : state.troika.glass
                    ? "methods.now.troika.consultantGlass"
                    : "methods.now.troika.consultant",
              )}
            </p>
          )}
        </section>
      )}
    </>
  );
}
