import type { ReactNode } from "react";
import { Container, Text } from "@react-three/uikit";
import type { Object3D } from "three";
import { selectable } from "../space/interaction";
import type { ActionContext, ClientAction } from "../actions/registry";
import { useT } from "../i18n/locale";

/** Metres per uikit pixel: a 380 px wide panel is 30 cm, comfortable to read at arm's length. */
export const PIXEL = 0.0008;

export const COLORS = {
  panel: "#f7f4ee",
  text: "#1b2a38",
  muted: "#5b6670",
  button: "#e4ddcf",
  hover: "#d2c7b2",
  pressed: "#2f6f8f",
  pressedText: "#ffffff",
  danger: "#b3412f",
  disabled: "#efebe3",
  disabledText: "#9aa3ab",
} as const;

/** Where the inspector finds each button of the in-VR panels (see client/space/inspector.ts). */
export type MenuButtons = Map<string, Object3D>;

/**
 * One button of an in-VR panel: pointed at with a controller's ray or a hand and selected with the
 * trigger or a pinch (the interaction contract in client/space/interaction.ts). `id` names it for the
 * inspector and the tests.
 */
export function MenuButton({
  id,
  buttons,
  label,
  pressed = false,
  danger = false,
  disabled = false,
  width,
  height,
  flexGrow,
  fontSize = 17,
  swatch,
  onSelect,
}: {
  id: string;
  buttons: MenuButtons;
  label: string;
  pressed?: boolean;
  danger?: boolean;
  disabled?: boolean;
  width?: number;
  height?: number;
  flexGrow?: number;
  fontSize?: number;
  /** A colour button: filled with this colour, framed when pressed. */
  swatch?: string;
  onSelect(): void;
}) {
  const background = swatch ?? (disabled ? COLORS.disabled : pressed ? COLORS.pressed : COLORS.button);
  const hover = swatch ?? (disabled ? COLORS.disabled : pressed ? COLORS.pressed : COLORS.hover);
  const color = disabled
    ? COLORS.disabledText
    : pressed && !swatch
      ? COLORS.pressedText
      : danger
        ? COLORS.danger
        : COLORS.text;
  return (
    <Container
      ref={(object: Object3D | null) => {
        if (object) {
          object.name = `vr-menu:${id}`;
          buttons.set(id, object);
        } else buttons.delete(id);
      }}
      {...selectable(() => {
        if (!disabled) onSelect();
      })}
      backgroundColor={background}
      hover={{ backgroundColor: hover }}
      borderRadius={10}
      borderWidth={swatch ? 3 : 0}
      borderColor={pressed ? COLORS.text : background}
      paddingX={width !== undefined || flexGrow !== undefined ? 4 : 14}
      paddingY={9}
      width={width}
      height={height}
      flexGrow={flexGrow}
      justifyContent="center"
      alignItems="center"
    >
      <Text fontSize={fontSize} fontWeight={pressed && !swatch ? 700 : 400} color={color}>
        {label}
      </Text>
    </Container>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Container flexDirection="column" gap={6}>
      <Text fontSize={14} fontWeight={700} color={COLORS.muted}>
        {title}
      </Text>
      <Container flexDirection="row" flexWrap="wrap" gap={6}>
        {children}
      </Container>
    </Container>
  );
}

/** A registered client action as a menu button (pressed when the action is "on"). */
export function ActionButton({
  action,
  context,
  buttons,
  danger = false,
}: {
  action: ClientAction;
  context: ActionContext;
  buttons: MenuButtons;
  danger?: boolean;
}) {
  const t = useT();
  return (
    <MenuButton
      id={action.id}
      buttons={buttons}
      label={t(action.labelKey)}
      pressed={action.pressed?.(context) ?? false}
      danger={danger}
      onSelect={() => action.run(context)}
    />
  );
}
