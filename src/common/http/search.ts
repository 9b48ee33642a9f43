/** Escapes a user's search text for ILIKE, so `%` and `_` match themselves. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
