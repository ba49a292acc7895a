import { z } from "zod";
import { clientMessages, type ClientMessageName } from "../../shared/protocol";

/** The JSON Schema of a message (zod's own export): its fields, kinds, ranges and patterns. */
export interface JsonSchema {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

/**
 * Every client message's schema as JSON Schema, so tests can shape payloads after the protocol
 * itself (the fuzz test's hostile ones, the coach test's well-formed ones) instead of by hand.
 */
export const messageJsonSchemas: ReadonlyMap<ClientMessageName, JsonSchema> = new Map(
  (Object.entries(clientMessages) as [ClientMessageName, z.ZodType][]).map(([name, schema]) => [
    name,
    z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema,
  ]),
);
