import {
  BoxGeometry,
  CircleGeometry,
  Color,
  CylinderGeometry,
  DirectionalLight,
  Fog,
  Group,
  HemisphereLight,
  IcosahedronGeometry,
  InstancedMesh,
  Mesh,
  MeshBasicMaterial,
  MeshLambertMaterial,
  MeshStandardMaterial,
  PlaneGeometry,
  RingGeometry,
  SphereGeometry,
} from "three";

/**
 * Every three.js class written as a JSX element (`<mesh>`, `<boxGeometry>`…) in our scenes and in
 * @react-three/xr's. React Three Fiber's Canvas would otherwise register the whole three.js namespace,
 * which keeps all of it in the join's download; client/space/build-plugin.ts makes the Canvas register
 * only these. A new element needs its class here (tests/space/three-catalogue.test.ts checks).
 * Objects passed through `<primitive object={…}>` need nothing.
 */
export const threeCatalogue = {
  BoxGeometry,
  CircleGeometry,
  Color,
  CylinderGeometry,
  DirectionalLight,
  Fog,
  Group,
  HemisphereLight,
  IcosahedronGeometry,
  InstancedMesh,
  Mesh,
  MeshBasicMaterial,
  MeshLambertMaterial,
  MeshStandardMaterial,
  PlaneGeometry,
  RingGeometry,
  SphereGeometry,
};
