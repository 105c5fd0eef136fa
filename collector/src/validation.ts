/**
 * One validation machinery for every request: each route declares its body, query string
 * and path parameters as TypeBox schemas (the JSON Schema and the handler's static type),
 * Fastify compiles them once with Ajv, and every refusal is a 400 reading
 * `<where> <problem>`, with the field to mend, as ingest's per-event rejections do:
 * `site must NOT have more than 100 characters`, `querystring/url must NOT have more than
 * 2048 characters`, `events/3/id must match pattern …`.
 */
import { Type } from '@sinclair/typebox';
import { Ajv, type ErrorObject } from 'ajv';
import type { FastifySchemaCompiler, FastifySchemaValidationError, FastifyServerOptions } from 'fastify';
import { httpError } from './hooks.js';

/**
 * Bodies are JSON, whose types are the client's: never coerced (`"rating": "5"` is refused).
 * Only the first error is reported, so a hostile body costs one error, not thousands.
 */
export const bodyAjv = new Ajv({ allErrors: false, coerceTypes: false, useDefaults: true, removeAdditional: true });

/** Query strings and path parameters are text by nature: `limit=10` is read as the number it spells. */
const textAjv = new Ajv({ allErrors: false, coerceTypes: true, useDefaults: true, removeAdditional: true });

/** For `app.setValidatorCompiler`: bodies strict, query strings and parameters read as numbers where the schema says so. */
export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? bodyAjv : textAjv).compile(schema);

type SchemaError = Pick<ErrorObject, 'keyword' | 'instancePath' | 'params' | 'message'> | FastifySchemaValidationError;

/** Ajv's message, except that an `enum` lists what it allows. */
const problem = ({ keyword, params, message }: SchemaError) =>
  keyword === 'enum' ? `must be one of ${(params.allowedValues as unknown[]).join(', ')}` : message;

/** The top-level field a client should mend: the first step of the path, or the property missing. */
function fieldOf({ keyword, instancePath, params }: SchemaError) {
  const top = instancePath.split('/')[1];
  if (top !== undefined) return top;
  return keyword === 'required' ? String(params.missingProperty) : undefined;
}

/**
 * The first error as `<where>/<path> <problem>`, e.g. `events/3/id must NOT have more than 32 characters`.
 *
 * @param where the validated value's path ('' for the body, which then reads `body` alone)
 */
export function reason(errors: SchemaError[], where: string) {
  const [error] = errors;
  return `${[where, error.instancePath.slice(1)].filter(Boolean).join('/') || 'body'} ${problem(error)}`;
}

/** The 400 answering a request part that fails its schema, naming the field. */
function refusal(errors: SchemaError[], where: string) {
  return httpError(400, reason(errors, where), fieldOf(errors[0]));
}

/** For Fastify's `schemaErrorFormatter`: body fields are named bare, others after their part (`querystring/url`). */
export const schemaErrorFormatter: NonNullable<FastifyServerOptions['schemaErrorFormatter']> = (errors, dataVar) =>
  refusal(errors, dataVar === 'body' ? '' : dataVar);

/** A string among `values`, refused as `must be one of a, b, c` (a union of literals would read "must be equal to constant"). */
export const oneOf = <T extends string>(values: readonly T[], options: { default?: T } = {}) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...options });
