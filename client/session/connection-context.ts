import { createContext, useContext } from "react";
import type { SessionConnection } from "./connection";

export const ConnectionContext = createContext<SessionConnection | null>(null);

/** The live session connection; only usable inside the space (throws elsewhere, to catch misuse early). */
export function useConnection(): SessionConnection {
  const connection = useContext(ConnectionContext);
  if (!connection) throw new Error("useConnection() must be used inside <ConnectionContext.Provider>");
  return connection;
}
