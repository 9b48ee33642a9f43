import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A class visit's check-in code comes from 16 random bytes kept with it (as hex) (and the server's
 * CHECK_IN_SECRET), no longer from the booking id alone: knowing a booking's id and the
 * secret is not enough to make its code. Codes handed out before keep working (no nonce).
 */
export class CheckInCodeNonce1764856800000 implements MigrationInterface {
  name = 'CheckInCodeNonce1764856800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE check_in_codes ADD COLUMN nonce text CHECK (nonce ~ '^[0-9a-f]{32}$')`);
  }

  async down(q: QueryRunner): Promise<void> {
    // codes made with a random part cannot be made without it: they end here, and their class
    // visits get codes from the booking id the next time they are shown (QR codes handed out
    // since this migration stop opening the door)
    await q.query(`DELETE FROM check_in_codes WHERE nonce IS NOT NULL`);
    await q.query(`ALTER TABLE check_in_codes DROP COLUMN nonce`);
  }
}
