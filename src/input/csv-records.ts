/**
 * The records of a CSV byte stream, one at a time, each with the byte offset
 * and line it starts on: the splitter under the CSV reader (csv.ts).
 *
 * It reads CSV as csv-parse did with the options we gave it (relax_quotes,
 * relax_column_count, skip_empty_lines), so rows read the same as before:
 * a quote opens a quoted field only at the field's start, `""` inside one is
 * a quote, text after a closing quote makes the field literal from its
 * opening quote on (`"b"c` is `"b"c`); the record delimiter is the first line
 * end met outside quotes (`\n`, `\r\n` or `\r`), and another kind of line end
 * is then part of a field; empty lines are skipped.
 *
 * Why not csv-parse's stream: a record's start offset and line, a per-record
 * size limit that does not hold the record (nor garble what follows it), and
 * the restart after an unclosed quote all need the splitter's own state.
 *
 * Memory: the bytes of the current record only, and not even those past
 * `maxRecordBytes` (the record is then reported as too large and skipped).
 * An unclosed quote swallows the rest of the file; it is reported when the
 * stream ends, and the caller reads again from the line after the quote's.
 * (Not after the record's first line: the lines between are a closed
 * multi-line cell of the broken record, not rows.) That happens at most once
 * a file: the quote never closed, so every run of quotes after it has an even
 * length, and a field opened by such a run closes at the run's end — no later
 * quote can stay open, and the file is read at most twice.
 */

export type CsvEvent =
  | { kind: 'record'; fields: Buffer[]; start: number; line: number }
  | { kind: 'too-large'; start: number; line: number; bytes: number }
  /** Only from end(): `resume` is where to read again (the line after the unclosed quote's), or null when that line was the last. */
  | { kind: 'unclosed'; start: number; line: number; resume: number | null; resumeLine: number };

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote seen inside a quoted field: a closing quote, or the first of `""`. */
  AfterQuote,
}

type RecordDelimiter = 'lf' | 'cr' | 'crlf' | null;

export class CsvScanner {
  private state = State.FieldStart;
  /** Absolute offset of the next byte to scan. */
  private next: number;
  /** Line of `next` (1-based). */
  private line: number;
  /** A CR at the end of a chunk, kept until the next byte says whether it ends the record. */
  private held = false;

  private inRecord = false;
  private recordStart = 0;
  /**
   * The record has held only line breaks so far (a lone LF in a CRLF file is
   * text): its reported start and line are after them, as csv-parse's were.
   */
  private leading = false;
  private reportStart = 0;
  private reportLine = 0;
  /** Line of the current quoted field's opening quote, and the first LF after it (where to restart if it never closes), or -1. */
  private quoteLine = 0;
  private quoteLf = -1;
  /** The record's bytes from earlier chunks; dropped once it is over the limit. */
  private pending: Buffer[] = [];
  private oversize = false;
  /** Pieces of each finished field and of the current one: [start, end) pairs, absolute offsets. */
  private fields: number[][] = [];
  private pieces: number[] = [];
  private pieceStart = 0;
  private quoteAt = 0;
  private closeAt = 0;

  constructor(
    private readonly delimiter: number,
    private readonly maxRecordBytes: number,
    start = 0,
    line = 1,
    private rd: RecordDelimiter = null,
  ) {
    this.next = start;
    this.line = line;
  }

  /** The record delimiter found so far (a restarted scanner keeps it). */
  get recordDelimiter(): RecordDelimiter {
    return this.rd;
  }

  /** Scans the next bytes of the stream; finished records and skipped ones go to `out`. */
  write(chunk: Buffer, out: CsvEvent[]): void {
    const data = this.held ? Buffer.concat([CR_BYTE, chunk]) : chunk;
    this.held = false;
    this.scan(data, out, false);
  }

  /** The stream has ended: the last record, or the unclosed quote that swallowed it. */
  end(out: CsvEvent[]): void {
    if (this.held) {
      this.held = false;
      this.scan(CR_BYTE, out, true);
    }
    if (!this.inRecord) return;
    if (this.state === State.Quoted) {
      out.push({ kind: 'unclosed', start: this.reportStart, line: this.reportLine, resume: this.quoteLf === -1 ? null : this.quoteLf + 1, resumeLine: this.quoteLine + 1 });
      this.resetRecord();
      return;
    }
    if (this.state === State.Unquoted) this.closePiece(this.next);
    this.endField();
    this.endRecord(EMPTY, this.next, this.next, out);
  }

  /** Length of the record delimiter at data[i] (0: none), or -1 when the chunk ends before it can tell. */
  private delimiterAt(data: Buffer, i: number, final: boolean): number {
    const b = data[i];
    if (b !== LF && b !== CR) return 0;
    switch (this.rd) {
      case 'lf':
        return b === LF ? 1 : 0;
      case 'cr':
        return b === CR ? 1 : 0;
      case 'crlf':
        if (b !== CR) return 0;
        if (i + 1 < data.length) return data[i + 1] === LF ? 2 : 0;
        return final ? 0 : -1;
      default:
        if (b === LF) {
          this.rd = 'lf';
          return 1;
        }
        if (i + 1 < data.length) {
          this.rd = data[i + 1] === LF ? 'crlf' : 'cr';
          return this.rd === 'crlf' ? 2 : 1;
        }
        if (final) {
          this.rd = 'cr';
          return 1;
        }
        return -1;
    }
  }

  private lf(): void {
    this.line++;
  }

  private scan(data: Buffer, out: CsvEvent[], final: boolean): void {
    const base = this.next;
    const n = data.length;
    let i = 0;
    // The chunk ends on a CR whose meaning depends on the next byte: stop before it.
    const hold = () => {
      this.held = true;
    };
    while (i < n) {
      if (!this.inRecord) {
        const d = this.delimiterAt(data, i, final);
        if (d < 0) {
          hold();
          break;
        }
        if (d > 0) {
          // An empty line: skipped.
          if (data[i + d - 1] === LF) this.lf();
          i += d;
          continue;
        }
        this.startRecord(base + i);
      }
      const b = data[i]!;
      switch (this.state) {
        case State.FieldStart:
          if (b !== LF && b !== CR) this.leading = false;
          if (b === QUOTE) {
            this.state = State.Quoted;
            this.quoteAt = base + i;
            this.quoteLine = this.line;
            this.quoteLf = -1;
            this.pieceStart = base + i + 1;
            i++;
          } else {
            this.state = State.Unquoted;
            this.pieceStart = base + i;
          }
          continue;
        case State.Unquoted:
          if (b === this.delimiter) {
            this.leading = false;
            this.closePiece(base + i);
            this.endField();
            this.state = State.FieldStart;
            i++;
            continue;
          }
          if (b === LF || b === CR) {
            const d = this.delimiterAt(data, i, final);
            if (d < 0) {
              hold();
              break;
            }
            if (d > 0) {
              this.closePiece(base + i);
              this.endField();
              i = this.finishRecord(data, base, i, d, out);
              continue;
            }
            if (b === LF) this.lf();
            if (this.leading) {
              this.reportStart = base + i + 1;
              this.reportLine = this.line;
            }
          } else this.leading = false;
          i++;
          continue;
        case State.Quoted: {
          const q = data.indexOf(QUOTE, i);
          const stop = q === -1 ? n : q;
          for (let j = data.indexOf(LF, i); j !== -1 && j < stop; j = data.indexOf(LF, j + 1)) {
            if (this.quoteLf === -1) this.quoteLf = base + j;
            this.lf();
          }
          i = stop;
          if (q !== -1) {
            this.closePiece(base + q);
            this.closeAt = base + q;
            this.state = State.AfterQuote;
            i = q + 1;
          }
          continue;
        }
        case State.AfterQuote:
          if (b === QUOTE) {
            // `""`: the second quote is text, and the field goes on.
            this.pieceStart = base + i;
            this.state = State.Quoted;
            i++;
            continue;
          }
          if (b === this.delimiter) {
            this.endField();
            this.state = State.FieldStart;
            i++;
            continue;
          }
          if (b === LF || b === CR) {
            const d = this.delimiterAt(data, i, final);
            if (d < 0) {
              hold();
              break;
            }
            if (d > 0) {
              this.endField();
              i = this.finishRecord(data, base, i, d, out);
              continue;
            }
          }
          // Text after the closing quote: the field is literal from its opening quote on.
          this.pieces = [this.quoteAt, this.quoteAt + 1, ...this.pieces, this.closeAt, this.closeAt + 1];
          this.state = State.Unquoted;
          this.pieceStart = base + i;
          continue;
      }
      if (this.held) break;
    }
    const scanned = this.held ? n - 1 : n;
    // The part of this chunk that belongs to the unfinished record is kept (within the limit).
    if (this.inRecord && !this.oversize) {
      const from = Math.max(0, this.recordStart - base);
      if (scanned > from) this.pending.push(data.subarray(from, scanned));
      if (base + scanned - this.recordStart > this.maxRecordBytes) {
        this.oversize = true;
        this.pending = [];
      }
    }
    this.next = base + scanned;
  }

  private startRecord(at: number): void {
    this.inRecord = true;
    this.recordStart = at;
    this.reportStart = at;
    this.reportLine = this.line;
    this.leading = true;
    this.state = State.FieldStart;
  }

  private closePiece(end: number): void {
    if (end > this.pieceStart) this.pieces.push(this.pieceStart, end);
  }

  private endField(): void {
    this.fields.push(this.pieces);
    this.pieces = [];
  }

  /** The record ends at data[i] with a delimiter of `d` bytes; returns the index after it. */
  private finishRecord(data: Buffer, base: number, i: number, d: number, out: CsvEvent[]): number {
    this.endRecord(data, base, base + i, out);
    if (data[i + d - 1] === LF) this.lf();
    return i + d;
  }

  /** `data` starts at absolute offset `base`; the record's text ends at `end`. */
  private endRecord(data: Buffer, base: number, end: number, out: CsvEvent[]): void {
    const start = this.recordStart;
    if (this.oversize || end - start > this.maxRecordBytes) {
      out.push({ kind: 'too-large', start: this.reportStart, line: this.reportLine, bytes: end - start });
    } else {
      const local = data.subarray(Math.max(0, start - base), end - base);
      const raw = this.pending.length === 0 ? local : Buffer.concat([...this.pending, local]);
      const fields = this.fields.map((pieces) => {
        if (pieces.length === 2) return raw.subarray(pieces[0]! - start, pieces[1]! - start);
        const parts: Buffer[] = [];
        for (let k = 0; k < pieces.length; k += 2) parts.push(raw.subarray(pieces[k]! - start, pieces[k + 1]! - start));
        return Buffer.concat(parts);
      });
      out.push({ kind: 'record', fields, start: this.reportStart, line: this.reportLine });
    }
    this.resetRecord();
  }

  private resetRecord(): void {
    this.inRecord = false;
    this.pending = [];
    this.oversize = false;
    this.fields = [];
    this.pieces = [];
    this.state = State.FieldStart;
  }
}

const CR_BYTE = Buffer.from([CR]);
const EMPTY = Buffer.alloc(0);
