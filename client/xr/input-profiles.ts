/**
 * Controller and hand models come from the WebXR input profiles (@webxr-input-profiles/assets), served
 * by us: @react-three/xr would otherwise fetch them from a CDN. Only the profiles a Quest-family
 * headset reports (and their common fallbacks) are copied into the build, by build-plugins.ts.
 */
export const INPUT_PROFILES_PATH = "/xr-profiles/";

export const SERVED_INPUT_PROFILES = [
  // Quest 3 / 3S, Quest Pro, Quest 2, Quest 1 and Rift S controllers.
  "meta-quest-touch-plus",
  "meta-quest-touch-plus-v2",
  "meta-quest-touch-pro",
  "oculus-touch-v3",
  "oculus-touch-v2",
  // Every profile above falls back to this one; unknown controllers with a thumbstick get it too.
  "generic-trigger-squeeze-thumbstick",
  // Tracked hands on any headset.
  "generic-hand",
] as const;

/** Used when a controller reports only profiles we do not serve. */
export const FALLBACK_CONTROLLER_PROFILE = "generic-trigger-squeeze-thumbstick";
