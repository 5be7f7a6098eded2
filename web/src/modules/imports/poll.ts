// Following a job (GET /api/jobs/{id}) until it ends.
import type { Job } from '../../app/types';

export interface PollOptions {
  /** Milliseconds between two reads; grows by half up to maxInterval. */
  interval?: number;
  maxInterval?: number;
  onUpdate?: (job: Job) => void;
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export function isFinished(job: Job): boolean {
  return job.status === 'succeeded' || job.status === 'failed';
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new DOMException('aborted', 'AbortError'));
    }, { once: true });
  });
}

export async function pollJob(read: () => Promise<Job>, options: PollOptions = {}): Promise<Job> {
  const sleep = options.sleep ?? defaultSleep;
  let wait = options.interval ?? 500;
  const max = options.maxInterval ?? 3000;
  for (;;) {
    if (options.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const job = await read();
    options.onUpdate?.(job);
    if (isFinished(job)) return job;
    await sleep(wait, options.signal);
    wait = Math.min(max, Math.round(wait * 1.5));
  }
}

/** Share of the work done, 0..1, or null when the job does not say. */
export function progressRatio(job: Job): number | null {
  const p = job.progress;
  if (!p || !p.total || p.total <= 0) return job.status === 'succeeded' ? 1 : null;
  return Math.max(0, Math.min(1, p.done / p.total));
}

export const CONTENT_TYPES: Record<string, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The content type to send for a file name, or null when imports do not take it. */
export function contentTypeFor(fileName: string): string | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  return CONTENT_TYPES[ext] ?? null;
}
