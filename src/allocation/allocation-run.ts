/**
 * A run of a proposal: asked (queued), solving (running), done with a result, failed, or
 * closed by people — committed (accepted) or stale (refused because the world changed).
 */
export const RUN_STATUSES = ['queued', 'running', 'done', 'failed', 'committed', 'stale'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface AllocationRun<Result = unknown> {
  id: string;
  /** What the run proposes for, e.g. a phase of a year for one school; one run at a time per scope. */
  scope: string;
  status: RunStatus;
  requestedBy: string | null;
  /** A fingerprint of the input the run was made from, to tell later whether it changed. */
  inputStamp: string;
  settings: Record<string, unknown>;
  result: Result | null;
  objective: number | null;
  optimal: boolean | null;
  gap: number | null;
  durationMs: number | null;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** What a program's work gives back: its result (stored as JSON) and the solver's figures. */
export interface RunOutcome<Result> {
  result: Result;
  objective: number | null;
  optimal: boolean;
  gap: number | null;
  durationMs: number;
}

export interface RunRequest<Result> {
  scope: string;
  requestedBy: string | null;
  inputStamp: string;
  settings: Record<string, unknown>;
  /** The solver's time limit: a run running longer than this and a margin is taken for dead. */
  timeLimitSeconds: number;
  /** The work, done in the background by this instance once the run is recorded. */
  work: () => Promise<RunOutcome<Result>>;
}

export const RUN_COLUMNS = `id, scope, status, requested_by AS "requestedBy", input_stamp AS "inputStamp", settings, result, objective, optimal, gap,
  duration_ms AS "durationMs", error, created_at AS "createdAt", started_at AS "startedAt", finished_at AS "finishedAt"`;
