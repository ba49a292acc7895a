import type { ClientMessageName } from "../../shared/protocol";
import { messageJsonSchemas, type JsonSchema } from "../support/message-schemas";

/** The first well-formed value a schema suggests: required fields, first options, smallest numbers. */
function firstValue(schema: JsonSchema, id: string): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return firstValue(options[0]!, id);
  switch (Array.isArray(schema.type) ? schema.type[0] : schema.type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = firstValue(schema.properties![key]!, id);
      return out;
    }
    case "array":
      if (schema.prefixItems) return schema.prefixItems.map((item) => firstValue(item, id));
      return Array.from({ length: schema.minItems ?? 0 }, () => firstValue(schema.items!, id));
    case "integer":
    case "number": {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
      return Math.min(Math.max(min, 0), schema.maximum ?? Infinity);
    }
    case "string":
      if (!schema.pattern) return "Hyvä idea".padEnd(schema.minLength ?? 1, "x");
      // A name of something: the given id when it fits the pattern (a person), else a zone-like id.
      return [id, "z000000"].find((candidate) => new RegExp(schema.pattern!).test(candidate)) ?? id;
    case "boolean":
      return true;
    default:
      return null;
  }
}

/** Payloads the first-value rule cannot guess (a value with meaning, such as a board's settings). */
const HAND_WRITTEN: Partial<Record<ClientMessageName, (id: string) => unknown>> = {
  "voice.answer": () => ({ generation: 1, sdp: "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\n" }),
  "voice.micOffer": () => ({ generation: 1, sdp: "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\n" }),
};

/**
 * A well-formed payload for every message a client may send, checked against its own schema by the
 * caller, so that a refusal of it can only come from the role check behind the shape check.
 * `id` fills every field that names something (a person, a board, a zone).
 */
export function wellFormedPayloads(id: string): Map<ClientMessageName, unknown> {
  const out = new Map<ClientMessageName, unknown>();
  for (const [name, schema] of messageJsonSchemas) {
    const hand = HAND_WRITTEN[name];
    out.set(name, hand ? hand(id) : firstValue(schema, id));
  }
  return out;
}
