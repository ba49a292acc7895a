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

/**
 * Cards at the top of the view that are cut by the box they sit in (the zone banner with its task,
 * the countdowns, the vote card), and messages (voice notices, toasts) that cover the 2D page.
 * What a person would call clipped: part of a card cannot be seen even by scrolling the page.
 */
export async function clippedOrCovered(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const visible = (element: Element) => {
      const rect = element.getBoundingClientRect();
      let [left, top, right, bottom] = [rect.left, rect.top, rect.right, rect.bottom];
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (style.overflowX === "visible" && style.overflowY === "visible") continue;
        const clip = parent.getBoundingClientRect();
        [left, top] = [Math.max(left, clip.left), Math.max(top, clip.top)];
        [right, bottom] = [Math.min(right, clip.right), Math.min(bottom, clip.bottom)];
      }
      return { rect, left, top, right, bottom };
    };
    const cards = document.querySelectorAll(".banner, .banner [role=timer], .task-text, .vote-overlay__card");
    for (const card of cards) {
      const { rect, left, top, right, bottom } = visible(card);
      const cut =
        rect.left < left - 0.5 || rect.top < top - 0.5 || rect.right > right + 0.5 || rect.bottom > bottom + 0.5;
      if (cut) problems.push(`${card.className || card.getAttribute("role")} is cut off`);
    }
    // Scrolling text inside a card counts as cut as well: the text runs past the card's edge.
    for (const text of document.querySelectorAll(".task-text")) {
      if (text.scrollHeight > text.clientHeight + 1) problems.push("task-text is cut off inside its card");
    }
    const pageBox = document.querySelector(".boards-page")?.getBoundingClientRect();
    if (pageBox) {
      for (const message of document.querySelectorAll(".overlay__messages > *")) {
        for (const child of message.children.length ? [...message.children] : [message]) {
          const r = child.getBoundingClientRect();
          if (r.width === 0 || r.height === 0) continue;
          const x = Math.min(r.right, pageBox.right) - Math.max(r.left, pageBox.left);
          const y = Math.min(r.bottom, pageBox.bottom) - Math.max(r.top, pageBox.top);
          if (x > 0.5 && y > 0.5) problems.push(`message "${child.textContent}" covers the 2D page`);
        }
      }
    }
    return problems;
  });
}
