import { LAB } from "../../shared/space/layout";
import { avatarHex } from "../../shared/avatars/palette";
import type { ReplayPerson, ReplayState } from "../../shared/timeline/replay";
import { plenaryClockOf, type ReplayClock, type ReplayZone } from "../../shared/timeline/markers";
import { formatClock } from "../../shared/timers/timer";
import { useT } from "../i18n/locale";
import { REACTIONS } from "../../shared/protocol/constants";

const { minX, maxX, minZ, maxZ } = LAB.walls;

/**
 * The room from above at one moment: the walls, the zones and everyone as a dot with their initial.
 * The picture is described by a sentence and, for screen readers and phones alike, by the list of
 * who was where beside it (RoomList), so nothing is only in the drawing.
 */
export function TopView({ state, zones }: { state: ReplayState; zones: ReplayZone[] }) {
  const t = useT();
  const people = [...state.people.entries()];
  const inZones = people.filter(([, p]) => p.zone !== "").length;
  const summary = t("timeline.roomSummary", {
    people: people.length,
    plenary: people.length - inZones,
    zones: inZones,
  });
  return (
    <svg
      className="debrief__map"
      viewBox={`${minX - 0.5} ${minZ - 0.5} ${maxX - minX + 1} ${maxZ - minZ + 1}`}
      role="img"
      aria-label={`${t("timeline.room")}: ${summary}`}
      data-testid="debrief-map"
    >
      <rect x={minX} y={minZ} width={maxX - minX} height={maxZ - minZ} className="debrief__floor" />
      <rect
        x={LAB.stage.minX}
        y={LAB.stage.minZ}
        width={LAB.stage.maxX - LAB.stage.minX}
        height={LAB.stage.maxZ - LAB.stage.minZ}
        className="debrief__stage"
      />
      <circle cx={LAB.plenary.x} cy={LAB.plenary.z} r={LAB.plenary.radius} className="debrief__plenary" />
      {zones.map((zone) => (
        <g key={zone.id}>
          <circle cx={zone.x} cy={zone.z} r={zone.radius} fill={zone.color || "#5b8def"} className="debrief__zone" />
          <text x={zone.x} y={zone.z - zone.radius + 1} className="debrief__zone-label" textAnchor="middle">
            {zone.letter || zone.name}
          </text>
        </g>
      ))}
      {people.map(([p, person]) => (
        <g key={p} transform={`translate(${person.x / 100} ${person.z / 100})`}>
          <circle r={0.7} fill={avatarHex(person.color)} className="debrief__person" />
          {person.hand && <circle r={1} className="debrief__hand" />}
          <title>{personLabel(t, person)}</title>
          <text className="debrief__initial" textAnchor="middle" dy="0.3">
            {person.name.slice(0, 1).toUpperCase()}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** Who was where, as text: the plenary and each zone with its members (hands marked). */
export function RoomList({ state, zones }: { state: ReplayState; zones: ReplayZone[] }) {
  const t = useT();
  const people = [...state.people.values()].sort((a, b) => a.name.localeCompare(b.name));
  const groups = [
    { id: "", name: t("timeline.plenary"), clock: plenaryClockOf(state) },
    ...zones.map((z) => ({ id: z.id, name: z.name || z.letter, clock: z.clock })),
  ];
  const reactions = state.reactions
    .map((r) => ({ ...r, name: state.people.get(r.p)?.name ?? "" }))
    .filter((r) => r.name !== "");
  return (
    <>
      {reactions.length > 0 && (
        <p className="debrief__reactions" data-testid="debrief-reactions">
          {t("timeline.reactions")}:{" "}
          {reactions.map((r) => t("reactions.shown", { name: r.name, reaction: reactionLabel(t, r.k) })).join(", ")}
        </p>
      )}
      <ul className="debrief__rooms" data-testid="debrief-rooms">
        {groups.map((group) => {
          const members = people.filter((p) => p.zone === group.id);
          if (members.length === 0 && group.id !== "") return null;
          return (
            <li key={group.id || "plenary"}>
              <strong>{group.name}</strong> ({members.length})
              {group.clock && (
                <span className="debrief__clock" data-testid="debrief-clock">
                  {" · "}
                  {clockLabel(t, group.clock)}
                </span>
              )}
              : {members.map((m) => personLabel(t, m)).join(", ")}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** A countdown as the room showed it then: time left (and paused), or time up. */
function clockLabel(t: ReturnType<typeof useT>, clock: ReplayClock): string {
  if (clock.status === "done") return t("timeline.clock.done");
  const time = formatClock(clock.remainingMs);
  return t(clock.status === "paused" ? "timeline.clock.paused" : "timeline.clock.left", { time });
}

/** A person as the debrief names them: in which meeting room they sat, and a raised hand. */
function personLabel(t: ReturnType<typeof useT>, person: ReplayPerson): string {
  const name = person.room ? t("timeline.inRoom", { name: person.name, room: person.room }) : person.name;
  return person.hand ? `${name} (${t("timeline.handUp")})` : name;
}

function reactionLabel(t: ReturnType<typeof useT>, kind: string): string {
  return (REACTIONS as readonly string[]).includes(kind) ? t(`reactions.${kind as (typeof REACTIONS)[number]}`) : kind;
}
