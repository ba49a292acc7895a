import { useCallback, useEffect, useMemo } from "react";
import { Vector3, type Quaternion } from "three";
import type { Text } from "troika-three-text";
import type { Translate } from "../i18n/locale";
import type { PersonView } from "../session/session-store";
import { FONT_BOLD, renderableText } from "../text/fonts";
import { useTroika, type Troika } from "../text/troika";
import { LAB } from "../../shared/space/layout";
import { pickTags, tagShown, type TagCandidate } from "./tag-rules";

const ABOVE_EYES_M = 0.24;
const BADGE_BELOW_NAME_M = 0.06;

/** One person drawn this frame, as the avatars pass them to `placeAll`. */
export interface TagEntry {
  id: string;
  /** Where the eyes are drawn; null when the person is not drawn this frame. */
  eye: Vector3 | null;
  /** Speaking, with a hand up, or a facilitator: their tag is drawn before nearer ones. */
  wanted: boolean;
}

interface Tag {
  name: Text;
  /** "Facilitator" under the name, for facilitators. */
  badge: Text | null;
  /** Whether the tag is a member of the batch now: only tags in sight are, see `placeAll`. */
  drawn: boolean;
}

function tagText(troika: Troika, props: Partial<Text> & { text: string }): Text {
  const text = new troika.Text();
  // All members of a batch share one font atlas, so every tag is set in the bold face.
  Object.assign(text, { font: FONT_BOLD, anchorX: "center", textAlign: "center", outlineColor: "#ffffff" }, props);
  return text;
}

/**
 * Name tags drawn as one batched text (troika BatchedText): two draw calls for the whole room (outline
 * and letters) instead of two per person, which matters most in a headset, where each draw call is
 * made once per eye. Everyone has a tag laid out, but only the tags in sight are members of the batch:
 * a hidden member would still cost its glyphs' vertex work, which in a crowd drawn in software cost
 * more than all the avatars' bodies. Tags face the viewer; `placeAll` is called once per frame.
 */
export function useNameTags(others: readonly PersonView[], t: Translate) {
  const troika = useTroika();
  const batch = useMemo(() => {
    if (!troika) return null;
    const text = new troika.BatchedText();
    text.name = "name-tags";
    // Bounds change every frame as people move; culling by them would hide tags at the edges.
    text.frustumCulled = false;
    return text;
  }, [troika]);
  const tags = useMemo(() => new Map<string, Tag>(), []);
  const scratch = useMemo(() => ({ forward: new Vector3(), candidates: [] as TagCandidate[] }), []);

  // Joining or leaving the batch repacks its glyphs (plain copying, no new layout): done only on change.
  const setDrawn = useCallback(
    (tag: Tag, drawn: boolean) => {
      if (!batch || tag.drawn === drawn) return;
      tag.drawn = drawn;
      for (const text of [tag.name, tag.badge]) {
        if (!text) continue;
        if (drawn) batch.addText(text);
        else batch.removeText(text);
      }
    },
    [batch],
  );

  useEffect(() => {
    if (!troika || !batch) return;
    const seen = new Set<string>();
    for (const person of others) {
      seen.add(person.id);
      let tag = tags.get(person.id);
      if (!tag) {
        tag = {
          name: tagText(troika, { text: "", fontSize: 0.12, maxWidth: 1.6, anchorY: "bottom", outlineWidth: 0.012 }),
          badge: null,
          drawn: false,
        };
        tags.set(person.id, tag);
      }
      tag.name.text = renderableText(person.name);
      tag.name.color = "#1b2a38";
      const facilitator = person.role === "facilitator";
      if (facilitator && !tag.badge) {
        tag.badge = tagText(troika, {
          text: "",
          fontSize: 0.075,
          anchorY: "top",
          outlineWidth: 0.01,
          color: "#7a5c12",
        });
        if (tag.drawn) batch.addText(tag.badge);
      } else if (!facilitator && tag.badge) {
        if (tag.drawn) batch.removeText(tag.badge);
        tag.badge.dispose();
        tag.badge = null;
      }
      if (tag.badge) tag.badge.text = renderableText(t("space.facilitatorBadge"));
    }
    for (const [id, tag] of tags) {
      if (seen.has(id)) continue;
      setDrawn(tag, false);
      tag.name.dispose();
      tag.badge?.dispose();
      tags.delete(id);
    }
    batch.userData.names = others.map((person) => person.name);
  }, [others, t, troika, batch, tags, setDrawn]);

  useEffect(
    () => () => {
      if (!batch) return;
      for (const tag of tags.values()) {
        tag.name.dispose();
        tag.badge?.dispose();
      }
      tags.clear();
      batch.dispose();
    },
    [batch, tags],
  );

  return {
    batch,
    /**
     * Puts the tags of the people drawn this frame (`eye` null: not drawn) above their eyes, turned like
     * the viewer (world position and rotation of the camera, read once per frame). A tag is hidden
     * when further than `rangeM` (unreadable, and text is costly to draw), behind the viewer, in front
     * of the presentation screen as the viewer sees it, or beyond the `max` tags picked (see pickTags).
     */
    placeAll(entries: readonly TagEntry[], viewer: Vector3, facing: Quaternion, rangeM: number, max: number) {
      const { forward, candidates } = scratch;
      forward.set(0, 0, -1).applyQuaternion(facing);
      candidates.length = 0;
      for (const { id, eye, wanted } of entries) {
        const tag = tags.get(id);
        if (!eye || !tag) continue;
        // A tag behind the viewer is clipped anyway: it must not take the place of one in sight.
        const ahead = (eye.x - viewer.x) * forward.x + (eye.y - viewer.y) * forward.y + (eye.z - viewer.z) * forward.z;
        if (ahead <= 0) continue;
        if (!tagShown(viewer, { x: eye.x, y: eye.y + ABOVE_EYES_M + 0.06, z: eye.z }, rangeM, LAB.screen)) continue;
        candidates.push({ id, distanceSq: eye.distanceToSquared(viewer), wanted, drawn: tag.drawn });
      }
      const picked = pickTags(candidates, max);
      for (const { id, eye } of entries) {
        const tag = tags.get(id);
        if (!tag) continue;
        const shown = eye !== null && picked.has(id);
        setDrawn(tag, shown);
        if (!shown || !eye) continue;
        for (const [text, drop] of [
          [tag.name, 0],
          [tag.badge, BADGE_BELOW_NAME_M],
        ] as const) {
          if (!text) continue;
          text.position.set(eye.x, eye.y + ABOVE_EYES_M - drop, eye.z);
          text.quaternion.copy(facing);
        }
      }
    },
  };
}
