/**
 * Interface glyphs as inline SVG (our fonts carry no emoji or symbols, and nothing is fetched).
 * Decorative: every control that shows one also carries its name in words.
 */
import type { ReactNode } from "react";

export type IconName =
  | "people"
  | "boards"
  | "screen"
  | "export"
  | "chat"
  | "facilitate"
  | "zones"
  | "hand"
  | "smile"
  | "check"
  | "return"
  | "follow"
  | "gear"
  | "panel"
  | "help"
  | "thumbs_up"
  | "clap"
  | "heart"
  | "method"
  | "table";

const stroke = {
  stroke: "currentColor",
  strokeWidth: 2,
  fill: "none",
  strokeLinecap: "round",
  strokeLinejoin: "round",
} as const;

const paths: Record<IconName, ReactNode> = {
  // A round table seen from above, with chairs around it (the hybrid room's physical rooms).
  table: (
    <>
      <circle cx="12" cy="12" r="4.5" {...stroke} />
      <circle cx="12" cy="3.5" r="1.5" {...stroke} />
      <circle cx="12" cy="20.5" r="1.5" {...stroke} />
      <circle cx="3.5" cy="12" r="1.5" {...stroke} />
      <circle cx="20.5" cy="12" r="1.5" {...stroke} />
    </>
  ),
  people: (
    <>
      <circle cx="9" cy="8" r="3.5" {...stroke} />
      <path d="M2.5 20a6.5 6.5 0 0 1 13 0" {...stroke} />
      <path d="M16 4.5a3.5 3.5 0 0 1 0 7M18 14.5a6.5 6.5 0 0 1 3.5 5.5" {...stroke} />
    </>
  ),
  boards: (
    <>
      <rect x="3" y="3" width="8" height="8" rx="1.5" {...stroke} />
      <rect x="13" y="3" width="8" height="8" rx="1.5" {...stroke} />
      <rect x="3" y="13" width="8" height="8" rx="1.5" {...stroke} />
      <path d="M13 13h8v5l-3 3h-5z" {...stroke} />
    </>
  ),
  screen: (
    <>
      <rect x="2.5" y="4" width="19" height="12.5" rx="1.5" {...stroke} />
      <path d="M8 20.5h8M12 16.5v4" {...stroke} />
    </>
  ),
  export: (
    <>
      <path d="M12 3v12M7 10l5 5 5-5" {...stroke} />
      <path d="M4 17v3h16v-3" {...stroke} />
    </>
  ),
  chat: <path d="M4 5h16v11H10l-5 4v-4H4z" {...stroke} />,
  facilitate: (
    <>
      <path d="M4 6h10M18 6h2M4 12h4M12 12h8M4 18h12M20 18h0" {...stroke} />
      <circle cx="16" cy="6" r="2" {...stroke} />
      <circle cx="10" cy="12" r="2" {...stroke} />
      <circle cx="18" cy="18" r="2" {...stroke} />
    </>
  ),
  zones: (
    <>
      <circle cx="12" cy="12" r="3" {...stroke} />
      <circle cx="5" cy="5" r="2.2" {...stroke} />
      <circle cx="19" cy="5" r="2.2" {...stroke} />
      <circle cx="5" cy="19" r="2.2" {...stroke} />
      <circle cx="19" cy="19" r="2.2" {...stroke} />
    </>
  ),
  hand: (
    <path
      d="M8 13V5.5a1.5 1.5 0 0 1 3 0V11m0-6.5a1.5 1.5 0 0 1 3 0V11m0-5a1.5 1.5 0 0 1 3 0v7c0 4.5-2.5 8-6.5 8-2.6 0-4.2-1.3-5.5-3.5L3.6 13.8a1.5 1.5 0 0 1 2.5-1.6L8 14.5"
      {...stroke}
    />
  ),
  smile: (
    <>
      <circle cx="12" cy="12" r="9" {...stroke} />
      <path d="M8 14.5a4.5 4.5 0 0 0 8 0" {...stroke} />
      <path d="M9 9.5v.5M15 9.5v.5" {...stroke} strokeWidth={2.6} />
    </>
  ),
  check: <path d="M4.5 12.5l5 5 10-11" {...stroke} />,
  return: <path d="M9 14l-5-5 5-5M4 9h10a6 6 0 0 1 0 12h-3" {...stroke} />,
  follow: (
    <>
      <path d="M5 12h11M12 7l5 5-5 5" {...stroke} />
      <path d="M20 5v14" {...stroke} />
    </>
  ),
  gear: (
    <>
      <circle cx="12" cy="12" r="3" {...stroke} />
      <path
        d="M12 2.5v3M12 18.5v3M2.5 12h3M18.5 12h3M5.3 5.3l2.1 2.1M16.6 16.6l2.1 2.1M5.3 18.7l2.1-2.1M16.6 7.4l2.1-2.1"
        {...stroke}
      />
    </>
  ),
  panel: (
    <>
      <rect x="3" y="4" width="18" height="16" rx="2" {...stroke} />
      <path d="M14 4v16M16.5 8h2M16.5 11.5h2" {...stroke} />
    </>
  ),
  help: (
    <>
      <circle cx="12" cy="12" r="9" {...stroke} />
      <path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .9-1 1.7v.5M12 17v.5" {...stroke} />
    </>
  ),
  thumbs_up: (
    <path
      d="M7 10v10H4V10zM7 10l4-7c1.5 0 2.5 1 2.2 2.6L12.6 9H19a2 2 0 0 1 2 2.3l-1.2 7A2 2 0 0 1 17.8 20H7"
      {...stroke}
    />
  ),
  clap: (
    <>
      <path d="M8 12l4.5-4.5a1.4 1.4 0 0 1 2 2L12 12l3.5-3.5a1.4 1.4 0 0 1 2 2L13 15" {...stroke} />
      <path d="M13 15l1.5-1.5a1.4 1.4 0 0 1 2 2L13 19a5.5 5.5 0 0 1-8-7.5L8 8.5a1.4 1.4 0 0 1 2 2" {...stroke} />
      <path d="M15 3.5l.5 2M19 4.5l-1.2 1.8M20.5 8.5l-2 .3" {...stroke} />
    </>
  ),
  heart: (
    <path d="M12 20s-7.5-4.6-7.5-10A4.2 4.2 0 0 1 12 7.4 4.2 4.2 0 0 1 19.5 10c0 5.4-7.5 10-7.5 10z" {...stroke} />
  ),
  method: (
    <>
      <path d="M10 6h10M10 12h10M10 18h10" {...stroke} />
      <path d="M4 5.5l1.5-1v4M3.8 11.3a1.3 1.3 0 0 1 2.4.7L4 14.5h2.5M4 16.8h2l-1 1.4a1.2 1.2 0 1 1-1 2" {...stroke} />
    </>
  ),
};

export function Icon({ name, size = 20 }: { name: IconName; size?: number }) {
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {paths[name]}
    </svg>
  );
}
