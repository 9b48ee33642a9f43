/** One class visit to book: which school's class, and how many come. */
export type ClassVisit = { schoolId: string; classId: string; pupils: number; teachers: number };

export type Measurement = {
  name: string;
  requests: number;
  seconds: number;
  throughput: number;
  p50: number;
  p99: number;
  outcomes: Record<string, number>;
  errors: number;
  firstErrors: string[];
};

/**
 * Sends every item through `send` from `concurrency` workers at once, one request after the
 * other per worker, and records each request's latency and outcome.
 */
export async function measure<T>(
  name: string,
  items: T[],
  concurrency: number,
  send: (item: T, index: number) => Promise<string>,
): Promise<Measurement> {
  const latencies: number[] = [];
  const outcomes: Record<string, number> = {};
  const firstErrors: string[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      const t0 = performance.now();
      try {
        const outcome = await send(items[index], index);
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      } catch (error) {
        errors++;
        if (firstErrors.length < 5) firstErrors.push(String(error));
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  const result = { name, requests: items.length, seconds, throughput: items.length / seconds, p50: at(0.5), p99: at(0.99), outcomes, errors, firstErrors };
  if (firstErrors.length) console.error(`${name}: ${errors} errors, e.g. ${firstErrors.join(' | ')}`);
  return result;
}
