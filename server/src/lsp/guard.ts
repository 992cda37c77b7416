// The server's boundary: every handler runs inside a guard that checks its params against a zod
// schema (params.ts) and keeps the server alive. A request with bad params is answered
// InvalidParams naming what is wrong; one that fails otherwise is logged and answered with a
// ResponseError; a notification with bad params is dropped with one log line.
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { z } from 'zod';
import { CancelledError } from '../engine/index.js';
import { describeIssues } from './params.js';

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

/** The jsonrpc cancellation token among a handler's arguments (params from JSON never hold a function). */
export function isToken(x: unknown): x is CancellationToken {
  const t = x as CancellationToken | null;
  return typeof t === 'object' && t !== null && typeof t.isCancellationRequested === 'boolean' && typeof t.onCancellationRequested === 'function';
}

/** Wraps a request handler (sync or async). jsonrpc calls it with (params, token, …), with
 *  (token) when the request has no params, and spreads positional params. */
export function guardRequest<S extends z.ZodType, R>(name: string, log: Logger, schema: S, fn: (params: z.output<S>, token: CancellationToken | undefined) => R | Promise<R>) {
  return async (...args: unknown[]): Promise<R | ResponseError<void>> => {
    const token = args.find(isToken);
    const params = args[0] === token ? undefined : args[0];
    try {
      const parsed = schema.safeParse(params);
      if (!parsed.success) throw invalidParams(`${name}: ${describeIssues(parsed.error)}`);
      return await fn(parsed.data, token);
    } catch (e) {
      return toResponseError(name, e, log);
    }
  };
}

/** Wraps a notification handler: bad params are dropped with one log line; errors are logged, never thrown. */
export function guardNotification<S extends z.ZodType>(name: string, log: Logger, schema: S, fn: (params: z.output<S>) => void | Promise<void>) {
  return (...args: unknown[]): void => {
    const parsed = schema.safeParse(args[0]);
    if (!parsed.success) {
      log.warn(`claimlint: ignored ${name}: ${describeIssues(parsed.error)}`);
      return;
    }
    try {
      const r = fn(parsed.data);
      if (r && typeof (r as Promise<void>).catch === 'function') {
        (r as Promise<void>).catch((e) => log.error(`claimlint: ${name} failed: ${describe(e)}`));
      }
    } catch (e) {
      log.error(`claimlint: ${name} failed: ${describe(e)}`);
    }
  };
}
