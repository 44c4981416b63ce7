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

/**
 * A progress bar on stderr for runs that last over a second, only on a
 * terminal (never in pipes, CI logs or with --quiet). cli-progress is loaded
 * only when the bar is due.
 */
export function createProgress(stream: NodeJS.WriteStream, enabled: boolean, uiLang: UiLang): Progress {
  if (!enabled || !stream.isTTY) return { setTotal() {}, bytes() {}, tick() {}, stop() {} };
  const started = Date.now();
  let done = 0;
  let total = 0;
  let byteMode = false;
  let value = () => done;
  let bar: { start(total: number, value: number, payload?: object): void; update(value: number, payload?: object): void; setTotal(t: number): void; stop(): void } | undefined;
  let loading = false;
  const show = async () => {
    loading = true;
    const { default: cliProgress } = await import('cli-progress');
    const format = byteMode
      ? `{bar} {percentage}% · {mb} MB · {done} ${LABEL[uiLang]} · {speed}/s · ETA {eta_formatted}`
      : total > 0
      ? `{bar} {percentage}% · {value}/{total} ${LABEL[uiLang]} · {speed}/s · ETA {eta_formatted}`
      : `{value} ${LABEL[uiLang]} · {speed}/s · {duration_formatted}`;
    bar = new cliProgress.SingleBar({ stream, format, hideCursor: true, clearOnComplete: true, etaBuffer: 200, fps: 5 }, cliProgress.Presets.shades_classic);
    bar.start(total || 1, value(), payload());
  };
  const speed = () => Math.round(done / Math.max(0.001, (Date.now() - started) / 1000));
  let read = 0;
  const payload = () => ({ speed: speed(), done, mb: (read / 1e6).toFixed(0) });
  return {
    setTotal(t) {
      total = t;
      bar?.setTotal(t);
    },
    bytes(r, t) {
      byteMode = true;
      read = r;
      total = t;
      value = () => read;
    },
    tick() {
      done++;
      if (!bar && !loading && Date.now() - started > 1000) void show();
      if (bar && done % 16 === 0) bar.update(value(), payload());
    },
    stop() {
      bar?.update(value(), payload());
      bar?.stop();
    },
  };
}
