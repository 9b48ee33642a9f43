import { IsIn, Matches } from 'class-validator';
import { Email, PHONE, POSTAL_CODE, Text } from '../../common/validation/rules';
import { District, DISTRICT_KEYS } from '../region';

/** Fields every organisation's profile has: name, address in the region, phone, e-mail. */
export abstract class OrganisationProfileDto {
  /** e.g. "Bäckerei Müller GmbH" or "Lessingschule Nordhausen". */
  @Text(200)
  name: string;

  @Text(200)
  street: string;

  /** Five-digit German postal code. */
  @Matches(POSTAL_CODE, { message: 'postalCode' })
  postalCode: string;

  @Text(100)
  town: string;

  /** One of the four districts of Nordthüringen. */
  @IsIn(DISTRICT_KEYS)
  district: District;

  @Matches(PHONE, { message: 'phone' })
  phone: string;

  @Email()
  email: string;
}
