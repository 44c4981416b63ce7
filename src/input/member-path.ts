/**
 * A member of an archive, export or macro collection is reported as
 * "file#member" ("export.jsonl#42", "inbox.mbox#<id>", "macros.yaml#Palautus").
 * A '#' means a member only after a file of such a format: "vastaus#1.txt"
 * is a plain file whose name holds a '#'.
 */
const COLLECTION_FILE = /(^-|\.(jsonl|csv|tsv|mbox|mbox\.gz|ya?ml|json))$/i;

/** The file part of a result's path and the member, if any. */
export function splitMemberPath(path: string): { file: string; member?: string } {
  for (let hash = path.indexOf('#'); hash > 0; hash = path.indexOf('#', hash + 1)) {
    const file = path.slice(0, hash);
    if (COLLECTION_FILE.test(file)) return { file, member: path.slice(hash + 1) };
  }
  return { file: path };
}

/** Whether a result's path names a member of a file ("export.jsonl#42"), not a file ("vastaus#1.txt"). */
export function isMemberPath(path: string): boolean {
  return splitMemberPath(path).member !== undefined;
}

/** The file a result's path names ("export.jsonl" of "export.jsonl#42"). */
export function fileOfPath(path: string): string {
  return splitMemberPath(path).file;
}
