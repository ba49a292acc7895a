import { useEffect, useMemo } from "react";
import { useFrame } from "@react-three/fiber";
import { BufferAttribute, Matrix4, Mesh, MeshBasicMaterial, RingGeometry } from "three";
import { useComfort } from "./comfort";
import type { VRRig } from "./vr-rig";

/** Distance in front of each eye, and where the darkening starts and is complete (radii at that distance). */
const DISTANCE = 0.3;
const CLEAR_RADIUS = 0.19;
const DARK_RADIUS = 0.42;
const TURN_FADE_MS = 250;
const FADE_PER_SECOND = 8;

/**
 * The comfort vignette: while the world moves without the body moving (smooth movement, a snap turn)
 * the edges of the view darken, which reduces motion sickness for most people. Drawn in front of each
 * eye at render time, so it never lags behind the head.
 */
export function Vignette({ rig }: { rig: VRRig }) {
  const mesh = useMemo(() => {
    const geometry = new RingGeometry(CLEAR_RADIUS, 1.6, 48, 3);
    const position = geometry.attributes.position!;
    const colors = new Float32Array(position.count * 4);
    for (let i = 0; i < position.count; i++) {
      const r = Math.hypot(position.getX(i), position.getY(i));
      const k = Math.max(0, Math.min(1, (r - CLEAR_RADIUS) / (DARK_RADIUS - CLEAR_RADIUS)));
      colors.set([0, 0, 0, k * k * (3 - 2 * k)], i * 4);
    }
    geometry.setAttribute("color", new BufferAttribute(colors, 4));
    const material = new MeshBasicMaterial({
      vertexColors: true,
      transparent: true,
      opacity: 0,
      depthTest: false,
      depthWrite: false,
    });
    const ring = new Mesh(geometry, material);
    ring.name = "comfort-vignette";
    ring.frustumCulled = false;
    ring.renderOrder = 1000;
    ring.visible = false;
    const offset = new Matrix4().makeTranslation(0, 0, -DISTANCE);
    ring.onBeforeRender = (_renderer, _scene, camera) => {
      ring.matrixWorld.multiplyMatrices(camera.matrixWorld, offset);
    };
    return ring;
  }, []);
  useEffect(
    () => () => {
      mesh.geometry.dispose();
      (mesh.material as MeshBasicMaterial).dispose();
    },
    [mesh],
  );

  useFrame((_, delta) => {
    const material = mesh.material as MeshBasicMaterial;
    const moving = rig.movingSmoothly || performance.now() - rig.lastTurnAt < TURN_FADE_MS;
    const target = moving && useComfort.getState().vignette ? 1 : 0;
    const step = Math.min(1, delta * FADE_PER_SECOND);
    material.opacity += (target - material.opacity) * step;
    mesh.visible = material.opacity > 0.01;
  });

  return <primitive object={mesh} />;
}
