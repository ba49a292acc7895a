import { useEffect, useLayoutEffect, useState } from "react";
import { useThree, type ThreeElements } from "@react-three/fiber";
import { FONT_BOLD, FONT_REGULAR, renderableText } from "./fonts";
import { useTroika, type Troika } from "./troika";

type TextOptions = {
  fontSize?: number;
  color?: string;
  maxWidth?: number;
  anchorX?: "left" | "center" | "right" | number;
  anchorY?: "top" | "middle" | "bottom" | "top-baseline" | "bottom-baseline" | number;
  textAlign?: "left" | "right" | "center" | "justify";
  outlineWidth?: number;
  outlineColor?: string;
  lineHeight?: number;
  /** "break-word" breaks a word wider than maxWidth instead of letting it run out. */
  overflowWrap?: "normal" | "break-word";
};

export type Label3DProps = Omit<ThreeElements["mesh"], "children" | "ref"> &
  TextOptions & { children: string; bold?: boolean };

/**
 * 3D text in the project's own fonts (see fonts.ts for why characters are filtered). A thin wrapper
 * over troika, like drei's <Text> but without its suspense-based preloading.
 */
export function Label3D(props: Label3DProps) {
  const troika = useTroika();
  return troika ? <TypesetLabel troika={troika} {...props} /> : null;
}

function TypesetLabel({ troika, children, bold = false, ...props }: Label3DProps & { troika: Troika }) {
  const invalidate = useThree((s) => s.invalidate);
  const [mesh] = useState(() => new troika.Text());
  useLayoutEffect(() => mesh.sync(invalidate));
  useEffect(() => () => mesh.dispose(), [mesh]);
  return <primitive object={mesh} font={bold ? FONT_BOLD : FONT_REGULAR} text={renderableText(children)} {...props} />;
}
