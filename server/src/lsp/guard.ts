// Keeps the server alive: every handler runs inside a guard that logs an exception and answers
// the request with a ResponseError instead of letting it escape.
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import { CancelledError } from '../engine/types.js';

export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
}

/** A request failure the client caused (bad params, unknown document): answered, not logged as a bug. */
export class RequestError extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
    this.name = 'RequestError';
  }
}

export const invalidParams = (message: string) => new RequestError(ErrorCodes.InvalidParams, message);
/** The document changed while the request waited for its analysis. */
export const contentModified = () => new RequestError(LSPErrorCodes.ContentModified, 'document changed during the request');
/** The client cancelled the request while it waited. */
export const requestCancelled = () => new RequestError(LSPErrorCodes.RequestCancelled, 'request cancelled');

const describe = (e: unknown) => (e instanceof Error ? e.stack ?? e.message : String(e));

export function toResponseError(name: string, e: unknown, log: Logger): ResponseError<void> {
  if (e instanceof ResponseError) return e;
  if (e instanceof RequestError) return new ResponseError(e.code, e.message);
  if (e instanceof CancelledError) return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
  log.error(`claimlint: ${name} failed: ${describe(e)}`);
  return new ResponseError(ErrorCodes.InternalError, `claimlint: ${name} failed: ${e instanceof Error ? e.message : String(e)}`);
}

/** Wraps a request handler (sync or async). */
export function guardRequest<P, R>(name: string, log: Logger, fn: (params: P, token: CancellationToken) => R | Promise<R>) {
  return async (params: P, token: CancellationToken): Promise<R | ResponseError<void>> => {
    try {
      return await fn(params, token);
    } catch (e) {
      return toResponseError(name, e, log);
    }
  };
}

/** Wraps a notification/event handler: errors are logged, never thrown. */
export function guardNotification<P>(name: string, log: Logger, fn: (params: P) => void | Promise<void>) {
  return (params: P): void => {
    try {
      const r = fn(params);
      if (r && typeof (r as Promise<void>).catch === 'function') {
        (r as Promise<void>).catch((e) => log.error(`claimlint: ${name} failed: ${describe(e)}`));
      }
    } catch (e) {
      log.error(`claimlint: ${name} failed: ${describe(e)}`);
    }
  };
}
