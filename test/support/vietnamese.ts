import fc from "fast-check";

/** Every Vietnamese letter in both cases, precomposed. */
export const VIETNAMESE_LETTERS = (() => {
  const lower =
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ";
  return [...new Set([...lower, ...lower.toUpperCase()])];
})();

/** Vietnamese-looking text: letters, digits, spaces and the punctuation templates use. */
export const vietnameseText = (maxLength = 30) =>
  fc.string({
    unit: fc.constantFrom(...VIETNAMESE_LETTERS, ..."0123456789", " ", " ", ",", "/", "-", "."),
    maxLength,
  });
