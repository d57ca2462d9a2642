import {
  decodeProtectedHeader,
  exportPKCS8,
  exportSPKI,
  generateKeyPair,
  importSPKI,
  jwtVerify,
} from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { SHEETS_SCOPE, signAssertion } from "../../worker/auth/jwt-assertion.ts";
import { parseServiceAccountKey } from "../../worker/auth/service-account-key.ts";

let privatePem = "";
let publicPem = "";

beforeAll(async () => {
  const pair = await generateKeyPair("RS256", { extractable: true, modulusLength: 2048 });
  privatePem = await exportPKCS8(pair.privateKey);
  publicPem = await exportSPKI(pair.publicKey);
});

const keyJson = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    type: "service_account",
    project_id: "qcdc-test",
    private_key_id: "kid-123",
    private_key: privatePem,
    client_email: "consolidator@qcdc-test.iam.gserviceaccount.com",
    client_id: "1",
    token_uri: "https://oauth2.googleapis.com/token",
    ...overrides,
  });

describe("parseServiceAccountKey", () => {
  it("accepts Google's JSON key format", () => {
    const result = parseServiceAccountKey(keyJson());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.key.clientEmail).toBe("consolidator@qcdc-test.iam.gserviceaccount.com");
    expect(result.key.privateKeyId).toBe("kid-123");
    expect(result.key.tokenUri).toBe("https://oauth2.googleapis.com/token");
  });

  it("says the secret is not set", () => {
    for (const missing of [undefined, null, "", "   "]) {
      const result = parseServiceAccountKey(missing);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.kind).toBe("key-missing");
      expect(result.error.message).toContain("GOOGLE_SERVICE_ACCOUNT_JSON is not set");
    }
  });

  it("never repeats secret content in its messages", () => {
    const secretBody = privatePem.split("\n")[1]!;
    const broken = [
      keyJson().slice(0, -5), // truncated JSON: the parser's own message would quote it
      `{"private_key": "${secretBody}", "oops"`,
      keyJson({ type: "authorized_user" }),
      keyJson({ client_email: secretBody }),
      keyJson({ private_key: secretBody }),
      keyJson({ private_key: privatePem.replace("PRIVATE KEY", "RSA PRIVATE KEY") }),
    ];
    for (const json of broken) {
      const result = parseServiceAccountKey(json);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.kind).toBe("key-invalid");
      expect(result.error.message).toMatch(/^GOOGLE_SERVICE_ACCOUNT_JSON/);
      expect(result.error.message).not.toContain(secretBody.slice(0, 16));
    }
  });

  it("names the missing or invalid fields", () => {
    const result = parseServiceAccountKey(keyJson({ client_email: 42, token_uri: undefined }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain("client_email");
    expect(result.error.message).toContain("token_uri");
    expect(result.error.message).not.toContain("private_key");
  });

  it("repairs literal \\n escapes from a pasted secret", () => {
    const flattened = keyJson({ private_key: privatePem.replaceAll("\n", "\\n") });
    const result = parseServiceAccountKey(flattened);
    expect(result.ok && result.key.privateKeyPem).toBe(privatePem);
  });
});

describe("signAssertion", () => {
  it("signs the claims Google's JWT bearer flow requires, verifiable with the public key", async () => {
    const parsed = parseServiceAccountKey(keyJson());
    if (!parsed.ok) throw parsed.error;
    const { importPKCS8 } = await import("jose");
    const key = await importPKCS8(parsed.key.privateKeyPem, "RS256");
    const iat = Math.floor(Date.now() / 1000);
    const jwt = await signAssertion(key, {
      clientEmail: parsed.key.clientEmail,
      privateKeyId: parsed.key.privateKeyId,
      audience: "http://127.0.0.1:1234/token",
      scope: SHEETS_SCOPE,
      issuedAtSeconds: iat,
      lifetimeSeconds: 7200, // asked for too much: capped at Google's maximum
    });
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: "RS256", typ: "JWT", kid: "kid-123" });
    const { payload } = await jwtVerify(jwt, await importSPKI(publicPem, "RS256"), {
      issuer: parsed.key.clientEmail,
      audience: "http://127.0.0.1:1234/token",
    });
    expect(payload.scope).toBe("https://www.googleapis.com/auth/spreadsheets");
    expect(payload.iat).toBe(iat);
    expect(payload.exp).toBe(iat + 3600);
  });
});
