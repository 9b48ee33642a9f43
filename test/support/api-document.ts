import request from 'supertest';
import { TestApp } from './test-app';

export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** One operation of the API document, with what a hostile client can aim at. */
export interface Operation {
  method: Method;
  path: string;
  /** Path parameters in order, e.g. ['schoolId', 'classId']. */
  params: string[];
  query: string[];
  isPublic: boolean;
  program?: string;
  /** Name of the JSON body's schema, if the route takes one. */
  body?: string;
}

interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
}
export interface ApiDocument {
  paths: Record<string, Record<string, { security?: unknown[]; tags?: string[]; parameters?: Array<{ in: string; name: string }>; requestBody?: { content: Record<string, { schema: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
}

export const PROGRAM_TAGS = ['handwerkertag', 'schule-trifft-wirtschaft', 'praxistage'];

export async function apiDocument(t: TestApp): Promise<ApiDocument> {
  return (await request(t.http).get('/api/docs-json').expect(200)).body;
}

/** Every operation of the document: new routes join every walk over it by themselves. */
export function operationsOf(doc: ApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({
      method: method as Method,
      path,
      params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
      query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      isPublic: Array.isArray(op.security) && op.security.length === 0,
      program: op.tags?.find((tag) => PROGRAM_TAGS.includes(tag)),
      body: op.requestBody?.content['application/json']?.schema.$ref?.split('/').pop(),
    })),
  );
}

const resolve = (doc: ApiDocument, schema: Schema): Schema => {
  if (schema.$ref) return resolve(doc, doc.components.schemas[schema.$ref.split('/').pop()!]);
  if (schema.allOf?.length === 1) return resolve(doc, schema.allOf[0]);
  return schema;
};

/** The documented fields of a body schema; nested objects give their own fields as `parent.child`. */
export function documentedFields(doc: ApiDocument, schemaName: string): { top: string[]; nested: Record<string, string[]> } {
  const schema = resolve(doc, { $ref: schemaName });
  const top = Object.keys(schema.properties ?? {});
  const nested: Record<string, string[]> = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const inner = resolve(doc, property);
    if (inner.properties) nested[name] = Object.keys(inner.properties);
  }
  return { top, nested };
}

/** Fills `{param}` placeholders from the given ids, encoded as a client would send them. */
export const fillPath = (path: string, ids: Record<string, string>) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(ids[name] ?? name));
