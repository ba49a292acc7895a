import pg from "pg";
import { Redis } from "ioredis";

/** The PostgreSQL and Redis every development and CI machine runs, as they are. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** A room as Colyseus' matchmaker lists it in Redis. */
export interface RoomCache {
  roomId: string;
  processId?: string;
  publicAddress?: string;
}

/**
 * One run of several server processes on the machine's PostgreSQL and Redis, with a schema and a key
 * prefix of its own, so parallel runs (tests, benchmarks) never see each other's sessions; `forget`
 * removes both. No test framework here: the benchmarks use it too.
 */
export function scaleoutRun(label: string) {
  const run = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const schema = `${label}_${run}`;
  const redisPrefix = `${label}:${run}:`;
  return {
    schema,
    redisPrefix,
    /** What each server process of this run is started with (its public address aside). */
    env: {
      DATABASE_URL: TEST_DATABASE_URL,
      DATABASE_SCHEMA: schema,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: redisPrefix,
    },
    /** The rooms the matchmaker lists now. */
    async roomCaches(): Promise<RoomCache[]> {
      const redis = new Redis(TEST_REDIS_URL);
      const caches = await redis.hgetall(`${redisPrefix}roomcaches`);
      await redis.quit();
      return Object.values(caches).map((json) => JSON.parse(json) as RoomCache);
    },
    async forget(): Promise<void> {
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
      const redis = new Redis(TEST_REDIS_URL);
      const keys = await redis.keys(`${redisPrefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    },
  };
}
