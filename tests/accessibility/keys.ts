import type { Locator, Page } from "playwright-core";

/**
 * Moves the keyboard focus to `target` the way a keyboard user would: Tab through the page, and
 * inside a toolbar or a tab list (one Tab stop each, WAI-ARIA) the arrow keys. Fails when the
 * target is not reached within `maxPresses`, or is reached without a visible focus indicator.
 */
export async function focusWithKeys(page: Page, target: Locator, maxPresses = 120): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < maxPresses; i++) {
    const where = await target.evaluate((el) => {
      if (el === document.activeElement) return "there";
      const group = el.closest('[role="toolbar"], [role="tablist"]');
      return group?.contains(document.activeElement) ? "group" : "away";
    });
    if (where === "there") {
      const visible = await target.evaluate((el) => {
        const style = getComputedStyle(el);
        const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
        return el.matches(":focus-visible") && (outline || style.boxShadow !== "none");
      });
      if (!visible) throw new Error(`${target.toString()} has the focus but does not show it`);
      return;
    }
    await page.keyboard.press(where === "group" ? "ArrowRight" : "Tab");
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
  throw new Error(`${target.toString()} not reached with ${maxPresses} key presses (focus on ${focused})`);
}

/** Focuses a text field with the keyboard and types into it. */
export async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await focusWithKeys(page, field);
  await page.keyboard.type(text);
}
