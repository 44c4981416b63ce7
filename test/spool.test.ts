import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Spool } from '../src/report/spool.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function scratch(): string {
  const d = mkdtempSync(join(tmpdir(), 'spool-test-'));
  dirs.push(d);
  return d;
}

const record = (i: number) => ({
  path: `arkisto.mbox#<${i}@yritys.fi>`,
  score: i / 3,
  agent: i % 2 === 0 ? undefined : 'Maija',
  findings: [{ ruleId: 'phrase/calque', actual: 'Älä epäröi ottaa yhteyttä', suggestions: ['Kysy rohkeasti'] }],
  text: 'ä'.repeat(i * 97),
});

describe('Spool', () => {
  it('gives back what was added, in order, the same every time it is read', () => {
    const spool = new Spool<ReturnType<typeof record>>(scratch());
    const added = Array.from({ length: 300 }, (_, i) => record(i));
    for (const r of added) spool.add(r);
    expect(spool.onDisk).toBe(true);
    const first = [...spool];
    expect(first).toEqual(added);
    // undefined survives (JSON would drop it): the formatters tell "no agent" from a missing field.
    expect('agent' in first[0]!).toBe(true);
    expect([...spool]).toEqual(added);
    spool.close();
  });

  it('leaves no file behind in its directory, even while it is open', () => {
    const dir = scratch();
    const spool = new Spool<number>(dir);
    spool.add(1);
    expect(readdirSync(dir)).toEqual([]);
    expect([...spool]).toEqual([1]);
    spool.close();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps the values in memory where no temporary file can be made', () => {
    const spool = new Spool<string>(join(scratch(), 'not', 'there'));
    expect(spool.onDisk).toBe(false);
    spool.add('hei');
    spool.add('hej');
    expect([...spool]).toEqual(['hei', 'hej']);
  });

  it('is empty after close', () => {
    const spool = new Spool<number>(scratch());
    spool.add(7);
    spool.close();
    expect([...spool]).toEqual([]);
  });
});
