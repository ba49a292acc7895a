import { useRef } from "react";
import { useFrame } from "@react-three/fiber";
import { Container, Text } from "@react-three/uikit";
import { Vector3, type Group } from "three";
import { LOCALES } from "../../shared/protocol/constants";
import type { TranslationKey } from "../../shared/i18n";
import { useActions } from "../actions/use-actions";
import type { ClientAction } from "../actions/registry";
import { useLocaleStore, useT } from "../i18n/locale";
import { MENU_FONT_FAMILIES, MSDF_FAMILY } from "./fonts/msdf-fonts";
import { nextSnapAngle, setComfort, useComfort } from "./comfort";
import { useXRMode } from "./xr-mode";
import { showVRMenuPage, toggleVRMenu, useVRMenu, type VRRig } from "./vr-rig";
import { VRFacilitatePage } from "./VRFacilitatePage";
import { ActionButton, COLORS, MenuButton, PIXEL, Section, type MenuButtons } from "./menu-parts";
import { openVRNote, useNearestWritableBoard } from "./VRNoteKeyboard";
import { useBoardTitle } from "../boards/names";
import { useVotes } from "../boards/VoteOverlay";
import { boardViewpoint } from "../../shared/boards/viewpoint";
import { boardCentre } from "../../shared/boards/geometry";
import { isWalkable } from "../../shared/space/layout";
import type { BoardView } from "../boards/boards-store";

/** The panel floats this far above the holding hand. */
const ABOVE_HAND_M = 0.09;
/** Without a tracked left hand the menu opens this far in front of the eyes. */
const IN_FRONT_M = 0.55;

const GROUP_TITLES: Record<Exclude<ClientAction["group"], "facilitation">, TranslationKey> = {
  presence: "xr.menu.you",
  session: "xr.menu.session",
  comfort: "xr.menu.comfort",
};
/**
 * The order sections appear in; the session's own actions (leave) come last. Facilitation actions
 * have a page of their own (VRFacilitatePage), one button away.
 */
const GROUP_ORDER = ["presence", "comfort", "session"] as const;

/**
 * "Show the board" in a headset: the HTML vote card is not drawn there, so the menu offers the same
 * way to a board where a vote runs, as a hop in front of it and a turn to face it.
 */
function showBoardInVR(rig: VRRig, board: BoardView): void {
  rig.jumpTo(boardViewpoint(board, isWalkable), boardCentre(board));
  toggleVRMenu();
}

function MenuPanel({ rig, buttons }: { rig: VRRig; buttons: MenuButtons }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const setLocale = useLocaleStore((s) => s.setLocale);
  const comfort = useComfort();
  const exitVR = useXRMode((s) => s.exit);
  const { actions, context } = useActions();
  const noteBoard = useNearestWritableBoard();
  const boardTitle = useBoardTitle();
  const page = useVRMenu((s) => s.page);
  const { open: openVotes } = useVotes();
  const facilitator = context.self?.role === "facilitator";
  const facilitating = page === "facilitate" && facilitator;

  // Whatever actions the capabilities register (mute from voice, raise hand, reactions…) appear
  // here grouped, exactly as in the HTML menus.
  const groups = GROUP_ORDER.map((group) => ({ group, actions: actions.filter((a) => a.group === group) }));
  const actionSection = ({ group, actions: list }: (typeof groups)[number]) =>
    list.length > 0 && (
      <Section key={group} title={t(GROUP_TITLES[group])}>
        {list.map((action) => (
          <ActionButton
            key={action.id}
            action={action}
            context={context}
            buttons={buttons}
            danger={action.id === "session.leave"}
          />
        ))}
      </Section>
    );

  const mainPage = (
    <>
      {openVotes.length > 0 && (
        <Section title={t("boards.vote.heading")}>
          {openVotes.map(([board, vote]) => (
            <MenuButton
              key={vote.id}
              id={`vote.show.${board.id}`}
              buttons={buttons}
              label={`${t("boards.vote.showBoard")} · ${boardTitle(board)}`}
              onSelect={() => showBoardInVR(rig, board)}
            />
          ))}
        </Section>
      )}
      {noteBoard && (
        <Section title={t("boards.notes")}>
          <MenuButton
            id="note.new"
            buttons={buttons}
            label={`${t("boards.newNote")} · ${boardTitle(noteBoard)}`}
            onSelect={() => openVRNote(noteBoard)}
          />
        </Section>
      )}
      {facilitator && (
        <Section title={t("space.facilitatorBadge")}>
          <MenuButton
            id="menu.facilitate"
            buttons={buttons}
            label={t("xr.menu.facilitate")}
            onSelect={() => showVRMenuPage("facilitate")}
          />
        </Section>
      )}
      {groups.filter((g) => g.group !== "session").map(actionSection)}
      <Section title={t("language.label")}>
        {LOCALES.map((code) => (
          <MenuButton
            key={code}
            id={`language.${code}`}
            buttons={buttons}
            label={t(`language.${code}`)}
            pressed={locale === code}
            onSelect={() => setLocale(code)}
          />
        ))}
      </Section>
      <Section title={t("xr.menu.comfort")}>
        <MenuButton
          id="comfort.snap"
          buttons={buttons}
          label={t("xr.comfort.snap", { degrees: comfort.snapDegrees })}
          onSelect={() => setComfort({ snapDegrees: nextSnapAngle(comfort.snapDegrees) })}
        />
        <MenuButton
          id="comfort.smooth"
          buttons={buttons}
          label={t(comfort.smoothMovement ? "xr.comfort.smoothOn" : "xr.comfort.smoothOff")}
          pressed={comfort.smoothMovement}
          onSelect={() => setComfort({ smoothMovement: !comfort.smoothMovement })}
        />
        <MenuButton
          id="comfort.vignette"
          buttons={buttons}
          label={t(comfort.vignette ? "xr.comfort.vignetteOn" : "xr.comfort.vignetteOff")}
          pressed={comfort.vignette}
          onSelect={() => setComfort({ vignette: !comfort.vignette })}
        />
      </Section>
      <Section title={t("xr.menu.session")}>
        <MenuButton id="xr.exit" buttons={buttons} label={t("xr.exit")} onSelect={exitVR} />
        {groups
          .find((g) => g.group === "session")!
          .actions.map((action) => (
            <MenuButton
              key={action.id}
              id={action.id}
              buttons={buttons}
              label={t(action.labelKey)}
              danger={action.id === "session.leave"}
              onSelect={() => action.run(context)}
            />
          ))}
      </Section>
      <Text fontSize={13} color={COLORS.muted} lineHeight="140%" width="100%">
        {t("xr.hint")}
      </Text>
    </>
  );

  return (
    <Container
      pixelSize={PIXEL}
      anchorY="bottom"
      fontFamilies={MENU_FONT_FAMILIES}
      fontFamily={MSDF_FAMILY}
      width={400}
      flexDirection="column"
      gap={12}
      padding={16}
      borderRadius={18}
      backgroundColor={COLORS.panel}
    >
      <Container flexDirection="row" justifyContent="space-between" alignItems="center">
        <Text fontSize={22} fontWeight={700} color={COLORS.text}>
          {t(facilitating ? "xr.menu.facilitate" : "xr.menu.title")}
        </Text>
        <Container flexDirection="row" gap={6}>
          {facilitating && (
            <MenuButton
              id="menu.back"
              buttons={buttons}
              label={t("xr.menu.back")}
              onSelect={() => showVRMenuPage("main")}
            />
          )}
          <MenuButton id="close" buttons={buttons} label={t("xr.menu.close")} onSelect={toggleVRMenu} />
        </Container>
      </Container>
      {facilitating ? <VRFacilitatePage buttons={buttons} /> : mainPage}
    </Container>
  );
}

function WristButton({ buttons }: { buttons: MenuButtons }) {
  const t = useT();
  return (
    <Container pixelSize={PIXEL} anchorY="bottom" fontFamilies={MENU_FONT_FAMILIES} fontFamily={MSDF_FAMILY}>
      <MenuButton id="open" buttons={buttons} label={t("xr.menu.open")} onSelect={toggleVRMenu} />
    </Container>
  );
}

const tmp = { head: new Vector3(), hand: new Vector3() };

/**
 * The in-VR menu, held above the left hand (or controller) and used with the other hand's ray:
 * point and pull the trigger, or pinch. Closed, only a small "Menu" button rides above the left
 * hand; Y or B on a controller also opens and closes it. HTML overlays are not drawn in a headset,
 * so everything in the HTML menus that matters in VR is reachable here.
 */
export function VRMenu({ rig, buttons }: { rig: VRRig; buttons: MenuButtons }) {
  const open = useVRMenu((s) => s.open);
  const anchor = useRef<Group>(null);
  const placedInFront = useRef(false);

  useFrame(({ camera }) => {
    const group = anchor.current;
    if (!group) return;
    camera.getWorldPosition(tmp.head);
    if (rig.left.tracked) {
      placedInFront.current = false;
      tmp.hand.set(tmp.head.x + rig.left.dx, tmp.head.y + rig.left.dy + ABOVE_HAND_M, tmp.head.z + rig.left.dz);
      group.position.copy(tmp.hand);
    } else if (!placedInFront.current) {
      placedInFront.current = true;
      const direction = camera.getWorldDirection(tmp.hand).setY(0).normalize();
      group.position
        .copy(tmp.head)
        .addScaledVector(direction, IN_FRONT_M)
        .setY(tmp.head.y - 0.25);
    }
    // Face the eyes, upright.
    group.lookAt(tmp.head.x, group.position.y, tmp.head.z);
  });

  return (
    <group ref={anchor} name="vr-menu">
      {open ? <MenuPanel rig={rig} buttons={buttons} /> : <WristButton buttons={buttons} />}
    </group>
  );
}
