import { byId } from "./element.ts";
import { closeDialog } from "./server-call.ts";

/** Hướng dẫn dialog: static text; only the close button needs a script. */
byId("close").addEventListener("click", () => closeDialog());
