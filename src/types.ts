/** Languages the tool recognises in a reply. */
export type Lang = 'fi' | 'sv' | 'en' | 'unknown';
/** Languages the tool prints its own messages in. */
export type UiLang = 'fi' | 'sv' | 'en';
export type Channel = 'email' | 'sms' | 'chat' | 'social';
export type Severity = 'error' | 'warning' | 'info';

export const CHANNELS: readonly Channel[] = ['email', 'sms', 'chat', 'social'];
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export type Trilingual = Record<UiLang, string>;

/** Facts about a message from its source (archive headers, export columns). */
export interface MessageMeta {
  agent?: string;
  date?: string;
  /** Minutes east of UTC the source gave its date in (a mail's Date header zone): reports show the time as its writer saw it. */
  utcOffset?: number;
  id?: string;
  subject?: string;
  /** Sender address, lower-cased. */
  from?: string;
  /** Attachments the reply carried (noted, not linted). */
  attachments?: string[];
  /** Message-ID the reply answers. */
  inReplyTo?: string;
  /** Spreadsheet row of a CSV record (the header is row 1). */
  row?: number;
}

/** One reply to lint, as the input layer produces it. */
export interface Message {
  /** Shown in reports: a file path, "-" for stdin, "archive#id" for archive members. */
  path: string;
  /** The reply text exactly as in the source (positions are reported against it). */
  text: string;
  /** The customer's message the reply answers, when known. */
  customer?: string;
  channel: Channel;
  /** Forced language; detected when absent. */
  lang?: Exclude<Lang, 'unknown'>;
  meta?: MessageMeta;
  /** A template (canned reply): placeholders are understood, control tags ignored. */
  template?: boolean;
  /**
   * Line and column in the source file of an offset in `text`, when the text
   * is a member of a larger file (a macro collection). Such messages are
   * linted in the main thread: a function does not cross to a worker.
   */
  locate?: (offset: number) => { line: number; column: number };
}

export interface Fix {
  offset: number;
  length: number;
  text: string;
}

/** What a check reports: a span of the reply and what is wrong with it. */
export interface RawFinding {
  offset: number;
  length: number;
  /** Values for the rule's message template ({actual}, {suggestion}, …). */
  data?: Record<string, string | number | Trilingual>;
  suggestions?: string[];
  fix?: Fix;
  /** Overrides the rule's severity for this finding (phrase entries may). */
  severity?: Severity;
  /** A message that replaces the rule's template, already in every UI language. */
  message?: Trilingual;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  weight: number;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  length: number;
  actual: string;
  suggestions: string[];
  fix?: Fix;
}

export interface BingoResult {
  points: number;
  squares: string[];
}

export interface FileResult {
  path: string;
  language: Lang;
  channel: Channel;
  score: number;
  bingo: BingoResult;
  findings: Finding[];
  /** How many findings inline directives silenced. */
  suppressed: number;
  /** The text linted and the customer's message, kept only when a report shows them (HTML, --redact). */
  source?: { text: string; customer?: string };
  /** The silenced findings themselves, with the directive's reason (SARIF reports them as suppressed). */
  suppressedFindings?: (Finding & { justification?: string })[];
  meta?: Message['meta'];
}

/** Why an input could not be linted; the reporter words it in the UI language. */
export type InputErrorCode =
  | 'not-found'
  | 'not-a-file'
  | 'permission'
  | 'unreadable'
  | 'binary'
  | 'not-utf8'
  | 'legacy-encoding'
  | 'empty'
  | 'too-large'
  | 'no-match'
  | 'no-files'
  | 'no-stdin'
  | 'bad-json'
  | 'bad-record'
  | 'bad-yaml'
  | 'no-collection'
  | 'bad-mime'
  | 'truncated'
  | 'bad-charset'
  | 'no-body'
  | 'not-mbox'
  | 'bad-column'
  | 'bad-row'
  | 'bad-quote'
  | 'not-fixable'
  | 'not-written'
  | 'changed-since-read';

/** An input that could not be linted (unreadable, binary, bad encoding…). */
export interface InputError {
  path: string;
  code: InputErrorCode;
  /** Facts for the message: sizes, the system's error code. */
  detail?: Record<string, string | number>;
}

export interface Summary {
  files: number;
  findings: number;
  errors: number;
  warnings: number;
  infos: number;
  suppressed: number;
  score: number;
}

/** What the reports written in pieces (SARIF, JUnit) need: the results, in any iterable that can be read more than once (an array, a report/spool.ts Spool), and the input errors. */
export interface RunResults {
  results: Iterable<FileResult>;
  errors: InputError[];
}

export interface LintReport {
  results: FileResult[];
  errors: InputError[];
  summary: Summary;
}
