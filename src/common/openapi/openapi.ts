import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { registeredErrors } from '../errors/error-catalog';
import { render, SAMPLE_PARAMS } from '../errors/error-messages';

const problemSchema = {
  type: 'object',
  description: 'RFC 9457 problem details. `code` names the error; `errors` lists each bad field; `conflicts` each conflict a refusal names.',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', example: 'urn:praxisnah:problem:validation_failed' },
    title: { type: 'string', example: 'Ungültige Anfrage' },
    status: { type: 'integer', example: 400 },
    detail: { type: 'string', example: 'Einige Angaben sind nicht gültig. Bitte prüfen Sie die markierten Felder.' },
    instance: { type: 'string', example: '/api/v1/registrations/company' },
    code: { type: 'string', enum: registeredErrors().map(([code]) => code) },
    requestId: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          field: { type: 'string', example: 'company.postalCode' },
          code: { type: 'string', example: 'matches' },
          message: { type: 'string', example: 'muss aus genau 5 Ziffern bestehen' },
        },
      },
    },
    conflicts: {
      type: 'array',
      description: 'What stands in the way, one by one (e.g. each cell of a stale day plan): the ids and names it is about, `rule` where a rule is broken, and `detail` in words.',
      items: {
        type: 'object',
        additionalProperties: true,
        properties: {
          detail: { type: 'string', example: 'Klasse 8a, 2. Stunde, Tischlerei Span: Klasse 8a hat in der 2. Stunde schon Pflegedienst Sonnenschein.' },
        },
      },
    },
  },
};

const statusText: Record<number, string> = {
  400: 'Invalid input (each field named in `errors`), unknown field or malformed JSON',
  401: 'Not logged in, or the token or session is invalid',
  403: 'The role may not do this (partners are read-only)',
  404: 'Not found — also for another organisation’s data',
  409: 'Conflicts with existing data',
  413: 'Request body too large',
  429: 'Too many attempts; see Retry-After',
  503: 'Database unreachable; retry',
};

/** Lists every error code with its status and German text, generated from the catalog. */
function errorTable() {
  const rows = registeredErrors().map(
    ([code, d]) => `| \`${code}\` | ${d.status} | ${render(d.de, SAMPLE_PARAMS)} |`,
  );
  return ['| code | status | text (de) |', '|---|---|---|', ...rows].join('\n');
}

/** Every operation answers errors as problem details; the document says so for each. */
function addProblemResponses(document: OpenAPIObject) {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const operation of Object.values(item) as Array<{ responses?: Record<string, unknown>; security?: unknown[] }>) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      const statuses = [400, 413, 429, 503];
      if (operation.security?.length) statuses.push(401, 403);
      if (path.includes('{')) statuses.push(404);
      statuses.push(409);
      for (const status of statuses) {
        operation.responses![String(status)] ??= {
          description: statusText[status],
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
        };
      }
    }
  }
}

export function setUpOpenApi(app: INestApplication) {
  const config = new DocumentBuilder()
    .setTitle('Praxisnah API')
    .setDescription(
      'Buchungsplattform für die Berufsorientierung in Nordthüringen. Errors are RFC 9457 problem details ' +
        '(`application/problem+json`) in German, or English with `Accept-Language: en`.\n\n' +
        errorTable(),
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API token from POST /api/v1/auth/tokens' })
    .addCookieAuth('praxisnah_session')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas.ProblemDetails = problemSchema as never;
  // Security on every route that is not public; the guard enforces the same.
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as Array<{ security?: unknown[]; 'x-public'?: boolean }>) {
      if (!operation || typeof operation !== 'object') continue;
      operation.security = operation['x-public'] ? [] : [{ bearer: [] }, { cookie: [] }];
      delete operation['x-public'];
    }
  }
  addProblemResponses(document);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return document;
}
