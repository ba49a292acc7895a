import type { Page } from "playwright-core";

export interface Box {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The HTML overlay's pieces as the browser laid them out and as far as they can be seen (a card in a
 * scrolled box counts only where it shows): every visible button of every toolbar (the
 * control dock, or any bar of buttons over the view), and the blocks beside them: the side panel, the
 * move hint, the zone banner and the vote card.
 */
export async function overlayBoxes(page: Page): Promise<{ buttons: Box[]; blocks: Box[] }> {
  return page.evaluate(() => {
    // What can be seen of an element: its box clipped by every scrolling or clipping ancestor.
    const box = (name: string, element: Element) => {
      if (getComputedStyle(element).visibility === "hidden") return [];
      const rect = element.getBoundingClientRect();
      let [left, top, right, bottom] = [rect.left, rect.top, rect.right, rect.bottom];
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (style.overflowX === "visible" && style.overflowY === "visible") continue;
        const clip = parent.getBoundingClientRect();
        [left, top] = [Math.max(left, clip.left), Math.max(top, clip.top)];
        [right, bottom] = [Math.min(right, clip.right), Math.min(bottom, clip.bottom)];
      }
      if (right - left <= 0 || bottom - top <= 0) return [];
      return [{ name, x: left, y: top, width: right - left, height: bottom - top }];
    };
    const buttons = [...document.querySelectorAll('[role="toolbar"] button')].flatMap((button) =>
      box(`button "${button.getAttribute("aria-label") ?? button.textContent}"`, button),
    );
    const blocks = [
      ...[...document.querySelectorAll("aside")].filter((aside) => aside.querySelector('[role="tablist"]')),
      ...document.querySelectorAll('section[aria-labelledby="move-hint-heading"], .banner, .vote-overlay'),
    ].flatMap((element) => box(element.getAttribute("aria-label") ?? element.className, element));
    return { buttons, blocks };
  });
}

function intersect(a: Box, b: Box): boolean {
  const overlapX = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const overlapY = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return overlapX > 0.5 && overlapY > 0.5;
}

/** Every pair that overlaps: two buttons, a button and a block, or two blocks; and anything off screen. */
export async function overlayProblems(page: Page): Promise<string[]> {
  const { buttons, blocks } = await overlayBoxes(page);
  const viewport = page.viewportSize()!;
  const problems: string[] = [];
  const all = [...buttons, ...blocks];
  for (let i = 0; i < all.length; i++) {
    const a = all[i]!;
    if (a.x < -0.5 || a.y < -0.5 || a.x + a.width > viewport.width + 0.5 || a.y + a.height > viewport.height + 0.5) {
      problems.push(`${a.name} is partly off screen`);
    }
    for (let j = i + 1; j < all.length; j++) {
      const b = all[j]!;
      if (intersect(a, b)) problems.push(`${a.name} overlaps ${b.name}`);
    }
  }
  return problems;
}
