import { defineErrors } from '../common/errors/error-messages';

export const schoolErrors = defineErrors({
  class_name_taken: {
    status: 409,
    de: (p) => `Die Klasse „${p.name}“ gibt es an Ihrer Schule schon.`,
    en: (p) => `Your school already has a class "${p.name}".`,
  },
  class_has_pupils: {
    status: 409,
    de: 'Die Klasse hat noch eingetragene Schülerinnen und Schüler. Bitte entfernen oder verschieben Sie diese zuerst.',
    en: 'The class still has pupils. Please remove or move them first.',
  },
});
