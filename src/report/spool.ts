import { closeSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';

/**
 * Values kept on disk until a report that needs the whole run is written
 * (SARIF and JUnit put rules and counts before the results). Kept in memory
 * they grow with the archive: the 7,000 replies of a 20 MB mbox cost SARIF
 * 148 MB. On disk they cost a temporary file of about the JSON report's size.
 *
 * Each record is V8's serialization (what structuredClone keeps, undefined
 * included) after its length. The file is unlinked as soon as it is open, so
 * it goes with the process however the run ends; where the system cannot do
 * that (Windows), it is removed when the spool is closed or the process
 * exits. Where no temporary file can be made, or a write fails (a full disk),
 * the values are kept in memory instead: the report is slower to get, never lost.
 */
export class Spool<T> implements Iterable<T> {
  private fd: number | undefined;
  private dir: string | undefined;
  private written = 0;
  private memory: T[] | undefined;
  private readonly removeOnExit = () => this.removeFiles();

  constructor(directory: string = tmpdir()) {
    try {
      this.dir = mkdtempSync(join(directory, 'aspalint-'));
      const file = join(this.dir, 'results');
      this.fd = openSync(file, 'w+');
      try {
        unlinkSync(file);
        rmSync(this.dir, { recursive: true, force: true });
        this.dir = undefined;
      } catch {
        process.once('exit', this.removeOnExit);
      }
    } catch {
      this.removeFiles();
      this.memory = [];
    }
  }

  /** Whether the values are on disk (false once it fell back to memory). */
  get onDisk(): boolean {
    return this.memory === undefined;
  }

  add(value: T): void {
    if (this.memory) {
      this.memory.push(value);
      return;
    }
    const body = serialize(value);
    const length = Buffer.allocUnsafe(4);
    length.writeUInt32LE(body.length, 0);
    try {
      writeAll(this.fd!, length, this.written);
      writeAll(this.fd!, body, this.written + 4);
      this.written += 4 + body.length;
    } catch {
      // What the file holds so far comes back to memory, and the rest stays there.
      const kept = [...this];
      this.removeFiles();
      this.memory = [...kept, value];
    }
  }

  /** The values in the order they were added; can be read more than once. */
  *[Symbol.iterator](): Iterator<T> {
    if (this.memory) {
      yield* this.memory;
      return;
    }
    const fd = this.fd!;
    const end = this.written;
    const length = Buffer.allocUnsafe(4);
    for (let position = 0; position < end; ) {
      readAll(fd, length, position);
      const body = Buffer.allocUnsafe(length.readUInt32LE(0));
      readAll(fd, body, position + 4);
      position += 4 + body.length;
      yield deserialize(body) as T;
    }
  }

  /** Frees the file (or the memory). */
  close(): void {
    this.removeFiles();
    this.memory = [];
  }

  private removeFiles(): void {
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {
        // Already closed.
      }
      this.fd = undefined;
    }
    if (this.dir !== undefined) {
      rmSync(this.dir, { recursive: true, force: true });
      this.dir = undefined;
      process.removeListener('exit', this.removeOnExit);
    }
    this.written = 0;
  }
}

function writeAll(fd: number, buffer: Buffer, position: number): void {
  for (let done = 0; done < buffer.length; ) done += writeSync(fd, buffer, done, buffer.length - done, position + done);
}

function readAll(fd: number, buffer: Buffer, position: number): void {
  for (let done = 0; done < buffer.length; ) {
    const n = readSync(fd, buffer, done, buffer.length - done, position + done);
    if (n === 0) throw new Error('the spool file ended early');
    done += n;
  }
}
