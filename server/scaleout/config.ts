import { matchMaker, type MatchMakerDriver, type Presence } from "@colyseus/core";

/**
 * Several server processes as one product: Colyseus' own Redis presence (pub/sub between processes,
 * seat reservations) and Redis driver (the shared list of open rooms). Set by `REDIS_URL`; without it
 * the server runs alone with Colyseus' in-process defaults.
 */
export interface ScaleOut {
  presence: Presence;
  driver: MatchMakerDriver;
  /**
   * How browsers reach this process's rooms directly, `host[:port][/path]` without a scheme (the SDK
   * adds ws:// or wss://). Behind nginx: the public host and this process's route, e.g. `example.fi/p1`.
   */
  publicAddress?: string;
  describe: string;
}

export interface ScaleOutEnv {
  REDIS_URL?: string;
  /** Prefix of every Redis key, so that deployments (or test runs) sharing a Redis never meet. */
  REDIS_PREFIX?: string;
  PUBLIC_ADDRESS?: string;
  /** Behind the generated nginx configuration: the public host; the address becomes `<host>/p<PORT>`. */
  PUBLIC_HOST?: string;
  PORT?: string;
}

/** The path under which nginx reaches one process's rooms (server/scaleout/nginx.ts routes it). */
export function processRoute(process: string | number): string {
  return `p${String(process).replace(/[^A-Za-z0-9]/g, "-")}`;
}

function publicAddressFrom(env: ScaleOutEnv): string | undefined {
  if (env.PUBLIC_ADDRESS) return env.PUBLIC_ADDRESS;
  if (env.PUBLIC_HOST) return `${env.PUBLIC_HOST}/${processRoute(env.PORT ?? "2567")}`;
  return undefined;
}

export async function scaleOutFromEnv(env: ScaleOutEnv = process.env): Promise<ScaleOut | undefined> {
  if (!env.REDIS_URL) return undefined;
  // Loaded only when asked for: the embedded default never opens a Redis connection.
  const [{ RedisPresence }, { RedisDriver }] = await Promise.all([
    import("@colyseus/redis-presence"),
    import("@colyseus/redis-driver"),
  ]);
  const keyPrefix = env.REDIS_PREFIX ?? "yhteistila:";
  const publicAddress = publicAddressFrom(env);
  const redis = (url: string) => ({ ...redisOptionsFrom(url), keyPrefix });
  return {
    presence: new RedisPresence(redis(env.REDIS_URL)),
    driver: new RedisDriver(redis(env.REDIS_URL)),
    ...(publicAddress ? { publicAddress } : {}),
    describe: `Redis at ${new URL(env.REDIS_URL).host} (keys ${keyPrefix}*)${publicAddress ? `, rooms reached at ${publicAddress}` : ""}`,
  };
}

/** ioredis takes a URL or options, not both: the options carry the URL's parts and our prefix. */
function redisOptionsFrom(url: string): {
  host: string;
  port: number;
  db: number;
  password?: string;
  username?: string;
} {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    db: Number(parsed.pathname.slice(1) || 0),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
  };
}

/**
 * A session's room opens on the process that answered the join. That process can read the session
 * from the shared database like any other, and creating locally skips the inter-process create
 * request whose timeout is one of Colyseus' known roads to a duplicate room (the claim guards the rest).
 */
export const createRoomsHere: matchMaker.SelectProcessIdCallback = async () => matchMaker.processId;
