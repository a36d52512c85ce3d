import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorKind } from '../usecases/errors';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

/** Every failure leaves as `{ error: { code, message } }`; only a bug gives a 500. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, request, reply) => {
    if (err instanceof AppError) return reply.status(STATUS[err.kind]).send(errorBody(err.code, err.message));
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation
        .map((v) => {
          const where = [err.validationContext, ...(v.instancePath ? v.instancePath.split('/').filter(Boolean) : [])].join('.');
          return `${where}: ${(v.message ?? 'is not valid').replace(/\.$/, '')}`;
        })
        .join('; ');
      return reply.status(400).send(errorBody('invalid_request', `The request is not valid — ${details}.`));
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err }, 'response did not match its contract');
      return reply.status(500).send(errorBody('internal', 'Something went wrong on our side; the error was logged.'));
    }
    const status = (err as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      const code = (err as FastifyError).code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError ? 'invalid_json' : 'bad_request';
      const message = status === 429 ? 'Too many requests; wait a minute and try again.' : err.message;
      return reply.status(status).send(errorBody(status === 429 ? 'rate_limited' : code, message));
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send(errorBody('internal', 'Something went wrong on our side; the error was logged.'));
  });
}
