import { defineThings } from '../common/errors/error-catalog';

/** What a 404 of this feature can be about. */
export const documentThings = defineThings({
  document: { de: 'Das Dokument', en: 'The document' },
});
