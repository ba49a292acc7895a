import { useLayoutEffect, useRef, type ReactNode } from "react";
import {
  BufferAttribute,
  Color,
  InstancedMesh,
  Matrix4,
  Mesh,
  MeshLambertMaterial,
  MeshStandardMaterial,
  type BufferGeometry,
  type Group,
  type Material,
} from "three";
import { mergeGeometries } from "three/examples/jsm/utils/BufferGeometryUtils.js";

/**
 * Shared by every batch: colour comes from the vertices. Lambert, because the scenery is matte and
 * has no environment map, so it looks as the physically based material did at a fraction of the cost
 * per pixel when WebGL is drawn in software (walls fill much of the view).
 */
const batchMaterial = new MeshLambertMaterial({ vertexColors: true });

function batchable(object: Mesh): boolean {
  const material = object.material as Material | Material[];
  return (
    // An instanced mesh draws many copies from one geometry; baking would keep only the template.
    !(object instanceof InstancedMesh) &&
    !Array.isArray(material) &&
    material instanceof MeshStandardMaterial &&
    // Baking keeps only the colour: a textured surface would lose its picture.
    material.map === null &&
    !material.transparent &&
    object.geometry.attributes.normal !== undefined &&
    object.userData.noBatch !== true
  );
}

/** The mesh's geometry in the batch's own frame, with its material's colour on every vertex. */
function bake(mesh: Mesh, toBatch: Matrix4): BufferGeometry {
  const source = mesh.geometry.index ? mesh.geometry.toNonIndexed() : mesh.geometry.clone();
  for (const name of Object.keys(source.attributes)) {
    if (name !== "position" && name !== "normal") source.deleteAttribute(name);
  }
  source.applyMatrix4(new Matrix4().multiplyMatrices(toBatch, mesh.matrixWorld));
  const color = new Color().copy((mesh.material as MeshStandardMaterial).color);
  const colors = new Float32Array(source.attributes.position!.count * 3);
  for (let i = 0; i < colors.length; i += 3) colors.set([color.r, color.g, color.b], i);
  source.setAttribute("color", new BufferAttribute(colors, 3));
  return source;
}

/**
 * Draws the static scenery inside it as one mesh: every opaque, non-interactive mesh with a standard
 * material is baked (position and colour) into a single geometry after mounting, and the originals are
 * hidden. A room of a few dozen boxes and plants then costs one draw call instead of dozens, which is
 * what keeps a headset (every draw call is made once per eye) inside its frame budget.
 *
 * Leave out of batching: anything with pointer handlers (pass `userData={{ noBatch: true }}`, or keep it
 * outside), transparent surfaces, text (troika) and anything that moves.
 */
export function StaticBatch({ name, children }: { name: string; children: ReactNode }) {
  const group = useRef<Group>(null);

  useLayoutEffect(() => {
    const root = group.current;
    if (!root) return;
    root.updateMatrixWorld(true);
    const toBatch = new Matrix4().copy(root.matrixWorld).invert();
    const meshes: Mesh[] = [];
    root.traverse((object) => {
      if (object instanceof Mesh && batchable(object)) meshes.push(object);
    });
    if (meshes.length === 0) return;
    const geometries = meshes.map((mesh) => bake(mesh, toBatch));
    const merged = mergeGeometries(geometries);
    geometries.forEach((geometry) => geometry.dispose());
    if (!merged) return;
    const batch = new Mesh(merged, batchMaterial);
    batch.name = `${name}-batch`;
    for (const mesh of meshes) mesh.visible = false;
    root.add(batch);
    return () => {
      root.remove(batch);
      merged.dispose();
      for (const mesh of meshes) mesh.visible = true;
    };
  }, [name]);

  return (
    <group ref={group} name={name}>
      {children}
    </group>
  );
}
