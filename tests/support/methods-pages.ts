import type { Browser } from "playwright-core";
import { exportPlanFile } from "../../shared/methods/rules";
import type { Plan } from "../../shared/methods/plan";
import { joinIn2d, newVisitor, type Visitor } from "./pages";
import type { TestServer } from "./server";

type CreatedSession = Awaited<ReturnType<TestServer["createSession"]>>;

/** A participant's page: their name, language and whether it is a phone (else a laptop). */
export interface GuestShape {
  name: string;
  locale: string;
  phone: boolean;
}

/** Laptop and phone, English and Finnish: the mix the methods' browser tests run with. */
export const MIXED_GUESTS: readonly GuestShape[] = [
  { name: "Anna", locale: "en-GB", phone: true },
  { name: "Ben", locale: "fi-FI", phone: true },
  { name: "Cai", locale: "fi-FI", phone: false },
];

/**
 * A new session with its facilitator (Fia, English, on a laptop of `laptopHeight`) and the guests'
 * pages, everyone joined in the 2D view, one after the other (two cores).
 */
export async function facilitatorAndGuests(
  browser: Browser,
  server: TestServer,
  title: string,
  shapes: readonly GuestShape[],
  laptopHeight = 800,
): Promise<{ session: CreatedSession; host: Visitor; guests: Visitor[] }> {
  const session = await server.createSession(title);
  const laptop = { width: 1366, height: laptopHeight };
  const host = await newVisitor(browser);
  await host.page.setViewportSize(laptop);
  await joinIn2d(host, `${server.baseUrl}/s/${session.code}#host=${session.facilitatorSecret}`, "Fia", title);
  const guests: Visitor[] = [];
  for (const shape of shapes) {
    const guest = await newVisitor(browser, shape.locale, { phone: shape.phone });
    if (!shape.phone) await guest.page.setViewportSize(laptop);
    await joinIn2d(guest, `${server.baseUrl}/s/${session.code}`, shape.name, title);
    guests.push(guest);
  }
  return { session, host, guests };
}

/** The facilitator imports the plan as a file from the Method tab (English page) and starts its first step. */
export async function importPlanAndStart(host: Visitor, plan: Plan, fileName: string): Promise<void> {
  const { page } = host;
  await page.getByRole("tab", { name: "Method" }).click();
  await page.getByLabel("Import a plan (JSON)").setInputFiles({
    name: fileName,
    mimeType: "application/json",
    buffer: Buffer.from(exportPlanFile(plan)),
  });
  await page.getByRole("heading", { name: plan.title }).waitFor();
  await page.getByRole("button", { name: "Start step 1" }).click();
}
