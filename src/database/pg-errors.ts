/** The SQLSTATE of a driver error, if it is one. */
export function pgErrorCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The constraint a unique or check violation names, e.g. 'users_email_key'. */
export function pgConstraint(error: unknown): string | undefined {
  const e = error as { constraint?: unknown; driverError?: { constraint?: unknown } };
  const name = e?.driverError?.constraint ?? e?.constraint;
  return typeof name === 'string' ? name : undefined;
}

export const isUniqueViolation = (error: unknown, constraint?: string) =>
  pgErrorCode(error) === '23505' && (!constraint || pgConstraint(error) === constraint);

/** Errors that mean the database is gone or refused us, not that the request was bad. */
export function isConnectionError(error: unknown): boolean {
  const code = pgErrorCode(error) ?? '';
  const message = String((error as Error)?.message ?? '');
  return (
    code.startsWith('08') || // connection exception
    code === '57P01' || code === '57P02' || code === '57P03' || // admin shutdown, crash, cannot connect now
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(code) ||
    /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED/i.test(message)
  );
}

/** A row still referenced elsewhere. PostgreSQL 15 says 23503 for ON DELETE RESTRICT, 18 says 23001. */
export const isStillReferenced = (error: unknown) => ['23503', '23001'].includes(pgErrorCode(error) ?? '');
