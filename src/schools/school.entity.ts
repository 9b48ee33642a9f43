import { Column, Entity } from 'typeorm';
import { OrganisationRecord } from '../organisations/organisation.entity-base';
import type { SchoolType } from '../organisations/region';

@Entity('schools')
export class School extends OrganisationRecord {
  @Column('text')
  schoolType: SchoolType;

  /** The coordinating teacher for career orientation. */
  @Column('text')
  coordinator: string;
}
