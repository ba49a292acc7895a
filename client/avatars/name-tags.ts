import { useEffect, useMemo } from "react";
import type { Quaternion, Vector3 } from "three";
import { BatchedText, Text } from "troika-three-text";
import type { Translate } from "../i18n/locale";
import type { PersonView } from "../session/session-store";
import { FONT_BOLD, configureFonts, renderableText } from "../text/fonts";
import { LAB } from "../../shared/space/layout";
import { tagShown } from "./tag-rules";

const ABOVE_EYES_M = 0.24;
const BADGE_BELOW_NAME_M = 0.06;

interface Tag {
  name: Text;
  /** "Facilitator" under the name, for facilitators. */
  badge: Text | null;
}

function tagText(props: Partial<Text> & { text: string }): Text {
  const text = new Text();
  // All members of a batch share one font atlas, so every tag is set in the bold face.
  Object.assign(text, { font: FONT_BOLD, anchorX: "center", textAlign: "center", outlineColor: "#ffffff" }, props);
  return text;
}

/**
 * Everyone's name tag drawn as one batched text (troika BatchedText): two draw calls for the whole room
 * (outline and letters) instead of two per person, which matters most in a headset, where each draw
 * call is made once per eye. Tags face the viewer; `place` is called once per person per frame.
 */
export function useNameTags(others: readonly PersonView[], t: Translate) {
  const batch = useMemo(() => {
    configureFonts();
    const text = new BatchedText();
    text.name = "name-tags";
    // Bounds change every frame as people move; culling by them would hide tags at the edges.
    text.frustumCulled = false;
    return text;
  }, []);
  const tags = useMemo(() => new Map<string, Tag>(), []);

  useEffect(() => {
    const seen = new Set<string>();
    for (const person of others) {
      seen.add(person.id);
      let tag = tags.get(person.id);
      if (!tag) {
        tag = {
          name: tagText({ text: "", fontSize: 0.12, maxWidth: 1.6, anchorY: "bottom", outlineWidth: 0.012 }),
          badge: null,
        };
        batch.addText(tag.name);
        tags.set(person.id, tag);
      }
      tag.name.text = renderableText(person.name);
      tag.name.color = "#1b2a38";
      const facilitator = person.role === "facilitator";
      if (facilitator && !tag.badge) {
        tag.badge = tagText({ text: "", fontSize: 0.075, anchorY: "top", outlineWidth: 0.01, color: "#7a5c12" });
        batch.addText(tag.badge);
      } else if (!facilitator && tag.badge) {
        batch.removeText(tag.badge);
        tag.badge.dispose();
        tag.badge = null;
      }
      if (tag.badge) tag.badge.text = renderableText(t("space.facilitatorBadge"));
    }
    for (const [id, tag] of tags) {
      if (seen.has(id)) continue;
      batch.removeText(tag.name);
      tag.name.dispose();
      if (tag.badge) {
        batch.removeText(tag.badge);
        tag.badge.dispose();
      }
      tags.delete(id);
    }
    batch.userData.names = others.map((person) => person.name);
  }, [others, t, batch, tags]);

  useEffect(
    () => () => {
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
     * Puts a person's tag above their eyes, turned like the viewer (world position and rotation of the
     * camera, read once per frame); hidden when `eye` is null, further than `rangeM` (unreadable, and
     * text is costly to draw) or in front of the presentation screen as the viewer sees it.
     */
    place(id: string, eye: Vector3 | null, viewer: Vector3, facing: Quaternion, rangeM: number) {
      const tag = tags.get(id);
      if (!tag) return;
      const shown =
        eye !== null && tagShown(viewer, { x: eye.x, y: eye.y + ABOVE_EYES_M + 0.06, z: eye.z }, rangeM, LAB.screen);
      for (const [text, drop] of [
        [tag.name, 0],
        [tag.badge, BADGE_BELOW_NAME_M],
      ] as const) {
        if (!text) continue;
        text.scale.setScalar(shown ? 1 : 0);
        if (!shown || !eye) continue;
        text.position.set(eye.x, eye.y + ABOVE_EYES_M - drop, eye.z);
        text.quaternion.copy(facing);
      }
    },
  };
}
