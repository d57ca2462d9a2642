// Google's service-account JSON key format, and a generator for throwaway test keys. Keys are
// made per run and never committed.

import { createPublicKey, generateKeyPairSync, randomBytes } from "node:crypto";

export interface ServiceAccountKey {
  type: "service_account";
  project_id: string;
  private_key_id: string;
  private_key: string;
  client_email: string;
  client_id: string;
  auth_uri: string;
  token_uri: string;
  auth_provider_x509_cert_url: string;
  client_x509_cert_url: string;
  universe_domain: string;
}

export function generateServiceAccountKey(
  tokenUri: string,
  name = "qcdc-emulator",
): ServiceAccountKey {
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  const suffix = randomBytes(3).toString("hex");
  const project = "qcdc-local";
  const email = `${name}-${suffix}@${project}.iam.gserviceaccount.com`;
  return {
    type: "service_account",
    project_id: project,
    private_key_id: randomBytes(20).toString("hex"),
    private_key: privateKey,
    client_email: email,
    client_id: String(100_000_000_000_000_000_000n + BigInt(`0x${randomBytes(6).toString("hex")}`)),
    auth_uri: "https://accounts.google.com/o/oauth2/auth",
    token_uri: tokenUri,
    auth_provider_x509_cert_url: "https://www.googleapis.com/oauth2/v1/certs",
    client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(email)}`,
    universe_domain: "googleapis.com",
  };
}

/** The SPKI PEM public key of a key file's private key. */
export function publicKeyPem(privateKeyPem: string): string {
  return createPublicKey(privateKeyPem).export({ type: "spki", format: "pem" }).toString();
}
