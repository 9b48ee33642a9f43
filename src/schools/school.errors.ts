import { defineThings } from '../common/errors/error-catalog';
import { defineErrors } from '../common/errors/error-messages';

export const schoolErrors = defineErrors({
  class_name_taken: {
    status: 409,
    de: (p) => `Die Klasse „${p.name}“ gibt es an Ihrer Schule schon.`,
    en: (p) => `Your school already has a class "${p.name}".`,
  },
  class_has_pupils: {
    status: 409,
    de: 'Die Klasse wird noch gebraucht: Sie hat Schülerinnen und Schüler oder ist für eine Veranstaltung angemeldet. Bitte verschieben oder stornieren Sie diese zuerst.',
    en: 'The class is still in use: it has pupils or is booked for an event. Please move or cancel those first.',
  },
  pupil_has_placements: {
    status: 409,
    de: 'Für diese Schülerin / diesen Schüler gibt es noch Praxistage-Platzierungen. Bitte stornieren Sie diese zuerst; dann kann gelöscht werden.',
    en: 'This pupil still has practice-day placements. Please cancel them first; then the pupil can be deleted.',
  },
});

/** What a 404 of this feature can be about. */
export const schoolThings = defineThings({
  school_class: { de: 'Die Klasse', en: 'The class' },
  pupil: { de: 'Die Schülerin / der Schüler', en: 'The pupil' },
});
