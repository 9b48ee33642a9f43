import { Logger } from '@nestjs/common';
import { repeatEvery } from './repeating-job';

const quietLogger = () => {
  const logger = new Logger('test');
  const errors: string[] = [];
  logger.error = (message: string) => void errors.push(message);
  return { logger, errors };
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('repeatEvery', () => {
  it('runs the pass again and again, never two at once, and waits for the running one on stop', async () => {
    const { logger } = quietLogger();
    let running = 0;
    let most = 0;
    let passes = 0;
    const job = repeatEvery(5, async () => {
      running++;
      most = Math.max(most, running);
      await sleep(20);
      running--;
      passes++;
    }, logger, 'test job');
    await sleep(80);
    await job.stop();
    const after = passes;
    expect(running).toBe(0);
    expect(most).toBe(1);
    expect(after).toBeGreaterThanOrEqual(2);
    await sleep(30);
    expect(passes).toBe(after);
  });

  it('logs a failed pass and goes on with the next', async () => {
    const { logger, errors } = quietLogger();
    let calls = 0;
    const job = repeatEvery(5, async () => {
      calls++;
      if (calls === 1) throw new Error('Datenbank weg');
    }, logger, 'test job');
    await sleep(40);
    await job.stop();
    expect(errors[0]).toBe('test job failed: Datenbank weg');
    expect(calls).toBeGreaterThan(1);
  });

  it('never runs when switched off (0)', async () => {
    const { logger } = quietLogger();
    let calls = 0;
    const job = repeatEvery(0, async () => void calls++, logger, 'test job');
    await sleep(20);
    await job.stop();
    expect(calls).toBe(0);
  });
});
