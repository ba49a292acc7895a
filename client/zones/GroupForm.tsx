import { useId, useMemo, type DragEvent } from "react";
import { GROUPING_LIMITS, movePerson } from "../../shared/zones/groups";
import { ZONE_LIMITS } from "../../shared/zones/geometry";
import { useT } from "../i18n/locale";
import { useConnection } from "../session/connection-context";
import { useSessionStore, type PersonView } from "../session/session-store";
import {
  checkCurrentDraft,
  formDraftGroups,
  groupablePeople,
  newSeed,
  updateDraft,
  useBreakoutDraft,
} from "./breakout-draft";
import { sendPrepared } from "./actions";
import { useZonesStore } from "./zones-store";
import { zoneDisplayName } from "../../shared/zones/names";
import { useHybridStore } from "../hybrid/hybrid-store";
import { clampToRange, Field } from "../ui/Field";

const DRAG_TYPE = "application/x-yhteistila-person";

/** The participants a breakout groups (walking the lab), and how many sit at hybrid tables instead. */
function useParticipants(): { participants: PersonView[]; atTables: number } {
  const people = useSessionStore((s) => s.people);
  const rooms = useHybridStore((s) => s.rooms);
  return useMemo(() => {
    const participants = groupablePeople(people, rooms);
    const all = Object.values(people).filter((p) => p.role === "participant").length;
    return { participants, atTables: all - participants.length };
  }, [people, rooms]);
}

/** A name in a group: draggable with a mouse, and movable with the list beside it from a keyboard. */
function PersonChip({ person, group, groupCount }: { person: PersonView; group: number; groupCount: number }) {
  const t = useT();
  const id = useId();
  const move = (to: number) => {
    const { groups } = useBreakoutDraft.getState();
    if (groups) updateDraft({ groups: movePerson(groups, person.id, to) });
  };
  return (
    <li
      className="chip"
      draggable
      data-person-id={person.id}
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, person.id);
        e.dataTransfer.effectAllowed = "move";
      }}
    >
      <span className="chip__name">
        {person.name}
        {person.organisation && <span className="chip__org"> · {person.organisation}</span>}
      </span>
      <label htmlFor={id} className="visually-hidden">
        {t("breakout.moveTo", { name: person.name })}
      </label>
      <select id={id} value={group} onChange={(e) => move(Number(e.target.value))}>
        <option value={-1}>{t("breakout.unassigned")}</option>
        {Array.from({ length: groupCount }, (_, i) => (
          <option key={i} value={i}>
            {t("breakout.group", { n: i + 1 })}
          </option>
        ))}
      </select>
    </li>
  );
}

function dropInto(index: number) {
  return {
    onDragOver: (e: DragEvent) => {
      if (e.dataTransfer.types.includes(DRAG_TYPE)) e.preventDefault();
    },
    onDrop: (e: DragEvent) => {
      const id = e.dataTransfer.getData(DRAG_TYPE);
      const { groups } = useBreakoutDraft.getState();
      if (!id || !groups) return;
      e.preventDefault();
      updateDraft({ groups: movePerson(groups, id, index) });
    },
  };
}

/** Forming breakout groups (by hand, at random or by organisation) and sending them to zones. */
export function GroupForm() {
  const t = useT();
  const id = useId();
  const connection = useConnection();
  const draft = useBreakoutDraft();
  const { participants, atTables } = useParticipants();
  const zones = useZonesStore((s) => s.zones);
  const byId = useMemo(() => new Map(participants.map((p) => [p.id, p])), [participants]);

  const form = (seed = draft.seed) =>
    formDraftGroups(
      participants.map((p) => ({ id: p.id, organisation: p.organisation })),
      zones.map((zone) => zone.id),
      seed,
    );

  // People who left since forming drop out; people who came since are listed as not in a group.
  const groups = draft.groups?.map((group) => group.filter((member) => byId.has(member))) ?? null;
  const grouped = new Set(groups?.flat() ?? []);
  const unassigned = participants.filter((p) => !grouped.has(p.id));
  const zoneOf = (index: number) => zones.find((z) => z.id === draft.zoneIds[index]);
  // The same check the server refuses by (shared/zones/breakout.ts), so the button and the server agree.
  const check = checkCurrentDraft(draft, participants, zones);
  const missingZones = check.missingZones;
  const problems = check.problems.flatMap((problem) => {
    if (problem.code === "zone_twice") return [t("breakout.sameZone")];
    if (problem.code === "tasks_too_long") return [t("breakout.tasksTooLong")];
    if (problem.code === "over_capacity") {
      const zone = zones.find((z) => z.id === problem.zone);
      return [t("breakout.overCapacity", { zone: zoneDisplayName(zone, t), capacity: problem.capacity })];
    }
    // Nothing to send yet (no group with people and a zone): the button says so by being disabled.
    return [];
  });
  const sendable = check.send !== null;

  const send = () => {
    if (check.send) sendPrepared(connection, check.send);
  };

  const maxNumber = draft.split === "size" ? GROUPING_LIMITS.maxSize : GROUPING_LIMITS.maxGroups;
  return (
    <section className="facilitate__section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t("breakout.groupsHeading")}</h3>
      <fieldset className="field">
        <legend>{t("breakout.split")}</legend>
        <label className="checkbox">
          <input
            type="radio"
            name={`${id}-split`}
            checked={draft.split === "size"}
            onChange={() => updateDraft({ split: "size" })}
          />
          <span>{t("breakout.bySize")}</span>
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name={`${id}-split`}
            checked={draft.split === "count"}
            onChange={() => updateDraft({ split: "count" })}
          />
          <span>{t("breakout.byCount")}</span>
        </label>
      </fieldset>
      <div className="field-row">
        <Field className="field--number" label={t("breakout.number")}>
          {(control) => (
            <input
              {...control}
              type="number"
              min={1}
              max={maxNumber}
              value={draft.number}
              onChange={(e) => updateDraft({ number: clampToRange(Number(e.target.value), 1, maxNumber, 1) })}
            />
          )}
        </Field>
        <Field className="field--grow" label={t("breakout.method")}>
          {(control) => (
            <select
              {...control}
              value={draft.method}
              onChange={(e) => updateDraft({ method: e.target.value as typeof draft.method })}
            >
              <option value="random">{t("breakout.random")}</option>
              <option value="mix">{t("breakout.mix")}</option>
              <option value="manual">{t("breakout.manual")}</option>
            </select>
          )}
        </Field>
      </div>
      {atTables > 0 && <p className="help">{t("breakout.atTablesStay", { count: atTables })}</p>}
      {participants.length === 0 ? (
        <p className="help">{t("breakout.noParticipants")}</p>
      ) : (
        <div className="button-row">
          <button type="button" className="button--primary" onClick={() => form()}>
            {t("breakout.form")}
          </button>
          {groups && draft.method !== "manual" && (
            <button type="button" onClick={() => form(newSeed())}>
              {t("breakout.shuffle")}
            </button>
          )}
        </div>
      )}

      {groups && (
        <div className="groups" aria-live="polite">
          <p className="help">{t("breakout.dragHint")}</p>
          {unassigned.length > 0 && (
            <div className="group group--unassigned" {...dropInto(-1)}>
              <h4>{t("breakout.unassigned")}</h4>
              <ul className="chips">
                {unassigned.map((person) => (
                  <PersonChip key={person.id} person={person} group={-1} groupCount={groups.length} />
                ))}
              </ul>
            </div>
          )}
          {groups.map((group, i) => (
            <div key={i} className="group" data-group={i} {...dropInto(i)} style={{ borderColor: zoneOf(i)?.color }}>
              <div className="group__head">
                <h4>{t("breakout.group", { n: i + 1 })}</h4>
                <label htmlFor={`${id}-zone-${i}`} className="visually-hidden">
                  {t("breakout.zoneFor", { n: i + 1 })}
                </label>
                <select
                  id={`${id}-zone-${i}`}
                  value={draft.zoneIds[i] ?? ""}
                  onChange={(e) => {
                    const zoneIds = [...draft.zoneIds];
                    zoneIds[i] = e.target.value;
                    updateDraft({ zoneIds });
                  }}
                >
                  <option value="">—</option>
                  {zones.map((zone) => (
                    <option key={zone.id} value={zone.id}>
                      {zoneDisplayName(zone, t)}
                    </option>
                  ))}
                </select>
              </div>
              <ul className="chips">
                {group.map((member) => (
                  <PersonChip key={member} person={byId.get(member)!} group={i} groupCount={groups.length} />
                ))}
              </ul>
              <details className="group__task">
                <summary>{t("breakout.ownTask")}</summary>
                <label htmlFor={`${id}-task-${i}`} className="visually-hidden">
                  {t("breakout.ownTask")}
                </label>
                <textarea
                  id={`${id}-task-${i}`}
                  rows={3}
                  maxLength={ZONE_LIMITS.taskMax}
                  value={draft.ownTasks[i] ?? ""}
                  onChange={(e) => {
                    const ownTasks = [...draft.ownTasks];
                    ownTasks[i] = e.target.value;
                    updateDraft({ ownTasks });
                  }}
                />
              </details>
            </div>
          ))}
          {missingZones > 0 && (
            <div className="notice" role="status">
              <p>{t("breakout.needZones", { count: missingZones })}</p>
              <button
                type="button"
                onClick={() => {
                  for (let i = 0; i < missingZones; i++) connection.send("zones.create", {});
                }}
              >
                {t("breakout.addZones")}
              </button>
            </div>
          )}
          {problems.map((problem) => (
            <p key={problem} className="error-text" role="alert">
              {problem}
            </p>
          ))}
          <Field label={t("breakout.task")}>
            {(control) => (
              <textarea
                {...control}
                rows={3}
                maxLength={ZONE_LIMITS.taskMax}
                value={draft.task}
                onChange={(e) => updateDraft({ task: e.target.value })}
              />
            )}
          </Field>
          <Field label={t("breakout.minutes")}>
            {(control) => (
              <input
                {...control}
                type="number"
                min={1}
                max={240}
                value={draft.minutes}
                onChange={(e) => updateDraft({ minutes: clampToRange(Number(e.target.value), 1, 240, 1) })}
              />
            )}
          </Field>
          <button type="button" className="button--primary" disabled={!sendable} onClick={send}>
            {t("breakout.send")}
          </button>
        </div>
      )}
    </section>
  );
}
