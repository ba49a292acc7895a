/**
 * Prints the accessibility feedback kept by the configured store (the same settings as the server:
 * DATA_DIR, DATABASE_URL…), oldest first, so the operator can answer each within the promised time.
 * `npm run accessibility:feedback` (add `-- --json` for one JSON document).
 */
import { FEEDBACK_REPLY_DAYS } from "../../shared/accessibility/statement";
import { storeFromEnv } from "../storage/from-env";

const { store, describe } = await storeFromEnv();
try {
  const feedback = await store.listFeedback();
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify(feedback, null, 2));
  } else {
    console.log(`${feedback.length} piece(s) of accessibility feedback in ${describe}:`);
    for (const f of feedback) {
      const due = new Date(f.receivedAt + FEEDBACK_REPLY_DAYS * 86_400_000).toISOString().slice(0, 10);
      console.log(`\n${new Date(f.receivedAt).toISOString()}  [${f.locale}]  answer by ${due}  (${f.id})`);
      console.log(`  contact: ${f.contact || "(none given)"}`);
      if (f.about) console.log(`  about: ${f.about}`);
      console.log(`  ${f.message}`);
    }
  }
} finally {
  await store.close();
}
