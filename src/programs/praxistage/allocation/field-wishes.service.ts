import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '../../../database/transaction';
import { PupilRef } from '../applications/applications.service';

/**
 * A pupil's ranked occupational-field wishes for the year (up to 3), set by the pupil or by
 * the school on the pupil's behalf. They count in a phase's proposal beside the Steckbriefe
 * the pupil applied to; the same field twice is kept once, at its first rank.
 */
@Injectable()
export class FieldWishesService {
  constructor(private readonly dataSource: DataSource) {}

  async of(pupil: Pick<PupilRef, 'eventId' | 'pupilId'>): Promise<{ fields: string[] }> {
    const rows: Array<{ field: string }> = await this.dataSource.query(
      `SELECT occupational_field AS field FROM praxistage_field_wishes WHERE event_id = $1 AND pupil_id = $2 ORDER BY rank`,
      [pupil.eventId, pupil.pupilId],
    );
    return { fields: rows.map((r) => r.field) };
  }

  async set(pupil: Pick<PupilRef, 'eventId' | 'pupilId'>, fields: string[]): Promise<{ fields: string[] }> {
    const ranked = [...new Set(fields.filter((f) => f.length > 0))].slice(0, 3);
    await inTransaction(this.dataSource, async (manager) => {
      await manager.query(`DELETE FROM praxistage_field_wishes WHERE event_id = $1 AND pupil_id = $2`, [pupil.eventId, pupil.pupilId]);
      for (const [i, field] of ranked.entries()) {
        await manager.query(`INSERT INTO praxistage_field_wishes (event_id, pupil_id, rank, occupational_field) VALUES ($1, $2, $3, $4)`, [pupil.eventId, pupil.pupilId, i + 1, field]);
      }
    });
    return this.of(pupil);
  }

  /** The occupational fields of the year's approved Steckbriefe: what a wish can name. */
  async offeredFields(eventId: string): Promise<string[]> {
    const rows: Array<{ field: string }> = await this.dataSource.query(
      `SELECT DISTINCT occupational_field AS field FROM practicum_offers WHERE event_id = $1 AND review_status = 'approved' ORDER BY 1`,
      [eventId],
    );
    return rows.map((r) => r.field);
  }

  /** The form's three choices, in the order of the wishes. */
  async form(pupil: Pick<PupilRef, 'eventId' | 'pupilId'>, locale: 'de' | 'en') {
    const [{ fields }, offered] = await Promise.all([this.of(pupil), this.offeredFields(pupil.eventId)]);
    const none = { value: '', label: locale === 'de' ? '– kein Wunsch –' : '– no wish –' };
    // a wish whose field no Steckbrief offers any more stays choosable, so saving keeps it
    const options = [none, ...[...new Set([...offered, ...fields])].sort((a, b) => a.localeCompare(b, 'de')).map((field) => ({ value: field, label: field }))];
    return { ranks: [0, 1, 2].map((i) => ({ name: `wish${i + 1}`, rank: i + 1, value: fields[i] ?? '' })), options };
  }
}
