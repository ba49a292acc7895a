import { useEffect } from "react";
import { Canvas, useThree } from "@react-three/fiber";
import { Avatars } from "../avatars/Avatars";
import { DesktopControls } from "../movement/DesktopControls";
import { PoseSender } from "../movement/PoseSender";
import { useLocalPlayer, type LocalPlayer } from "../movement/local-player";
import { useT } from "../i18n/locale";
import { Lab } from "./Lab";
import { Boards3D } from "../boards/Boards3D";
import { Screen3D } from "../screen/Screen3D";
import { VoiceScene } from "../voice/VoiceScene";
import { ZonesLayer } from "../zones/ZonesLayer";
import { MarketWall3D } from "../methods/MarketWall3D";
import { ZoneBarrier } from "../zones/ZoneBarrier";
import { Follower } from "../zones/Follower";
import { RaisedHands } from "../hands/RaisedHands";
import { installInspector } from "./inspector";
import { DesktopOnly } from "../xr/guards";
import { XRSlot } from "../xr/XRSlot";
import { ReactionBubbles } from "../reactions/ReactionBubbles";
import { QualityGovernor } from "./QualityGovernor";
import { FrameDriver } from "./FrameDriver";
import { Overhead3D } from "../coaching/Overhead3D";
import { useOverhead } from "../coaching/overhead-store";
import { useQuality } from "./quality-store";
import { FreeViewCentre } from "./FreeViewCentre";
import { Tables3D } from "../hybrid/Tables3D";
import { useWalks } from "../hybrid/guards";

function Inspector() {
  const scene = useThree((s) => s.scene);
  const gl = useThree((s) => s.gl);
  // The camera is read when asked: XR swaps it, and reinstalling would drop what XR added.
  const getState = useThree((s) => s.get);
  const player = useLocalPlayer();
  useEffect(() => installInspector(scene, gl, () => getState().camera, player), [scene, gl, getState, player]);
  return null;
}

/** The 3D view; R3F carries the surrounding React contexts (connection, local player) into it. */
export function SpaceCanvas({ player }: { player: LocalPlayer }) {
  const t = useT();
  const { antialias, maxDpr } = useQuality((s) => s.settings);
  // People in a physical room keep their seat: they look around but do not walk.
  const walks = useWalks();
  // From above, the keys do not walk the person about unseen.
  const overhead = useOverhead((s) => s.on);
  return (
    <div className="space__canvas" tabIndex={0} role="application" aria-label={t("space.label")}>
      {/* Multisampling is fixed when the WebGL context is made: a tier that changes it gets a new canvas. */}
      <Canvas
        key={antialias ? "msaa" : "plain"}
        dpr={[Math.min(1, maxDpr), maxDpr]}
        camera={{ fov: 70, near: 0.05, far: 80, position: [player.x, player.eyeY, player.z] }}
        gl={{ antialias, powerPreference: "high-performance" }}
        frameloop="demand"
      >
        <FrameDriver />
        <QualityGovernor />
        <Lab />
        <Boards3D />
        <Screen3D />
        <Avatars />
        <VoiceScene />
        <ZonesLayer />
        <MarketWall3D />
        <Tables3D />
        <RaisedHands />
        <ReactionBubbles />
        <ZoneBarrier />
        <Follower />
        <DesktopOnly>
          <DesktopControls walk={walks && !overhead} />
          {/* After the walking controls: from above, it moves the camera they placed at eye level. */}
          <Overhead3D />
        </DesktopOnly>
        <PoseSender />
        <Inspector />
        <FreeViewCentre />
        <XRSlot />
      </Canvas>
    </div>
  );
}
