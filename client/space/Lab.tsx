import { useEffect, useMemo, useRef, type ReactNode } from "react";
import { DoubleSide, LinearMipmapLinearFilter, LinearMipmapNearestFilter, Object3D, Vector3, type Group } from "three";
import { useFrame, type ThreeEvent } from "@react-three/fiber";
import { LAB, isWalkable } from "../../shared/space/layout";
import { useT } from "../i18n/locale";
import { Label3D } from "../text/Label3D";
import { useLocalPlayer } from "../movement/local-player";
import { floorTexture } from "./textures";
import { StaticBatch } from "./StaticBatch";
import { isStillClick } from "./interaction";
import { useQuality } from "./quality-store";

const signWorld = new Vector3();
const viewerWorld = new Vector3();

/** A room sign drawn only within the quality tier's sign range (see quality.ts). */
function Sign({ children }: { children: ReactNode }) {
  const group = useRef<Group>(null);
  useFrame(({ camera }) => {
    const sign = group.current;
    if (!sign) return;
    sign.getWorldPosition(signWorld);
    camera.getWorldPosition(viewerWorld);
    sign.visible = signWorld.distanceTo(viewerWorld) < useQuality.getState().settings.signRangeM;
  });
  return <group ref={group}>{children}</group>;
}

const WALL_HEIGHT = 4.2;
const WALL_THICKNESS = 0.3;
const COLORS = {
  wall: "#f6f2ea",
  wainscot: "#c9d6c8",
  rail: "#aebdad",
  window: "#e9f5fb",
  plenary: "#f4c95d",
  stage: "#c9b48f",
  screenFrame: "#2b3440",
  screen: "#eef2f4",
  noteWall: "#d8b98a",
  pillar: "#e2dbcd",
  leaf: "#6fa77a",
  pot: "#b8876a",
} as const;

/** Clicking the floor walks there: the contract every floor-like surface follows (see movement/). */
function Floor() {
  const player = useLocalPlayer();
  const { walls } = LAB;
  const onClick = (event: ThreeEvent<MouseEvent>) => {
    // A drag to look around also ends in a click; only a still click is a request to walk. (In VR the
    // thumbstick moves people; VRLocomotion drops any walk target.)
    if (!isStillClick(event)) return;
    const { x, z } = event.point;
    if (isWalkable(x, z)) player.walkTarget = { x, z };
  };
  const width = walls.maxX - walls.minX;
  const texture = useMemo(() => floorTexture(width), [width]);
  const { floorAnisotropy, floorMipmapBlend } = useQuality((s) => s.settings);
  useEffect(() => {
    texture.anisotropy = floorAnisotropy;
    texture.minFilter = floorMipmapBlend ? LinearMipmapLinearFilter : LinearMipmapNearestFilter;
    texture.needsUpdate = true;
  }, [texture, floorAnisotropy, floorMipmapBlend]);
  return (
    <mesh name="floor" rotation-x={-Math.PI / 2} onClick={onClick}>
      <planeGeometry args={[width, walls.maxZ - walls.minZ]} />
      {/* Matte: Lambert looks the same here and is far cheaper per pixel in software rendering. */}
      <meshLambertMaterial map={texture} />
    </mesh>
  );
}

/** Height of the sage wainscot band and the rail on top of it. */
const WAINSCOT_HEIGHT = 1.1;
const RAIL_HEIGHT = 0.06;

/**
 * Four walls, each a warm white upper part over a sage wainscot with a rail: plain boxes in flat
 * colours, so the static batch draws them all in its single call.
 */
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
  const upper = WALL_HEIGHT - WAINSCOT_HEIGHT;
  return (
    <group name="walls">
      {pieces.map(([x, z, w, d], i) => (
        <group key={i} position={[x, 0, z]}>
          <mesh position-y={WAINSCOT_HEIGHT + upper / 2}>
            <boxGeometry args={[w, upper, d]} />
            <meshStandardMaterial color={COLORS.wall} roughness={1} />
          </mesh>
          <mesh position-y={WAINSCOT_HEIGHT / 2}>
            {/* A hair thicker than the wall above, so the band reads as panelling. */}
            <boxGeometry args={[w + 0.02, WAINSCOT_HEIGHT, d + 0.02]} />
            <meshStandardMaterial color={COLORS.wainscot} roughness={1} />
          </mesh>
          <mesh position-y={WAINSCOT_HEIGHT}>
            <boxGeometry args={[w + 0.05, RAIL_HEIGHT, d + 0.05]} />
            <meshStandardMaterial color={COLORS.rail} roughness={1} />
          </mesh>
        </group>
      ))}
      <Windows />
      {LAB.obstacles.map((o, i) => (
        <mesh key={`pillar-${i}`} position={[(o.minX + o.maxX) / 2, y, (o.minZ + o.maxZ) / 2]}>
          <boxGeometry args={[o.maxX - o.minX, WALL_HEIGHT, o.maxZ - o.minZ]} />
          <meshStandardMaterial color={COLORS.pillar} roughness={1} />
        </mesh>
      ))}
    </group>
  );
}

/** Tall windows along the east and west walls: one instanced mesh, so daylight costs one draw call. */
function Windows() {
  const { walls } = LAB;
  const spots = useMemo(() => {
    const zs = [-11, -5.5, 5.5, 11];
    return [walls.minX + 0.01, walls.maxX - 0.01].flatMap((x) => zs.map((z) => [x, z] as const));
  }, [walls]);
  return (
    <instancedMesh
      name="windows"
      args={[undefined, undefined, spots.length]}
      ref={(mesh) => {
        if (!mesh) return;
        const dummy = new Object3D();
        spots.forEach(([x, z], i) => {
          dummy.position.set(x, 2.35, z);
          dummy.rotation.set(0, x < 0 ? Math.PI / 2 : -Math.PI / 2, 0);
          dummy.updateMatrix();
          mesh.setMatrixAt(i, dummy.matrix);
        });
        mesh.instanceMatrix.needsUpdate = true;
      }}
    >
      <planeGeometry args={[2.6, 2.5]} />
      <meshBasicMaterial color={COLORS.window} toneMapped={false} />
    </instancedMesh>
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
        <Sign>
          <Label3D position={[0, 0, 0.03]} fontSize={0.35} color="#8a97a3" anchorX="center" anchorY="middle">
            {t("space.stage")}
          </Label3D>
        </Sign>
      </group>
    </group>
  );
}

function NoteWall() {
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
      {/* No sign of its own: the wall board on it carries the title, sized for the plenary. */}
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

/** The workshop lab: a plenary circle, a stage with a screen and the note wall (zones are drawn from the room: zones/ZonesLayer). */
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
        <Plants />
      </StaticBatch>
    </group>
  );
}
