import { useEffect, useMemo, useRef } from "react";
import { XR, XROrigin, createXRStore, type XRStore } from "@react-three/xr";
import { Box3, Vector3, type Group } from "three";
import { useLocalPlayer } from "../movement/local-player";
import { useConnection } from "../session/connection-context";
import { showToast } from "../ui/toast-store";
import { useComfort } from "./comfort";
import { VROnly } from "./guards";
import { FALLBACK_CONTROLLER_PROFILE, INPUT_PROFILES_PATH } from "./input-profiles";
import { Vignette } from "./Vignette";
import { VRLocomotion } from "./VRLocomotion";
import { VRMenu } from "./VRMenu";
import { type MenuButtons } from "./menu-parts";
import { VRMarketPanel, topicDraft } from "./VRMarketPanel";
import { VRNoteKeyboard, noteDraft } from "./VRNoteKeyboard";
import { VRRig, useVRMenu } from "./vr-rig";
import { xrModeActions } from "./xr-mode";

/** Quest-class headsets run at 72 Hz by default; the frame budget is planned for it. */
const PREFERRED_FRAME_RATE = 72;
const CLICK_THRESHOLD_MS = 1000;

function createStore(): XRStore {
  return createXRStore({
    // Tests install their own emulated headset before the page starts; the product never emulates.
    emulate: false,
    offerSession: false,
    enterGrantedSession: false,
    // Controller and hand models from our own server (see input-profiles.ts), never from a CDN.
    baseAssetPath: new URL(INPUT_PROFILES_PATH, location.href).href,
    defaultControllerProfileId: FALLBACK_CONTROLLER_PROFILE,
    // Only what the product uses: fewer features, fewer permission prompts.
    handTracking: true,
    anchors: false,
    hitTest: false,
    planeDetection: false,
    meshDetection: false,
    depthSensing: false,
    layers: false,
    domOverlay: false,
    frameRate: (rates) => (Array.from(rates).includes(PREFERRED_FRAME_RATE) ? PREFERRED_FRAME_RATE : false),
    // Rays from controllers and hands point and select (trigger or pinch); teleport is on the
    // thumbstick (VRLocomotion), so no teleport pointer may claim the trigger.
    // A select counts as a click if released within a second, not pointer-events' default 300 ms:
    // people new to controllers, or with less steady hands, hold the trigger longer.
    controller: { teleportPointer: false, grabPointer: false, rayPointer: { clickThresholdMs: CLICK_THRESHOLD_MS } },
    hand: { teleportPointer: false, grabPointer: false, rayPointer: { clickThresholdMs: CLICK_THRESHOLD_MS } },
    gaze: false,
    screenInput: false,
    transientPointer: false,
  });
}

/**
 * The XR layer: loaded lazily, and only in browsers that can enter immersive VR (see guards.tsx and
 * XRSlot.tsx), so desktop users never download or run any of it. It stays mounted on such browsers
 * so that "Enter VR" can start the session straight from the click.
 */
export default function XRScene() {
  const connection = useConnection();
  const player = useLocalPlayer();
  const store = useMemo(createStore, []);
  const rig = useMemo(() => new VRRig(player, connection), [player, connection]);
  const origin = useRef<Group>(null);
  const buttons = useMemo<MenuButtons>(() => new Map(), []);

  useEffect(() => {
    xrModeActions.attach({
      enter: () => {
        store.enterVR().catch(() => showToast({ key: "xr.enterFailed" }));
      },
      exit: () => void store.getState().session?.end(),
      jumpTo: (spot, lookAt) => rig.jumpTo(spot, lookAt),
    });
    return () => {
      void store.getState().session?.end();
      xrModeActions.detach();
    };
  }, [store, rig]);

  // The server marks us for everyone (People panel, avatar) and takes our hands only while set. A new
  // connection (after a rejoin) is told at once, so a network blip does not drop anyone out of VR.
  useEffect(() => {
    const announce = (presenting: boolean) => connection.send("xr.session", { inVR: presenting });
    if (store.getState().session) announce(true);
    return store.subscribe((state, previous) => {
      if (state.session === previous.session) return;
      const presenting = state.session != null;
      xrModeActions.setPresenting(presenting);
      useVRMenu.setState({ open: false });
      announce(presenting);
    });
  }, [store, connection]);

  useEffect(() => {
    const inspector = window.yhteistila;
    if (!inspector) return;
    inspector.xr = {
      state: () => ({
        presenting: store.getState().session != null,
        frames: rig.frames,
        menuOpen: useVRMenu.getState().open,
        noteDraft: noteDraft.text,
        topicDraft: topicDraft.text,
        aim: rig.aim && { ...rig.aim },
        ...useComfort.getState(),
      }),
      menuButton(id) {
        const button = buttons.get(id);
        const group = origin.current;
        if (!button || !group) return null;
        // The centre of what is drawn (uikit lays components out inside their parent's frame).
        const point = group.worldToLocal(new Box3().setFromObject(button).getCenter(new Vector3()));
        return { x: point.x, y: point.y, z: point.z };
      },
      requestTeleport: (x, z) => rig.teleport(x, z),
    };
    return () => {
      delete inspector.xr;
    };
  }, [store, rig, buttons]);

  return (
    <XR store={store}>
      <XROrigin ref={origin} />
      <VROnly>
        <VRLocomotion origin={origin} rig={rig} />
        <VRMenu rig={rig} buttons={buttons} />
        <VRNoteKeyboard buttons={buttons} />
        <VRMarketPanel buttons={buttons} />
        <Vignette rig={rig} />
      </VROnly>
    </XR>
  );
}
