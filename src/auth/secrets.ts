import { createHash, randomBytes } from 'node:crypto';

/** A random secret for cookies, tokens and invitation links, with a readable prefix. */
export const newSecret = (prefix: string) => `${prefix}_${randomBytes(32).toString('base64url')}`;

/**
 * Secrets are stored as SHA-256 and looked up by that hash: an equality lookup on a hash
 * reveals nothing about the secret through timing, and a database copy cannot log in.
 */
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');
