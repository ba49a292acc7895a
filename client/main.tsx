import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { useLocaleStore } from "./i18n/locale";
import "./ui/styles.css";
import { applyToPage, useAccessibilitySettings } from "./accessibility/settings";

document.documentElement.lang = useLocaleStore.getState().locale;
// Before the first paint, so larger text or high contrast never flashes the default look.
applyToPage(useAccessibilitySettings.getState());
useAccessibilitySettings.subscribe((settings) => applyToPage(settings));

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
