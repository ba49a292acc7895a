import { memo, useEffect, useMemo, useRef, useState } from "react";
import { useFrame } from "@react-three/fiber";
import { BufferGeometry, Float32BufferAttribute, LineBasicMaterial, LineSegments, Vector3, type Group } from "three";
import { isMessageKey, translate } from "../../shared/i18n";
import type { MarketView } from "../../shared/methods/marketplace";
import { LAB } from "../../shared/space/layout";
import { occupancy } from "../../shared/zones/entry";
import { zoneDisplayName } from "../../shared/zones/names";
import { useLocaleStore, useT } from "../i18n/locale";
import { useLocalPlayer } from "../movement/local-player";
import { useConnection } from "../session/connection-context";
import { useSelf, useSessionStore } from "../session/session-store";
import { selectable } from "../space/interaction";
import { wake } from "../space/render-demand";
import { Label3D } from "../text/Label3D";
import { useXRMode } from "../xr/xr-mode";
import { useZonesStore, type ZoneView } from "../zones/zones-store";
import { useMarketDialog } from "./market-dialog";
import { openCells, spotToJoin, topicMoves, zoneSignAt, type MarketCell } from "./market-moves";
import { clearMethodsRefusal, useMethodsStore, type MethodsRefusal } from "./methods-store";

/**
 * Open Space's marketplace as a wall in the room (LAB.marketWall): the grid of time slots (rows) by
 * zones (columns), each topic with its convener, its note-taker and, while its slot runs, how many
 * stand in its zone; under each topic the moves the HTML card offers that need no typing ("Go there",
 * "I take the notes", "Withdraw"), pointed at with a mouse, a controller's ray or a hand. In a headset
 * it is the only marketplace there is: HTML is not drawn there, so there the wall also offers what
 * the card does with a keyboard: each free cell's "Post here" opens the headset's keyboard
 * (client/xr/VRMarketPanel.tsx) for the topic's title, a topic's "Move" makes the free cells "Move
 * here", and a facilitator's "Note-taker…" lists the participants to name. What the server refuses is
 * said on the wall for a few seconds. Each zone with a topic running also gets a small sign by its own
 * sign, so the note-taker is named where the session happens.
 */

type TopicView = MarketView["topics"][number];

const WALL = LAB.marketWall;
const DEPTH = 0.05;
/** Beyond this the grid's texts are not drawn (unreadable anyway, and each is a draw call, twice in VR). */
const CONTENT_RANGE_M = 14;
const PAD = 0.05;
const HEAD_H = 0.42;
const COLUMN_HEAD_H = 0.16;
const ROW_HEAD_W = 0.62;
/** A cell this big shows text at full size; smaller grids (more zones or slots) scale it down. */
const FULL_CELL = { w: 1, h: 0.6 };

const COLORS = {
  board: "#fbf8f1",
  frame: "#5b4a3a",
  text: "#1b2a38",
  muted: "#5b6670",
  now: "#f3e2b8",
  line: "#b9b0a2",
  button: "#2f6f8f",
  buttonHover: "#245a75",
  danger: "#b3412f",
  dangerHover: "#8f3324",
  soft: "#dce9ef",
  softHover: "#c3dbe6",
  softText: "#245a75",
  refused: "#9b2f20",
  refusedBand: "#f6ddd6",
} as const;

/** How long a refusal stays on the wall, and the height of its band. */
const REFUSAL_MS = 8000;
const REFUSAL_H = 0.12;

export function MarketWall3D() {
  const market = useMethodsStore((s) => s.state?.market ?? null);
  if (!market) return null;
  return (
    <>
      <Wall market={market} />
      <ZoneSigns market={market} />
    </>
  );
}

/** How the grid divides the wall, in the wall's own metres (origin at its centre, +y up, front +z). */
function gridLayout(slots: number, zones: number) {
  const left = -WALL.width / 2 + PAD + ROW_HEAD_W;
  const top = WALL.height / 2 - HEAD_H - COLUMN_HEAD_H;
  const bottom = -WALL.height / 2 + PAD;
  const cellW = (WALL.width / 2 - PAD - left) / Math.max(1, zones);
  const cellH = (top - bottom) / Math.max(1, slots);
  const scale = Math.min(1, cellW / FULL_CELL.w, cellH / FULL_CELL.h);
  return { left, top, bottom, cellW, cellH, scale };
}

function Wall({ market }: { market: MarketView }) {
  const t = useT();
  const contents = useRef<Group>(null);
  const presenting = useXRMode((s) => s.presenting);
  const movingId = useMarketDialog((s) => s.moving);
  const moving = presenting ? (market.topics.find((tp) => tp.id === movingId) ?? null) : null;
  // A move ends with the headset taken off, the topic gone, or the marketplace closed.
  useEffect(() => {
    if (movingId && (!moving || market.closed)) useMarketDialog.setState({ moving: null });
  }, [movingId, moving, market.closed]);
  const centre = useMemo(() => new Vector3(), []);
  const y = WALL.bottom + WALL.height / 2;
  useFrame(({ camera }) => {
    const group = contents.current;
    if (!group) return;
    group.getWorldPosition(centre);
    group.visible = camera.position.distanceTo(centre) < CONTENT_RANGE_M;
  });
  const status = market.closed
    ? t("methods.market.closedNote")
    : moving
      ? t("methods.market.moving", { topic: moving.title })
      : market.slot < 0
        ? t("methods.market.postingNote")
        : t("methods.market.runningNote", { n: market.slot + 1 });
  return (
    <group name="market-wall" position={[WALL.x, y, WALL.z]} rotation-y={WALL.yaw}>
      <mesh>
        <boxGeometry args={[WALL.width + 0.08, WALL.height + 0.08, DEPTH]} />
        <meshLambertMaterial color={COLORS.frame} />
      </mesh>
      <mesh position-z={DEPTH / 2 + 0.001}>
        <planeGeometry args={[WALL.width, WALL.height]} />
        <meshBasicMaterial color={COLORS.board} toneMapped={false} />
      </mesh>
      {/* Two posts to stand on: it is a panel in the room, not on a wall. */}
      {[-1, 1].map((side) => (
        <mesh key={side} position={[side * (WALL.width / 2 - 0.3), -WALL.height / 2 - WALL.bottom / 2, 0]}>
          <boxGeometry args={[0.06, WALL.bottom + 0.05, 0.06]} />
          <meshLambertMaterial color={COLORS.frame} />
        </mesh>
      ))}
      <group position-z={DEPTH / 2 + 0.004}>
        <group name="market-wall-head">
          <Label3D
            position={[-WALL.width / 2 + PAD, WALL.height / 2 - PAD, 0]}
            fontSize={0.13}
            color={COLORS.text}
            anchorX="left"
            anchorY="top"
            maxWidth={WALL.width - 2 * PAD}
            bold
          >
            {t("methods.market.title")}
          </Label3D>
        </group>
        <group ref={contents}>
          <Label3D
            name="market-wall-status"
            position={[-WALL.width / 2 + PAD, WALL.height / 2 - PAD - 0.19, 0]}
            fontSize={0.065}
            color={COLORS.muted}
            anchorX="left"
            anchorY="top"
            maxWidth={WALL.width - 2 * PAD}
          >
            {status}
          </Label3D>
          <Refusal />
          {moving && (
            <WallButton
              name="market-move-cancel"
              label={t("methods.market.cancel")}
              position={[WALL.width / 2 - PAD - 0.3, WALL.height / 2 - PAD - 0.09, 0.002]}
              width={0.6}
              height={0.16}
              fontSize={0.07}
              onSelect={() => useMarketDialog.setState({ moving: null })}
            />
          )}
          <Grid market={market} moving={moving} presenting={presenting} />
        </group>
      </group>
    </group>
  );
}

function Grid({
  market,
  moving,
  presenting,
}: {
  market: MarketView;
  /** The topic whose new cell is being pointed at (in a headset), if any. */
  moving: TopicView | null;
  presenting: boolean;
}) {
  const t = useT();
  const zones = useZonesStore((s) => s.zones);
  const people = useSessionStore((s) => s.people);
  const self = useSelf();
  const layout = gridLayout(market.slots, market.zones.length);
  const { left, top, cellW, cellH, scale } = layout;
  const here = useMemo(() => {
    const all = Object.values(people);
    return new Map(market.zones.map((zone) => [zone.id, occupancy(all, zone.id)]));
  }, [people, market.zones]);
  const lines = useMemo(() => gridLines(market.slots, market.zones.length), [market.slots, market.zones.length]);
  useEffect(
    () => () => {
      lines.geometry.dispose();
      lines.material.dispose();
    },
    [lines],
  );
  // A zone removed since the marketplace opened is still named by its letter (as in the card).
  const zoneName = (id: string) => {
    const known = zones.find((z) => z.id === id);
    const letter = market.zones.find((z) => z.id === id)?.letter;
    return zoneDisplayName(known ?? (letter ? { name: "", letter } : undefined), t);
  };
  const running = !market.closed && market.slot >= 0;
  const rowTop = (slot: number) => top - slot * cellH;
  const viewer = { facilitator: self?.role === "facilitator", zone: self?.zone ?? "" };
  const member = self?.role === "participant" || self?.role === "facilitator";
  // In a headset the free cells take topics: a flat screen has the card's form for it.
  const free = presenting ? openCells(market, { member }, moving) : [];
  return (
    <>
      <primitive object={lines} />
      {running && market.slot < market.slots && (
        <mesh
          position={[
            left + (cellW * market.zones.length) / 2 - ROW_HEAD_W / 2,
            rowTop(market.slot) - cellH / 2,
            -0.001,
          ]}
        >
          <planeGeometry args={[cellW * market.zones.length + ROW_HEAD_W, cellH]} />
          <meshBasicMaterial color={COLORS.now} toneMapped={false} />
        </mesh>
      )}
      {market.zones.map((zone, column) => (
        <Label3D
          key={zone.id}
          position={[left + column * cellW + cellW / 2, top + COLUMN_HEAD_H / 2, 0]}
          fontSize={0.08 * Math.max(scale, 0.6)}
          color={COLORS.text}
          anchorX="center"
          anchorY="middle"
          maxWidth={cellW - 0.04}
          bold
        >
          {zoneName(zone.id)}
        </Label3D>
      ))}
      {Array.from({ length: market.slots }, (_, slot) => (
        <Label3D
          key={slot}
          position={[left - ROW_HEAD_W + PAD / 2, rowTop(slot) - 0.05, 0]}
          fontSize={0.07 * Math.max(scale, 0.6)}
          color={COLORS.text}
          anchorX="left"
          anchorY="top"
          maxWidth={ROW_HEAD_W - PAD}
          bold={running && slot === market.slot}
        >
          {running && slot === market.slot
            ? t("methods.market.slotNow", { n: slot + 1 })
            : t("methods.market.slot", { n: slot + 1 })}
        </Label3D>
      ))}
      {market.topics.map((topic) => {
        const column = market.zones.findIndex((z) => z.id === topic.zone);
        if (column < 0 || topic.slot >= market.slots) return null;
        return (
          <TopicCell3D
            key={topic.id}
            topic={topic}
            x={left + column * cellW}
            y={rowTop(topic.slot)}
            width={cellW}
            height={cellH}
            scale={scale}
            count={running && topic.slot === market.slot ? (here.get(topic.zone) ?? 0) : null}
            moves={member ? topicMoves(market, topic, viewer) : null}
            zone={zones.find((z) => z.id === topic.zone)}
            headset={presenting}
            nameTaker={viewer.facilitator && !market.closed}
            moving={moving?.id === topic.id}
          />
        );
      })}
      {free.map((cell) => {
        const column = market.zones.findIndex((z) => z.id === cell.zone);
        return (
          <FreeCell3D
            key={`${cell.slot}:${cell.zone}`}
            cell={cell}
            moving={moving}
            x={left + column * cellW}
            y={rowTop(cell.slot)}
            width={cellW}
            height={cellH}
            scale={scale}
          />
        );
      })}
    </>
  );
}

/**
 * The grid's lines as one object (one draw call): the rows' edges, then the columns'. A primitive, so
 * the scenes' catalogue of JSX elements (client/space/three-catalogue.ts) stays as small as it is.
 */
function gridLines(slots: number, zones: number): LineSegments<BufferGeometry, LineBasicMaterial> {
  const { left, top, bottom, cellW, cellH } = gridLayout(slots, zones);
  const right = left + cellW * zones;
  const points: number[] = [];
  const segment = (x1: number, y1: number, x2: number, y2: number) => points.push(x1, y1, 0, x2, y2, 0);
  for (let row = 0; row <= slots; row++) segment(left - ROW_HEAD_W, top - row * cellH, right, top - row * cellH);
  for (let column = 0; column <= zones; column++) {
    segment(left + column * cellW, top + COLUMN_HEAD_H, left + column * cellW, Math.max(bottom, top - slots * cellH));
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute("position", new Float32BufferAttribute(points, 3));
  return new LineSegments(geometry, new LineBasicMaterial({ color: COLORS.line }));
}

const TopicCell3D = memo(function TopicCell3D({
  topic,
  x,
  y,
  width,
  height,
  scale,
  count,
  moves,
  zone,
  headset,
  nameTaker,
  moving,
}: {
  topic: TopicView;
  /** The cell's top-left corner on the wall. */
  x: number;
  y: number;
  width: number;
  height: number;
  scale: number;
  /** People standing in its zone while its slot runs; null otherwise. */
  count: number | null;
  /** What the viewer may do with it; null for someone who only watches. */
  moves: ReturnType<typeof topicMoves> | null;
  zone: ZoneView | undefined;
  /** In a headset the wall also moves topics and names note-takers (the card does on a flat screen). */
  headset: boolean;
  /** The viewer may name its note-taker (a facilitator, while the marketplace is open). */
  nameTaker: boolean;
  /** This topic's new cell is being chosen. */
  moving: boolean;
}) {
  const t = useT();
  const connection = useConnection();
  const player = useLocalPlayer();
  const pad = 0.04 * scale + 0.01;
  const inner = width - 2 * pad;
  const details = [
    t("methods.market.convener", { name: topic.convener }),
    t("methods.market.noteTaker", { name: topic.noteTaker }),
    count === null ? "" : t("methods.market.here", { count }),
  ]
    .filter(Boolean)
    .join("\n");
  const send = (name: "methods.market.withdraw" | "methods.market.noteTaker") => {
    clearMethodsRefusal();
    connection.send(name, { topic: topic.id });
  };
  const goThere = () => {
    if (!zone) return;
    const { presenting, jumpTo } = useXRMode.getState();
    const spot = spotToJoin(zone, player, presenting ? "hop" : "walk");
    if (presenting) jumpTo(spot, zoneSignAt(zone));
    else if (spot) {
      player.walkTarget = spot;
      wake();
    }
  };
  const buttons = [
    moves?.goThere && zone ? { id: "go", label: t("methods.market.goThere"), run: goThere } : null,
    moves?.takeNotes
      ? { id: "take", label: t("methods.market.takeNotes"), run: () => send("methods.market.noteTaker") }
      : null,
    moves?.own
      ? {
          id: "withdraw",
          label: t("methods.market.withdraw"),
          run: () => send("methods.market.withdraw"),
          danger: true,
        }
      : null,
    headset && moves?.own
      ? {
          id: "move",
          label: t("methods.market.move"),
          run: () => {
            clearMethodsRefusal();
            useMarketDialog.setState({ moving: moving ? null : topic.id, open: null });
          },
          pressed: moving,
        }
      : null,
    headset && nameTaker
      ? {
          id: "taker",
          label: t("methods.market.nameTakerShort"),
          run: () => {
            clearMethodsRefusal();
            useMarketDialog.setState({ open: { kind: "taker", topic: topic.id }, moving: null });
          },
        }
      : null,
  ].filter((b) => b !== null);
  const gap = 0.02;
  // At most three buttons a row; the rows stack up from the cell's bottom.
  const perRow = Math.min(3, buttons.length);
  const rows = Math.ceil(buttons.length / 3);
  const buttonW = perRow > 0 ? Math.min(0.5, (inner - gap * (perRow - 1)) / perRow) : 0;
  // Two rows of buttons (a headset's convener or facilitator) are made lower so that the title keeps
  // a line above the details: what is left of the cell after one title line and the details.
  const titleLine = 0.085 * scale * 1.15;
  const detailsH = details.split("\n").length * 0.06 * scale * 1.2;
  const room = height - 2 * pad - titleLine - detailsH - rows * gap;
  const buttonH = rows > 0 ? Math.min(0.16 * scale, room / rows) : 0;
  const buttonFont = Math.min(0.055 * scale, buttonH * 0.42);
  return (
    <group name={`market-topic:${topic.id}`} position={[x, y, 0]}>
      <Label3D
        position={[pad, -pad, 0]}
        fontSize={0.085 * scale}
        lineHeight={1.15}
        color={COLORS.text}
        anchorX="left"
        anchorY="top"
        maxWidth={inner}
        overflowWrap="break-word"
        bold
      >
        {topic.title}
      </Label3D>
      <Label3D
        position={[pad, -height + pad + rows * (buttonH + gap), 0]}
        fontSize={0.06 * scale}
        lineHeight={1.2}
        color={COLORS.muted}
        anchorX="left"
        anchorY="bottom"
        maxWidth={inner}
      >
        {details}
      </Label3D>
      {buttons.map((button, i) => (
        <WallButton
          key={button.id}
          name={`market-${button.id}:${topic.id}`}
          label={button.label}
          danger={"danger" in button && button.danger === true}
          pressed={"pressed" in button && button.pressed === true}
          position={[
            pad + (i % 3) * (buttonW + gap) + buttonW / 2,
            -height + pad + buttonH / 2 + (rows - 1 - Math.floor(i / 3)) * (buttonH + gap),
            0.002,
          ]}
          width={buttonW}
          height={buttonH}
          fontSize={buttonFont}
          onSelect={button.run}
        />
      ))}
    </group>
  );
});

/**
 * A free cell in a headset: "Post here" opens the keyboard for a topic's title there; while a topic is
 * being moved, "Move here" sends it there.
 */
function FreeCell3D({
  cell,
  moving,
  x,
  y,
  width,
  height,
  scale,
}: {
  cell: MarketCell;
  moving: TopicView | null;
  x: number;
  y: number;
  width: number;
  height: number;
  scale: number;
}) {
  const t = useT();
  const connection = useConnection();
  const pad = 0.04 * scale + 0.01;
  const onSelect = () => {
    clearMethodsRefusal();
    if (moving) {
      connection.send("methods.market.move", { topic: moving.id, slot: cell.slot, zone: cell.zone });
      useMarketDialog.setState({ moving: null });
    } else useMarketDialog.setState({ open: { kind: "post", slot: cell.slot, zone: cell.zone } });
  };
  return (
    <WallButton
      name={`market-cell:${cell.slot}:${cell.zone}`}
      label={moving ? t("methods.market.moveHere") : t("methods.market.postHere")}
      soft
      position={[x + width / 2, y - height / 2, 0.002]}
      width={width - 2 * pad}
      height={Math.min(height - 2 * pad, 0.24 * scale)}
      fontSize={0.065 * scale}
      onSelect={onSelect}
    />
  );
}

/** The server's reason for refusing this person's last marketplace message, or null. */
function refusalText(refusal: MethodsRefusal | null, locale: Parameters<typeof translate>[0]): string | null {
  if (!refusal?.command.startsWith("methods.market.")) return null;
  return refusal.detail && isMessageKey(refusal.detail)
    ? translate(locale, refusal.detail)
    : translate(locale, `errors.${refusal.code}`);
}

/**
 * What the server refused, said on the wall for a few seconds (the card says it in HTML, which a
 * headset does not draw). It stays its time even when the next state update clears the refusal.
 */
function Refusal() {
  const refusal = useMethodsStore((s) => s.refusal);
  const locale = useLocaleStore((s) => s.locale);
  const [shown, setShown] = useState<string | null>(null);
  useEffect(() => {
    const text = refusalText(refusal, locale);
    if (!text) return;
    setShown(text);
    const timer = setTimeout(() => setShown(null), REFUSAL_MS);
    return () => clearTimeout(timer);
  }, [refusal, locale]);
  useEffect(() => {
    wake();
  }, [shown]);
  if (!shown) return null;
  // A band across the wall between the status line and the zones' names, so it is seen from afar.
  const top = WALL.height / 2 - PAD - 0.27;
  return (
    <group name="market-wall-refused" position={[0, top, 0]}>
      <mesh position={[0, -REFUSAL_H / 2, 0.001]}>
        <planeGeometry args={[WALL.width - 2 * PAD, REFUSAL_H]} />
        <meshBasicMaterial color={COLORS.refusedBand} toneMapped={false} />
      </mesh>
      <Label3D
        position={[-WALL.width / 2 + 2 * PAD, -REFUSAL_H / 2, 0.002]}
        fontSize={0.08}
        color={COLORS.refused}
        anchorX="left"
        anchorY="middle"
        maxWidth={WALL.width - 4 * PAD}
        bold
      >
        {shown}
      </Label3D>
    </group>
  );
}

/** A flat button on a sign: the interaction contract's `selectable`, so a mouse, a ray or a pinch press it. */
function WallButton(props: {
  name: string;
  label: string;
  danger?: boolean;
  /** A light button, for an offer on an empty cell. */
  soft?: boolean;
  pressed?: boolean;
  position: [number, number, number];
  width: number;
  height: number;
  fontSize: number;
  onSelect(): void;
}) {
  const [hovered, setHovered] = useState(false);
  const color = props.danger
    ? hovered
      ? COLORS.dangerHover
      : COLORS.danger
    : props.soft
      ? hovered
        ? COLORS.softHover
        : COLORS.soft
      : hovered || props.pressed
        ? COLORS.buttonHover
        : COLORS.button;
  return (
    <mesh name={props.name} position={props.position} {...selectable(props.onSelect, { onHover: setHovered })}>
      <planeGeometry args={[props.width, props.height]} />
      <meshBasicMaterial color={color} toneMapped={false} />
      <Label3D
        position={[0, 0, 0.002]}
        fontSize={props.fontSize}
        lineHeight={1.05}
        color={props.soft ? COLORS.softText : "#ffffff"}
        anchorX="center"
        anchorY="middle"
        textAlign="center"
        maxWidth={props.width - 0.02}
        bold={props.pressed}
      >
        {props.label}
      </Label3D>
    </mesh>
  );
}

/**
 * By each zone's sign, while a slot runs: the topic there, who takes its notes, and "I take the notes"
 * for whoever stands in the zone. Drawn only for the people in the zone and the facilitators, like the
 * zone's own board.
 */
function ZoneSigns({ market }: { market: MarketView }) {
  const zones = useZonesStore((s) => s.zones);
  const self = useSelf();
  if (!self || market.closed || market.slot < 0) return null;
  const facilitator = self.role === "facilitator";
  const member = facilitator || self.role === "participant";
  return (
    <>
      {market.topics
        .filter((topic) => topic.slot === market.slot && (facilitator || self.zone === topic.zone))
        .map((topic) => {
          const zone = zones.find((z) => z.id === topic.zone);
          if (!zone) return null;
          const moves = member ? topicMoves(market, topic, { facilitator, zone: self.zone }) : null;
          return <ZoneSign key={topic.id} topic={topic} zone={zone} takeNotes={moves?.takeNotes === true} />;
        })}
    </>
  );
}

/** The zone sign's size, metres: read from inside the zone, beside its own board. */
const SIGN = { w: 1.2, h: 0.62 };
/** Half the width of the zone's task board, which stands centred under the zone's sign. */
const TASK_BOARD_HALF_W = 0.8;

function ZoneSign({ topic, zone, takeNotes }: { topic: TopicView; zone: ZoneView; takeNotes: boolean }) {
  const t = useT();
  const connection = useConnection();
  // Beside the zone's own board (client/zones/ZonesLayer.tsx), facing into the zone as it does.
  return (
    <group
      name={`market-zone-sign:${topic.id}`}
      position={[zone.x + TASK_BOARD_HALF_W + 0.1 + SIGN.w / 2, 0.75, zone.z - zone.radius]}
    >
      <mesh>
        <boxGeometry args={[SIGN.w, SIGN.h, 0.03]} />
        <meshLambertMaterial color={COLORS.board} />
      </mesh>
      <Label3D
        position={[-SIGN.w / 2 + 0.05, SIGN.h / 2 - 0.05, 0.017]}
        fontSize={0.1}
        color={COLORS.text}
        anchorX="left"
        anchorY="top"
        maxWidth={SIGN.w - 0.1}
      >
        {t("methods.market.noteTaker", { name: topic.noteTaker })}
      </Label3D>
      {takeNotes && (
        <WallButton
          name={`market-zone-take:${topic.id}`}
          label={t("methods.market.takeNotes")}
          position={[0, -SIGN.h / 2 + 0.05 + 0.11, 0.017]}
          width={SIGN.w - 0.1}
          height={0.22}
          fontSize={0.085}
          onSelect={() => {
            clearMethodsRefusal();
            connection.send("methods.market.noteTaker", { topic: topic.id });
          }}
        />
      )}
    </group>
  );
}
