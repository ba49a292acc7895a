import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { useLocaleStore } from "./i18n/locale";
import "./ui/styles.css";

document.documentElement.lang = useLocaleStore.getState().locale;

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
