/** The four districts (Landkreise) of Nordthüringen, with their German names. */
export const DISTRICTS = {
  nordhausen: 'Landkreis Nordhausen',
  kyffhaeuserkreis: 'Kyffhäuserkreis',
  'unstrut-hainich-kreis': 'Unstrut-Hainich-Kreis',
  eichsfeld: 'Landkreis Eichsfeld',
} as const;
export type District = keyof typeof DISTRICTS;
export const DISTRICT_KEYS = Object.keys(DISTRICTS) as District[];

export const SCHOOL_TYPES = {
  regelschule: 'Regelschule',
  gemeinschaftsschule: 'Gemeinschaftsschule',
  gymnasium: 'Gymnasium',
  foerderschule: 'Förderschule',
  'berufsbildende-schule': 'Berufsbildende Schule',
} as const;
export type SchoolType = keyof typeof SCHOOL_TYPES;
export const SCHOOL_TYPE_KEYS = Object.keys(SCHOOL_TYPES) as SchoolType[];
