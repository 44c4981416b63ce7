/**
 * A copy of a string that does not keep its parent alive. V8 makes a slice
 * of a long string (13 characters or more) a view into it, so a short text
 * kept beyond its message (a customer text in the thread map, a finding's
 * span in a report that collects results) would otherwise pin the whole
 * message in memory. The JSON round trip copies every code unit, lone
 * surrogates included.
 */
export function detach(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}
