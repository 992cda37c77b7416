// The params of every message the server handles, checked where they arrive: a request with
// missing or mistyped fields is answered InvalidParams (-32602) naming them, a notification like
// that is dropped with one log line. Objects are loose: fields the server does not read pass.
import { z } from 'zod';

/** LSP `uinteger` (positions, lines, characters). */
const uinteger = z.number().int().min(0).max(2 ** 31 - 1);
/** LSP `integer` (document versions). */
const integer = z.number().int().min(-(2 ** 31)).max(2 ** 31 - 1);
const uri = z.string();
const position = z.looseObject({ line: uinteger, character: uinteger });
const range = z.looseObject({ start: position, end: position });
const textDocument = z.looseObject({ uri });
const positionParams = z.looseObject({ textDocument, position });
const workspaceFolder = z.looseObject({ uri, name: z.string() });
const diagnostic = z.looseObject({
  range,
  message: z.string(),
  code: z.union([z.string(), z.number()]).optional(),
  source: z.string().optional(),
  severity: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).optional(),
});

export const InitializeParamsSchema = z.looseObject({
  capabilities: z.looseObject({}),
  rootUri: uri.nullish(),
  rootPath: z.string().nullish(),
  workspaceFolders: z.array(workspaceFolder).nullish(),
  initializationOptions: z.unknown().optional(),
});

export const DidOpenParamsSchema = z.looseObject({
  textDocument: z.looseObject({ uri, languageId: z.string(), version: integer, text: z.string() }),
});

/** A change with a range, or a whole new text (then no range at all). */
const contentChange = z.union([
  z.looseObject({ range, rangeLength: uinteger.optional(), text: z.string() }),
  z.looseObject({ range: z.undefined().optional(), text: z.string() }),
]);
export const DidChangeParamsSchema = z.looseObject({
  textDocument: z.looseObject({ uri, version: integer }),
  contentChanges: z.array(contentChange),
});

export const DidCloseParamsSchema = z.looseObject({ textDocument });
export const DidSaveParamsSchema = z.looseObject({ textDocument, text: z.string().optional() });
export const DidChangeConfigurationParamsSchema = z.looseObject({ settings: z.unknown().optional() });
export const DidChangeWatchedFilesParamsSchema = z.looseObject({
  changes: z.array(z.looseObject({ uri, type: z.union([z.literal(1), z.literal(2), z.literal(3)]) })),
});
export const DidChangeWorkspaceFoldersParamsSchema = z.looseObject({
  event: z.looseObject({ added: z.array(workspaceFolder), removed: z.array(workspaceFolder) }),
});

export const HoverParamsSchema = positionParams;
export const DefinitionParamsSchema = positionParams;
export const CompletionParamsSchema = positionParams.extend({
  context: z.looseObject({ triggerKind: z.union([z.literal(1), z.literal(2), z.literal(3)]), triggerCharacter: z.string().optional() }).optional(),
});
export const CodeActionParamsSchema = z.looseObject({
  textDocument,
  range,
  context: z.looseObject({ diagnostics: z.array(diagnostic), only: z.array(z.string()).optional() }),
});

export const DocumentEvidenceParamsSchema = z.looseObject({ uri });
export const ExportBibliographyParamsSchema = z.looseObject({
  uris: z.array(uri),
  format: z.enum(['csl-json', 'bibtex']).optional(),
});
/** Requests and notifications without params accept whatever comes. */
export const AnyParamsSchema = z.unknown();

/** "textDocument.uri: expected string, received number; position: …", at most three issues. */
export function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((i) => `${i.path.length ? i.path.join('.') : 'params'}: ${i.message}`);
  if (error.issues.length > 3) shown.push(`and ${error.issues.length - 3} more`);
  return shown.join('; ');
}
