// Google's protobuf binding refuses unknown query parameters, unknown body fields and enum
// values it does not know; a typo that Google would reject must fail here too.

import type { JsonObject } from "./cell.ts";
import {
  invalidArgument,
  invalidEnumValue,
  unknownField,
  unknownQueryParameter,
} from "./google-error.ts";

const SYSTEM_PARAMS = [
  "fields",
  "alt",
  "key",
  "access_token",
  "oauth_token",
  "prettyPrint",
  "quotaUser",
  "callback",
  "upload_protocol",
  "uploadType",
  "$.xgafv",
  "userIp",
];

export function checkQuery(query: URLSearchParams, allowed: string[]): void {
  for (const name of query.keys()) {
    if (!SYSTEM_PARAMS.includes(name) && !allowed.includes(name)) throw unknownQueryParameter(name);
  }
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function enumValue<T extends string>(
  value: unknown,
  field: string,
  enumType: string,
  allowed: readonly T[],
  fallback: T,
  unspecified?: string,
): T {
  if (value === undefined || value === null || value === "" || value === unspecified)
    return fallback;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value))
    return value as T;
  throw invalidEnumValue(snake(field), enumType, String(value));
}

export function boolParam(query: URLSearchParams, name: string): boolean {
  const v = query.get(name);
  if (v === null || v === "false") return false;
  if (v === "true") return true;
  throw invalidArgument(`Invalid value at '${snake(name)}' (TYPE_BOOL), "${v}"`);
}

export function asObject(value: unknown, at: string): JsonObject {
  if (value === undefined || value === null) return {};
  if (typeof value !== "object" || Array.isArray(value)) {
    throw invalidArgument(`Invalid JSON payload received. Expected an object at '${at}'.`);
  }
  return value as JsonObject;
}

export function checkKeys(obj: JsonObject, allowed: string[], at: string | undefined): void {
  for (const k of Object.keys(obj)) if (!allowed.includes(k)) throw unknownField(k, at);
}

export const VALUE_RENDER = ["FORMATTED_VALUE", "UNFORMATTED_VALUE", "FORMULA"] as const;
export const DATE_TIME_RENDER = ["SERIAL_NUMBER", "FORMATTED_STRING"] as const;
export const DIMENSIONS = ["ROWS", "COLUMNS"] as const;
export const VALUE_INPUT = ["RAW", "USER_ENTERED"] as const;
