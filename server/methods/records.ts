import { defineRecordType } from "../storage/records";
import { methodsRunSchema } from "../../shared/methods/run";

/** The session's plan and how far it has run (one record: a step applies all at once or not at all). */
export const methodsRunRecord = defineRecordType({ kind: "methods.run", schema: methodsRunSchema });
export const METHODS_RUN_ID = "run";
