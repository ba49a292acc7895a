import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { initialStringsReady, useLocaleStore } from "./i18n/locale";
import "./ui/styles.css";
import { applyToPage, useAccessibilitySettings } from "./accessibility/settings";
import { parseRoute } from "./app/route";
import { prefetchSessionInfo } from "./session/api";
import { normaliseSessionCode, SESSION_CODE_PATTERN } from "../shared/protocol/constants";

document.documentElement.lang = useLocaleStore.getState().locale;
// A participant link's join form needs the session's info: ask now, alongside the language's strings.
const route = parseRoute(location.pathname);
if (route.page === "session" && SESSION_CODE_PATTERN.test(normaliseSessionCode(route.code))) {
  prefetchSessionInfo(normaliseSessionCode(route.code));
}
// Before the first paint, so larger text or high contrast never flashes the default look.
applyToPage(useAccessibilitySettings.getState());
useAccessibilitySettings.subscribe((settings) => applyToPage(settings));

// The first render waits for the visitor's language (fetched in parallel with the rest), so no key shows.
// Should that fetch fail, render anyway: a page of keys is still better than an empty one.
const render = () =>
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
void initialStringsReady.then(render, render);
