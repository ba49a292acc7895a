import type { Translate } from "../i18n/locale";
import type { CodeProblem, TextProblem } from "../../shared/session/input";

/** A refused text field's reason in the person's language; `emptyKey` says what an empty one lacks. */
export function textProblemMessage(
  t: Translate,
  problem: TextProblem,
  emptyKey: "input.nameEmpty" | "input.titleEmpty" | "a11y.form.messageEmpty",
): string {
  switch (problem.reason) {
    case "empty":
      return t(emptyKey);
    case "too_long":
      return t("input.tooLong", { max: problem.max, length: problem.length });
    case "unprintable":
      return t("input.unprintable");
  }
}

export function codeProblemMessage(t: Translate, problem: CodeProblem): string {
  switch (problem.reason) {
    case "empty":
      return t("code.empty");
    case "wrong_length":
      return t("code.wrongLength", { length: problem.length });
    case "bad_characters":
      return t("code.badCharacters", { characters: problem.characters });
    case "not_session_link":
      return t("code.notSessionLink");
  }
}
