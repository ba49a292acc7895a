import {
  type Camera,
  Euler,
  Matrix4,
  Quaternion,
  Vector3,
  type InstancedMesh,
  type Object3D,
  type Scene,
  type WebGLRenderer,
} from "three";
import type { LocalPlayer } from "../movement/local-player";
import { useQuality } from "./quality-store";
import { framesDrawn } from "./render-demand";
import { troikaAwaited } from "../text/troika";

export interface Point3 {
  x: number;
  y: number;
  z: number;
}

/**
 * The typesetting flags troika-three-text keeps on each Text (and a BatchedText's members). They are
 * not in its public API, which offers only per-object events; read here for the tests alone.
 */
interface TroikaState {
  text?: unknown;
  _isSyncing?: boolean;
  _needsSync?: boolean;
  _members?: Map<TroikaState, unknown>;
}

/** What the XR layer adds while it is loaded (see client/xr/inspect.ts). */
export interface XRInspector {
  state(): {
    presenting: boolean;
    /** XR frames drawn so far (a test holds a button for at least one). */
    frames: number;
    menuOpen: boolean;
    /** The text on the in-VR note keyboard while it is open, else null. */
    noteDraft: string | null;
    /** The text on the in-VR marketplace topic keyboard while it is open, else null. */
    topicDraft: string | null;
    /** The teleport target being aimed at, if any. */
    aim: { x: number; z: number; valid: boolean } | null;
    snapDegrees: number;
    smoothMovement: boolean;
    vignette: boolean;
  };
  /** Where a menu button's centre is, in the headset's own (reference-space) coordinates. */
  menuButton(id: string): Point3 | null;
  /** Asks for a teleport as the thumbstick does on release, without the local check (server refusal tests). */
  requestTeleport(x: number, z: number): void;
}

/**
 * A read-only window into the running scene, for the end-to-end tests and for support staff
 * ("what does your browser see?"). It exposes positions already on screen, nothing private.
 */
export interface SpaceInspector {
  /** Where each remote avatar's body is drawn right now, from the instanced mesh itself. */
  avatars(): Point3[];
  /** Heads (with the way they face) and every drawn hand, from the instanced meshes. */
  avatarParts(): { heads: (Point3 & { yaw: number; pitch: number })[]; hands: Point3[] };
  /** Names whose tags are in the scene. */
  nameTags(): string[];
  self(): { x: number; z: number; yaw: number; eyeHeight: number };
  /** Texts of the notes drawn on the boards in 3D. */
  boardNotes(): string[];
  /** Texts drawn inside objects whose name starts with `prefix` (e.g. "plenary-clock", "zone-board:nw"). */
  labels(prefix: string): string[];
  /**
   * The last frame's draw calls and triangles, the quality tier it was drawn at, and the shader
   * programs compiled so far (in software each costs the first frame that uses it a compile).
   */
  renderInfo(): { calls: number; triangles: number; quality: string; programs: string[] };
  /**
   * What a frame draws: each visible mesh (name, material type, whether it blends), for support staff
   * and the render benchmark ("where do the draw calls go?"). Culling may leave some out of a frame.
   */
  drawList(): { name: string; material: string; transparent: boolean; instances: number | null }[];
  /** Frames drawn so far: the view draws on demand, so a still room adds none. */
  framesDrawn(): number;
  /**
   * 3D texts (troika) not yet typeset as they now read: laid out in a worker right now, or changed
   * and waiting for their next frame. 0 once every text has been laid out, with whatever fonts it fetched.
   */
  textsTypesetting(): number;
  /**
   * Where the centres of objects whose name starts with `prefix` (e.g. "note:") are on the canvas,
   * in CSS pixels from its top-left, and whether they are in front of the camera: lets a test point
   * and drag at them as a person would.
   */
  screenPoints(prefix: string): { name: string; x: number; y: number; inView: boolean; world: Point3 }[];
  /** Where world points fall on the canvas from this camera, as screenPoints gives them. */
  project(points: Point3[]): { x: number; y: number; inView: boolean }[];
  xr?: XRInspector;
}

declare global {
  interface Window {
    yhteistila?: SpaceInspector;
  }
}

/** Instance matrices of the mesh `name` and of its low-detail twin `${name}-far` (distant avatars). */
function instances(scene: Scene, name: string): Matrix4[] {
  return [name, `${name}-far`].flatMap((meshName) => {
    const mesh = scene.getObjectByName(meshName) as InstancedMesh | undefined;
    if (!mesh) return [];
    return Array.from({ length: mesh.count }, (_, i) => {
      const m = new Matrix4();
      mesh.getMatrixAt(i, m);
      return m;
    });
  });
}

const position = (m: Matrix4): Point3 => ({ x: m.elements[12]!, y: m.elements[13]!, z: m.elements[14]! });

export function installInspector(
  scene: Scene,
  gl: WebGLRenderer,
  camera: () => Camera,
  player: LocalPlayer,
): () => void {
  const toCanvas = (world: Vector3) => {
    const rect = gl.domElement.getBoundingClientRect();
    const p = world.clone().project(camera());
    return {
      x: rect.left + ((p.x + 1) / 2) * rect.width,
      y: rect.top + ((1 - p.y) / 2) * rect.height,
      inView: p.z < 1 && Math.abs(p.x) <= 1 && Math.abs(p.y) <= 1,
    };
  };
  window.yhteistila = {
    avatars: () => instances(scene, "avatar-body").map(position),
    avatarParts() {
      const euler = new Euler(0, 0, 0, "YXZ");
      const rotation = new Quaternion();
      const heads = instances(scene, "avatar-head").map((m) => {
        m.decompose(new Vector3(), rotation, new Vector3());
        euler.setFromQuaternion(rotation);
        return { ...position(m), yaw: euler.y, pitch: euler.x };
      });
      return { heads, hands: instances(scene, "avatar-hand").map(position) };
    },
    nameTags: () => [...((scene.getObjectByName("name-tags")?.userData.names as string[] | undefined) ?? [])],
    self: () => ({ x: player.x, z: player.z, yaw: player.yaw, eyeHeight: player.y }),
    boardNotes() {
      const texts: string[] = [];
      scene.traverse((object) => {
        if (!object.name.startsWith("note:")) return;
        // The first text in a note is its own; the author's name comes after it.
        const label = object.children.find((child) => typeof (child as { text?: unknown }).text === "string");
        const text = (label as { text?: string } | undefined)?.text;
        if (text) texts.push(text);
      });
      return texts.sort();
    },
    labels(prefix) {
      const found = new Set<Object3D>();
      scene.traverse((object) => {
        if (object.name.startsWith(prefix)) object.traverse((child) => found.add(child));
      });
      return [...found]
        .map((child) => (child as { text?: unknown }).text)
        .filter((text): text is string => typeof text === "string" && text !== "");
    },
    renderInfo: () => ({
      calls: gl.info.render.calls,
      triangles: gl.info.render.triangles,
      quality: useQuality.getState().state.tier,
      programs: (gl.info.programs ?? []).map((program) => program.cacheKey.split(",")[0]!),
    }),
    framesDrawn,
    drawList() {
      const list: ReturnType<SpaceInspector["drawList"]> = [];
      const shown = (object: Object3D): boolean => object.visible && (!object.parent || shown(object.parent));
      scene.traverse((object) => {
        const mesh = object as Object3D & { isMesh?: boolean; material?: { type: string; transparent: boolean } };
        if (!mesh.isMesh || !mesh.material || !shown(mesh)) return;
        const instanced = (mesh as Partial<InstancedMesh>).isInstancedMesh ? (mesh as InstancedMesh).count : null;
        if (instanced === 0) return;
        const material = Array.isArray(mesh.material) ? mesh.material[0] : mesh.material;
        list.push({
          name: mesh.name,
          material: material.type,
          transparent: material.transparent,
          instances: instanced,
        });
      });
      return list;
    },
    textsTypesetting() {
      let pending = 0;
      const count = (text: TroikaState) => {
        if (text._isSyncing === true || text._needsSync === true) pending++;
      };
      scene.traverse((object) => {
        const text = object as Object3D & TroikaState;
        if (typeof text.text !== "string" || typeof (text as { sync?: unknown }).sync !== "function") return;
        // A batch (the name tags) typesets its members, which are not in the scene themselves; its
        // own empty text is never typeset, so only the members count.
        if (text._members) text._members.forEach((_, member) => count(member));
        else count(text);
      });
      // Before troika has arrived (see text/troika.ts) the texts waiting for it are not in the scene yet.
      return pending + (troikaAwaited() ? 1 : 0);
    },
    screenPoints(prefix) {
      const points: ReturnType<SpaceInspector["screenPoints"]> = [];
      scene.traverse((object) => {
        if (!object.name.startsWith(prefix)) return;
        const world = object.getWorldPosition(new Vector3());
        points.push({ name: object.name, world: { x: world.x, y: world.y, z: world.z }, ...toCanvas(world) });
      });
      return points;
    },
    project: (points) => points.map((p) => toCanvas(new Vector3(p.x, p.y, p.z))),
  };
  return () => {
    delete window.yhteistila;
  };
}
