import { normalizeText } from "../../../shared/text/fold.ts";
import type { GasProperties } from "../gas/types.ts";
import type { UnitSettings } from "../server-api.ts";

/** Document property keys: the unit belongs to the spreadsheet, not to whoever opens it. */
export const UNIT_CODE_KEY = "QCDC_UNIT_CODE";
export const UNIT_NAME_KEY = "QCDC_UNIT_NAME";
/** Script property the deployer sets to the Worker's service-account email. */
export const SERVICE_ACCOUNT_KEY = "SERVICE_ACCOUNT_EMAIL";

export function loadUnitSettings(documentProperties: GasProperties): UnitSettings | null {
  const code = normalizeText(documentProperties.getProperty(UNIT_CODE_KEY) ?? "");
  const name = normalizeText(documentProperties.getProperty(UNIT_NAME_KEY) ?? "");
  return code === "" && name === "" ? null : { code, name };
}

export function storeUnitSettings(documentProperties: GasProperties, unit: UnitSettings): void {
  documentProperties.setProperty(UNIT_CODE_KEY, unit.code);
  documentProperties.setProperty(UNIT_NAME_KEY, unit.name);
}

/** "Xã Hòa Bình (mã 001)"; either part may be missing while the settings are half done. */
export function unitLabel(unit: UnitSettings | null): string | null {
  if (!unit) return null;
  if (unit.name && unit.code) return `${unit.name} (mã ${unit.code})`;
  return unit.name || (unit.code ? `Mã đơn vị ${unit.code}` : null);
}

export function serviceAccountEmail(scriptProperties: GasProperties): string | null {
  const email = (scriptProperties.getProperty(SERVICE_ACCOUNT_KEY) ?? "").trim();
  return email === "" ? null : email;
}
