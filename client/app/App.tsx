import { useEffect, useState } from "react";
import { HomePage } from "../session/HomePage";
import { AccessibilityPage } from "../accessibility/AccessibilityPage";
import { SessionPage } from "../session/SessionPage";
import { DebriefPage } from "../timeline/DebriefPage";
import { parseRoute, type Route } from "./route";

export function App() {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.pathname));
  useEffect(() => {
    const onPop = () => setRoute(parseRoute(location.pathname));
    addEventListener("popstate", onPop);
    return () => removeEventListener("popstate", onPop);
  }, []);
  if (route.page === "session") return <SessionPage key={route.code} code={route.code} />;
  if (route.page === "debrief") return <DebriefPage key={route.code} code={route.code} />;
  return route.page === "accessibility" ? <AccessibilityPage /> : <HomePage />;
}
