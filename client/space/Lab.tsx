import { useMemo } from "react";
import { Color, DoubleSide } from "three";
import type { ThreeEvent } from "@react-three/fiber";
import { LAB, isWalkable } from "../../shared/space/layout";
import type { TranslationKey } from "../../shared/i18n";
import { useT } from "../i18n/locale";
import { Label3D } from "../text/Label3D";
import { useLocalPlayer } from "../movement/local-player";
import { StaticBatch } from "./StaticBatch";

const WALL_HEIGHT = 4.2;
const WALL_THICKNESS = 0.3;
const COLORS = {
  floor: "#e8e1d3",
  wall: "#f5f1e8",
  trim: "#cfc6b4",
  plenary: "#f4c95d",
  stage: "#c9b48f",
  screenFrame: "#2b3440",
  screen: "#eef2f4",
  noteWall: "#d8b98a",
  pillar: "#e2dbcd",
  leaf: "#6fa77a",
  pot: "#b8876a",
} as const;

/** The colour `color` shows laid over the floor at `opacity`. */
function floorTint(color: string, opacity: number): Color {
  return new Color(COLORS.floor).lerp(new Color(color), opacity);
}

/** Clicking the floor walks there: the contract every floor-like surface follows (see movement/). */
function Floor() {
  const player = useLocalPlayer();
  const { walls } = LAB;
  const onClick = (event: ThreeEvent<MouseEvent>) => {
    // A drag to look around also ends in a click; only a still click is a request to walk.
    if (event.delta > 6) return;
    const { x, z } = event.point;
    if (isWalkable(x, z)) player.walkTarget = { x, z };
  };
  return (
    <mesh name="floor" rotation-x={-Math.PI / 2} onClick={onClick}>
      <planeGeometry args={[walls.maxX - walls.minX, walls.maxZ - walls.minZ]} />
      <meshStandardMaterial color={COLORS.floor} roughness={0.95} />
    </mesh>
  );
}

function Walls() {
  const { walls } = LAB;
  const width = walls.maxX - walls.minX;
  const depth = walls.maxZ - walls.minZ;
  const y = WALL_HEIGHT / 2;
  const pieces: [number, number, number, number][] = [
    [0, walls.minZ - WALL_THICKNESS / 2, width + 2 * WALL_THICKNESS, WALL_THICKNESS],
    [0, walls.maxZ + WALL_THICKNESS / 2, width + 2 * WALL_THICKNESS, WALL_THICKNESS],
    [walls.minX - WALL_THICKNESS / 2, 0, WALL_THICKNESS, depth],
    [walls.maxX + WALL_THICKNESS / 2, 0, WALL_THICKNESS, depth],
  ];
  return (
    <group name="walls">
      {pieces.map(([x, z, w, d], i) => (
        <mesh key={i} position={[x, y, z]}>
          <boxGeometry args={[w, WALL_HEIGHT, d]} />
          <meshStandardMaterial color={COLORS.wall} roughness={1} />
        </mesh>
      ))}
      {LAB.obstacles.map((o, i) => (
        <mesh key={`pillar-${i}`} position={[(o.minX + o.maxX) / 2, y, (o.minZ + o.maxZ) / 2]}>
          <boxGeometry args={[o.maxX - o.minX, WALL_HEIGHT, o.maxZ - o.minZ]} />
          <meshStandardMaterial color={COLORS.pillar} roughness={1} />
        </mesh>
      ))}
    </group>
  );
}

function Plenary() {
  const t = useT();
  const { plenary } = LAB;
  return (
    <group name="plenary" position={[plenary.x, 0, plenary.z]}>
      <mesh rotation-x={-Math.PI / 2} position-y={0.005}>
        <circleGeometry args={[plenary.radius, 48]} />
        <meshStandardMaterial color="#f3e7c4" roughness={1} />
      </mesh>
      <mesh rotation-x={-Math.PI / 2} position-y={0.01}>
        <ringGeometry args={[plenary.radius - 0.12, plenary.radius, 64]} />
        <meshStandardMaterial color={COLORS.plenary} roughness={0.8} />
      </mesh>
      <Label3D
        position={[0, 0.02, 0]}
        rotation-x={-Math.PI / 2}
        fontSize={0.45}
        color="#b08a2e"
        anchorX="center"
        anchorY="middle"
        bold
      >
        {t("space.plenary")}
      </Label3D>
    </group>
  );
}

function Stage() {
  const t = useT();
  const { stage, screen } = LAB;
  const width = stage.maxX - stage.minX;
  const depth = stage.maxZ - stage.minZ;
  return (
    <group name="stage">
      <mesh position={[(stage.minX + stage.maxX) / 2, stage.height / 2, (stage.minZ + stage.maxZ) / 2]}>
        <boxGeometry args={[width, stage.height, depth]} />
        <meshStandardMaterial color={COLORS.stage} roughness={0.9} />
      </mesh>
      <group name="screen" position={[screen.x, screen.bottom + screen.height / 2, screen.z]}>
        <mesh position-z={-0.02}>
          <boxGeometry args={[screen.width + 0.3, screen.height + 0.3, 0.05]} />
          <meshStandardMaterial color={COLORS.screenFrame} roughness={0.6} />
        </mesh>
        <mesh position-z={0.01}>
          <planeGeometry args={[screen.width, screen.height]} />
          <meshStandardMaterial color={COLORS.screen} roughness={0.4} />
        </mesh>
        <Label3D position={[0, 0, 0.03]} fontSize={0.35} color="#8a97a3" anchorX="center" anchorY="middle">
          {t("space.stage")}
        </Label3D>
      </group>
    </group>
  );
}

function NoteWall() {
  const t = useT();
  const { noteWall } = LAB;
  return (
    <group
      name="note-wall"
      position={[noteWall.x, noteWall.bottom + noteWall.height / 2, noteWall.z]}
      rotation-y={Math.PI}
    >
      <mesh position-z={-0.03}>
        <boxGeometry args={[noteWall.width, noteWall.height, 0.05]} />
        <meshStandardMaterial color={COLORS.noteWall} roughness={1} />
      </mesh>
      <Label3D
        position={[0, noteWall.height / 2 + 0.25, 0]}
        fontSize={0.28}
        color="#5d4a2f"
        anchorX="center"
        anchorY="middle"
        bold
      >
        {t("space.noteWall")}
      </Label3D>
    </group>
  );
}

function BreakoutAreas() {
  const t = useT();
  return (
    <group name="breakout-areas">
      {LAB.breakoutAreas.map((area) => (
        <group key={area.id} position={[area.x, 0, area.z]}>
          {/* Tints of the floor rather than transparent layers, so they can join the static batch. */}
          <mesh rotation-x={-Math.PI / 2} position-y={0.004}>
            <circleGeometry args={[area.radius, 40]} />
            <meshStandardMaterial color={floorTint(area.color, 0.16)} roughness={1} />
          </mesh>
          <mesh rotation-x={-Math.PI / 2} position-y={0.008}>
            <ringGeometry args={[area.radius - 0.08, area.radius, 56]} />
            <meshStandardMaterial color={floorTint(area.color, 0.7)} roughness={1} />
          </mesh>
          <AreaSign label={t(area.labelKey as TranslationKey)} color={area.color} radius={area.radius} />
        </group>
      ))}
    </group>
  );
}

function AreaSign({ label, color, radius }: { label: string; color: string; radius: number }) {
  return (
    <group position={[0, 0, -radius]}>
      <mesh position-y={0.9}>
        <cylinderGeometry args={[0.03, 0.03, 1.8, 6]} />
        <meshStandardMaterial color="#8f8a80" />
      </mesh>
      <mesh position-y={1.9}>
        <boxGeometry args={[1.5, 0.45, 0.04]} />
        <meshStandardMaterial color={color} />
      </mesh>
      {[1, -1].map((side) => (
        <Label3D
          key={side}
          position={[0, 1.9, 0.025 * side]}
          rotation-y={side === 1 ? 0 : Math.PI}
          fontSize={0.2}
          color="#ffffff"
          anchorX="center"
          anchorY="middle"
          maxWidth={1.4}
          bold
        >
          {label}
        </Label3D>
      ))}
    </group>
  );
}

/** A few potted plants along the walls make the room feel lived-in; low-poly so they cost little. */
function Plants() {
  const spots = useMemo(
    () => [
      [-15, -15],
      [15, -15],
      [-15, 15],
      [15, 15],
      [-7.5, 15.2],
      [7.5, 15.2],
      [-15.2, 4],
      [15.2, 4],
    ],
    [],
  );
  return (
    <group name="plants">
      {spots.map(([x, z], i) => (
        <group key={i} position={[x!, 0, z!]}>
          <mesh position-y={0.25}>
            <cylinderGeometry args={[0.28, 0.22, 0.5, 10]} />
            <meshStandardMaterial color={COLORS.pot} roughness={0.9} />
          </mesh>
          <mesh position-y={1.0}>
            <icosahedronGeometry args={[0.55, 0]} />
            <meshStandardMaterial color={COLORS.leaf} roughness={0.9} flatShading side={DoubleSide} />
          </mesh>
        </group>
      ))}
    </group>
  );
}

/** Soft daylight without any downloaded environment map: a sky/ground hemisphere and one sun. */
function Lighting() {
  return (
    <>
      <hemisphereLight args={["#fdfbf5", "#cdbfa6", 1.6]} />
      <directionalLight position={[8, 14, 6]} intensity={1.4} color="#fff4e0" />
      <color attach="background" args={["#dfe8ec"]} />
      <fog attach="fog" args={["#dfe8ec", 28, 60]} />
    </>
  );
}

/** The workshop lab: a plenary circle, a stage with a screen, the note wall and four breakout areas. */
export function Lab() {
  return (
    <group name="lab">
      <Lighting />
      <Floor />
      <StaticBatch name="lab-static">
        <Walls />
        <Plenary />
        <Stage />
        <NoteWall />
        <BreakoutAreas />
        <Plants />
      </StaticBatch>
    </group>
  );
}
