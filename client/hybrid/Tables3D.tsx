import { useRef, type ReactNode } from "react";
import { useFrame } from "@react-three/fiber";
import { Vector3, type Group } from "three";
import { seatSpot, tableRadius } from "../../shared/hybrid/rules";
import { avatarHex } from "../../shared/avatars/palette";
import { useT } from "../i18n/locale";
import { useSessionStore, type PersonView } from "../session/session-store";
import { BothSides } from "../text/BothSides";
import { Label3D } from "../text/Label3D";
import { useHybridStore, type PhysicalRoomView } from "./hybrid-store";

const TABLE_HEIGHT = 0.74;
const WOOD = "#b89263";
const CHAIR = "#8a96a3";
const viewer = new Vector3();

/** Turns its children about the vertical to face the viewer (names over seats read from anywhere). */
function FacingViewer({ children, y }: { children: ReactNode; y: number }) {
  const ref = useRef<Group>(null);
  useFrame(({ camera }) => {
    const group = ref.current;
    if (!group?.parent) return;
    camera.getWorldPosition(viewer);
    group.parent.worldToLocal(viewer);
    group.rotation.y = Math.atan2(viewer.x - group.position.x, viewer.z - group.position.z);
  });
  return (
    <group ref={ref} position-y={y}>
      {children}
    </group>
  );
}

/** One seat: a chair, and when someone sits there, a seated figure in their colour with their name. */
function Seat({ room, index, person }: { room: PhysicalRoomView; index: number; person: PersonView | undefined }) {
  const spot = seatSpot({ x: 0, z: 0 }, room.seats, index);
  return (
    <group position={[spot.x, 0, spot.z]} rotation-y={spot.yaw} name={`seat:${room.id}:${index}`}>
      <mesh position-y={0.22}>
        <boxGeometry args={[0.36, 0.44, 0.36]} />
        <meshLambertMaterial color={CHAIR} />
      </mesh>
      {person && (
        <group name={`seated:${person.id}`}>
          <mesh position-y={0.78}>
            <cylinderGeometry args={[0.17, 0.2, 0.6, 10]} />
            <meshLambertMaterial color={avatarHex(person.color)} transparent opacity={person.connected ? 1 : 0.45} />
          </mesh>
          <mesh position-y={1.22}>
            <sphereGeometry args={[0.14, 12, 10]} />
            <meshLambertMaterial color={avatarHex(person.color)} transparent opacity={person.connected ? 1 : 0.45} />
          </mesh>
          <FacingViewer y={1.55}>
            <Label3D fontSize={0.16} color="#1b2a38" outlineWidth={0.014} outlineColor="#ffffff" anchorX="center">
              {person.name}
            </Label3D>
          </FacingViewer>
        </group>
      )}
    </group>
  );
}

/** The room device on the table: a small open laptop, marking where the room is heard from. */
function Device({ name }: { name: string }) {
  const t = useT();
  return (
    <group position-y={TABLE_HEIGHT} name="room-device">
      <mesh position-y={0.015}>
        <boxGeometry args={[0.34, 0.03, 0.24]} />
        <meshLambertMaterial color="#2d3440" />
      </mesh>
      <mesh position={[0, 0.13, -0.11]} rotation-x={-0.25}>
        <boxGeometry args={[0.34, 0.22, 0.015]} />
        <meshLambertMaterial color="#3b82c4" emissive="#1d4f80" />
      </mesh>
      <FacingViewer y={0.42}>
        <Label3D fontSize={0.08} color="#1d4f80" outlineWidth={0.008} outlineColor="#ffffff" anchorX="center">
          {`${t("hybrid.deviceBadge")}: ${name}`}
        </Label3D>
      </FacingViewer>
    </group>
  );
}

function Table({ room }: { room: PhysicalRoomView }) {
  const t = useT();
  const people = useSessionStore((s) => s.people);
  const selfId = useSessionStore((s) => s.selfId);
  // One's own figure (or laptop) is not drawn: the camera is where it would be.
  const byseat = new Map(
    Object.entries(room.seated)
      .filter(([id]) => id !== selfId)
      .map(([id, seat]) => [seat, people[id]]),
  );
  const radius = tableRadius(room.seats);
  const label = t("hybrid.table", { name: room.name, seated: Object.keys(room.seated).length, seats: room.seats });
  return (
    <group name={`table:${room.id}`} position={[room.x, 0, room.z]}>
      <mesh position-y={TABLE_HEIGHT - 0.025}>
        <cylinderGeometry args={[radius, radius, 0.05, 40]} />
        <meshLambertMaterial color={WOOD} />
      </mesh>
      <mesh position-y={(TABLE_HEIGHT - 0.05) / 2}>
        <cylinderGeometry args={[0.08, 0.12, TABLE_HEIGHT - 0.05, 10]} />
        <meshLambertMaterial color="#6b5440" />
      </mesh>
      {Array.from({ length: room.seats }, (_, i) => (
        <Seat key={i} room={room} index={i} person={byseat.get(i)} />
      ))}
      {room.device && room.device !== selfId && <Device name={room.name} />}
      {/* The room's name on a sign above the table, readable from both sides. */}
      <group position-y={2.35}>
        <mesh>
          <boxGeometry args={[2.4, 0.42, 0.04]} />
          <meshLambertMaterial color="#1d4f80" />
        </mesh>
        <BothSides gap={0.025}>
          <Label3D fontSize={0.18} color="#ffffff" anchorX="center" anchorY="middle" maxWidth={2.3} bold>
            {label}
          </Label3D>
        </BothSides>
      </group>
    </group>
  );
}

/** Every physical room of the session as a table with its seats; remote people stand around it. */
export function Tables3D() {
  const rooms = useHybridStore((s) => s.rooms);
  return (
    <group name="tables">
      {rooms.map((room) => (
        <Table key={room.id} room={room} />
      ))}
    </group>
  );
}
