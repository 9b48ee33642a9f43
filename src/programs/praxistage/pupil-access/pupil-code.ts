import { randomInt } from 'node:crypto';
import { hashSecret } from '../../../auth/secrets';

// No 0/O, 1/I/L: a pupil types the code from paper. 31 letters, 12 of them: 59 bits.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 12;

/** A new personal access code, e.g. "K7QM-2XPA-HT9C": random, printable, nothing about the pupil in it. */
export function newPupilCode(): string {
  const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** The code as typed (spaces, dashes, small letters forgiven) to its stored hash. */
export function hashPupilCode(typed: string): string {
  return hashSecret(`pupil:${typed.toUpperCase().replace(/[^A-Z0-9]/g, '')}`);
}
