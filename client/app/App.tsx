import { lazy, Suspense, useEffect, useState } from "react";
import { HomePage } from "../session/HomePage";
import { SessionPage } from "../session/SessionPage";
import { useT } from "../i18n/locale";
import { Loading } from "../ui/Loading";
import { parseRoute, type Route } from "./route";

// Pages nobody passes through on the way into a session load when opened, not with the join.
const AccessibilityPage = lazy(() =>
  import("../accessibility/AccessibilityPage").then((m) => ({ default: m.AccessibilityPage })),
);
const DebriefPage = lazy(() => import("../timeline/DebriefPage").then((m) => ({ default: m.DebriefPage })));

function PageLoading() {
  const t = useT();
  return <Loading label={t("status.loading")} />;
}

export function App() {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.pathname));
  useEffect(() => {
    const onPop = () => setRoute(parseRoute(location.pathname));
    addEventListener("popstate", onPop);
    return () => removeEventListener("popstate", onPop);
  }, []);
  if (route.page === "session") return <SessionPage key={route.code} code={route.code} />;
  if (route.page === "home") return <HomePage />;
  return (
    <Suspense fallback={<PageLoading />}>
      {route.page === "debrief" ? <DebriefPage key={route.code} code={route.code} /> : <AccessibilityPage />}
    </Suspense>
  );
}
