import { Column, Entity } from 'typeorm';
import { OrganisationRecord } from '../organisations/organisation.entity-base';

/** A business (Betrieb): presents at fairs, comes to schools, takes Praxistage pupils. */
@Entity('companies')
export class Company extends OrganisationRecord {
  /** Trade or branch, e.g. "Elektrohandwerk", "Bäckerei". */
  @Column('text')
  branch: string;

  /** Apprenticeships (Ausbildungsberufe) the company trains in. */
  @Column('text', { array: true, default: () => "'{}'" })
  apprenticeships: string[];

  @Column('text')
  contactPerson: string;

  @Column('text', { nullable: true })
  website: string | null;

  @Column('text', { default: '' })
  description: string;
}
