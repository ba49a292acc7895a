import { Component, lazy, Suspense, type ReactNode } from "react";
import { IfVRSupported } from "./guards";

const XRScene = lazy(() => import("./XRScene"));

/** A failure in the XR layer (a headset runtime bug, a model that will not load) must not take the room down. */
class XRBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    console.error("The VR layer stopped:", error instanceof Error ? error.message : error);
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

/** Where the XR layer plugs into the 3D view: nothing at all unless this browser can enter VR. */
export function XRSlot() {
  return (
    <IfVRSupported>
      <XRBoundary>
        <Suspense fallback={null}>
          <XRScene />
        </Suspense>
      </XRBoundary>
    </IfVRSupported>
  );
}
