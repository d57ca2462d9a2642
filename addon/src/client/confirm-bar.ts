import { byId } from "./element.ts";

/**
 * Asks before an action that loses work (Xóa trắng, Xóa dòng) or may be a mistake (a row
 * like an existing one), inside the page: a question and two buttons in the footer,
 * reachable by keyboard, Escape for "no". Resolves true when the person confirms.
 */
export function confirmAction(question: string, yes: string, no = "Không"): Promise<boolean> {
  const bar = byId("confirm");
  const text = byId("confirm-text");
  const yesButton = byId<HTMLButtonElement>("confirm-yes");
  const noButton = byId<HTMLButtonElement>("confirm-no");
  const previous = document.activeElement as HTMLElement | null;
  text.textContent = question;
  yesButton.textContent = yes;
  noButton.textContent = no;
  bar.hidden = false;
  yesButton.focus();
  return new Promise((resolve) => {
    const finish = (answer: boolean) => {
      bar.hidden = true;
      yesButton.removeEventListener("click", onYes);
      noButton.removeEventListener("click", onNo);
      bar.removeEventListener("keydown", onKey);
      if (!answer) previous?.focus();
      resolve(answer);
    };
    const onYes = () => finish(true);
    const onNo = () => finish(false);
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") finish(false);
    };
    yesButton.addEventListener("click", onYes);
    noButton.addEventListener("click", onNo);
    bar.addEventListener("keydown", onKey);
  });
}
