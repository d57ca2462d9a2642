/**
 * Reads the Worker secret GOOGLE_SERVICE_ACCOUNT_JSON: the JSON key file Google Cloud
 * console downloads for a service account. Validated once, up front, so a bad secret
 * gives one clear message instead of a cryptic signing or token failure per unit.
 */
import { z } from "zod";
import { TokenError } from "./token-error.ts";

export interface ServiceAccountKey {
  readonly clientEmail: string;
  /** PKCS#8 PEM ("BEGIN PRIVATE KEY"), real newlines. */
  readonly privateKeyPem: string;
  readonly privateKeyId: string;
  readonly tokenUri: string;
  readonly projectId: string | null;
}

export type ServiceAccountKeyResult =
  | { readonly ok: true; readonly key: ServiceAccountKey }
  | { readonly ok: false; readonly error: TokenError };

const PKCS8_HEADER = "-----BEGIN PRIVATE KEY-----";

const keySchema = z.object({
  type: z.literal("service_account"),
  client_email: z.email(),
  private_key: z.string().min(1),
  private_key_id: z.string().min(1),
  token_uri: z.url(),
  project_id: z.string().optional(),
});

const SETTING = "GOOGLE_SERVICE_ACCOUNT_JSON";

export function parseServiceAccountKey(json: string | null | undefined): ServiceAccountKeyResult {
  if (json === undefined || json === null || json.trim() === "") {
    return fail(
      "key-missing",
      `${SETTING} is not set: add the service account's JSON key as a Worker secret`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    // The parser's own message quotes the input, which is secret: do not pass it on.
    return fail("key-invalid", `${SETTING} is not valid JSON: paste the whole key file`);
  }
  const parsed = keySchema.safeParse(data);
  if (!parsed.success) {
    // Field names only; zod's messages could echo values.
    const fields = [
      ...new Set(parsed.error.issues.map((issue) => issue.path.join(".") || "(root)")),
    ];
    return fail(
      "key-invalid",
      `${SETTING} is not a Google service-account key: missing or invalid ${fields.join(", ")}`,
    );
  }
  const privateKeyPem = normalisePem(parsed.data.private_key);
  if (privateKeyPem.includes("-----BEGIN RSA PRIVATE KEY-----")) {
    return fail(
      "key-invalid",
      `${SETTING}: private_key is PKCS#1 ("BEGIN RSA PRIVATE KEY"); use the PKCS#8 key Google issues`,
    );
  }
  if (!privateKeyPem.includes(PKCS8_HEADER)) {
    return fail("key-invalid", `${SETTING}: private_key is not a PEM PKCS#8 private key`);
  }
  return {
    ok: true,
    key: {
      clientEmail: parsed.data.client_email,
      privateKeyPem,
      privateKeyId: parsed.data.private_key_id,
      tokenUri: parsed.data.token_uri,
      projectId: parsed.data.project_id ?? null,
    },
  };
}

/** Secrets pasted through a shell often arrive with literal "\n" instead of newlines. */
function normalisePem(pem: string): string {
  return pem.includes("\n") ? pem : pem.replaceAll("\\n", "\n");
}

function fail(kind: "key-missing" | "key-invalid", message: string): ServiceAccountKeyResult {
  return { ok: false, error: new TokenError(kind, message) };
}
