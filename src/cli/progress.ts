import type { UiLang } from '../types.js';

/** What the progress line counts: messages linted, and the total when it is known. */
export interface Progress {
  setTotal(total: number): void;
  /** Bytes read of a streamed archive: the bar then measures bytes, not replies. */
  bytes(read: number, total: number): void;
  tick(): void;
  stop(): void;
}

const LABEL: Record<UiLang, string> = { fi: 'vastausta', sv: 'svar', en: 'replies' };
const LEFT: Record<UiLang, string> = { fi: 'jäljellä', sv: 'kvar', en: 'left' };

/** "1 min 05 s", "12 s"; nothing while the rate is not known yet. */
function remaining(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s` : `${s} s`;
}

/**
 * A progress bar on stderr for runs that last over a second, only on a
 * terminal (never in pipes, CI logs or with --quiet), in the UI language.
 * It shows 100 % only once the run is done: an archive is read ahead of the
 * linting, so its bytes reach the end before its last replies are linted.
 * cli-progress is loaded only when the bar is due.
 */
export function createProgress(stream: NodeJS.WriteStream, enabled: boolean, uiLang: UiLang): Progress {
  if (!enabled || !stream.isTTY) return { setTotal() {}, bytes() {}, tick() {}, stop() {} };
  const started = Date.now();
  let done = 0;
  let total = 0;
  let byteMode = false;
  let measured = () => done;
  let finished = false;
  // Short of the end until stop(): cli-progress computes the percentage from value/total.
  const value = () => (finished || total === 0 ? measured() : Math.min(measured(), total * 0.99));
  let bar: { start(total: number, value: number, payload?: object): void; update(value: number, payload?: object): void; setTotal(t: number): void; stop(): void } | undefined;
  let loading = false;
  const show = async () => {
    loading = true;
    const { default: cliProgress } = await import('cli-progress');
    // "42 %" in Finnish and Swedish, "42%" in English.
    const pct = uiLang === 'en' ? '{percentage}%' : '{percentage} %';
    const format = byteMode
      ? `{bar} ${pct} · {mb} MB · {done} ${LABEL[uiLang]} · {speed}/s · ${LEFT[uiLang]} {left}`
      : total > 0
      ? `{bar} ${pct} · {value}/{total} ${LABEL[uiLang]} · {speed}/s · ${LEFT[uiLang]} {left}`
      : `{value} ${LABEL[uiLang]} · {speed}/s`;
    bar = new cliProgress.SingleBar({ stream, format, hideCursor: true, clearOnComplete: true, fps: 5 }, cliProgress.Presets.shades_classic);
    bar.start(total || 1, value(), payload());
  };
  const elapsed = () => Math.max(0.001, (Date.now() - started) / 1000);
  const speed = () => Math.round(done / elapsed());
  let read = 0;
  const left = () => {
    const v = measured();
    return total > 0 && v > 0 ? remaining(((total - v) * elapsed()) / v) : remaining(NaN);
  };
  const payload = () => ({ speed: speed(), done, mb: (read / 1e6).toFixed(0), left: left() });
  return {
    setTotal(t) {
      total = t;
      bar?.setTotal(t);
    },
    bytes(r, t) {
      byteMode = true;
      read = r;
      total = t;
      measured = () => read;
    },
    tick() {
      done++;
      if (!bar && !loading && Date.now() - started > 1000) void show();
      if (bar && done % 16 === 0) bar.update(value(), payload());
    },
    stop() {
      finished = true;
      bar?.update(value(), payload());
      bar?.stop();
    },
  };
}
