/**
 * The text in lower case with its offsets unchanged: checks match lower-case
 * patterns against it, since a case-insensitive Unicode regex costs several
 * times more to compile. Characters whose lower case is longer (rare in
 * Finnish and Swedish: "İ") are kept as they are.
 */
export function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : Array.from(text, (c) => (c.toLowerCase().length === c.length ? c.toLowerCase() : c)).join('');
}
