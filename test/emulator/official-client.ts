// Google's own Node client pointed at the emulator, unchanged except for where it sends the
// token request: google-auth-library always posts the JWT to oauth2.googleapis.com (ignoring a
// key's token_uri), so a transport interceptor redirects that one URL to the key's token_uri.

import { auth, sheets, type sheets_v4 } from "@googleapis/sheets";
import type { ServiceAccountKey } from "./service-account-key.ts";

const GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token";

export function officialSheetsClient(
  emulatorUrl: string,
  key: Pick<ServiceAccountKey, "client_email" | "private_key" | "token_uri">,
  scopes = ["https://www.googleapis.com/auth/spreadsheets"],
): sheets_v4.Sheets {
  const jwt = new auth.JWT({ email: key.client_email, key: key.private_key, scopes });
  jwt.transporter.interceptors.request.add({
    resolved: async (options) => {
      if (options.url.href === GOOGLE_TOKEN_URL) options.url = new URL(key.token_uri);
      return options;
    },
  });
  return sheets({ version: "v4", auth: jwt, rootUrl: `${emulatorUrl}/` });
}
