// The claimlint language server: wires LSP messages to the scheduler (when documents are
// analysed), the feature providers (hover, definition, code actions, completion, evidence) and
// the publisher, and owns the lifecycle, configuration and reloads. What depends on where it runs
// (files, configs and packs on disk under Node; the embedded database only in a browser's web
// worker) comes in through a ServerEnv (server.ts, browser-server.ts).
import {
  CodeActionKind, CodeActionRequest, CompletionRequest, DefinitionRequest, ExecuteCommandRequest, HoverRequest, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, DidChangeWorkspaceFoldersNotification,
  ErrorCodes, FileChangeType, MarkupKind, MessageType, ParameterStructures, RequestType, RequestType0, ResponseError,
  ShowMessageNotification, TextDocumentSyncKind,
  type Command, type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { z } from 'zod';
import type { ClientCaps } from './analysed.js';
import { FIX_ALL_KIND, IGNORE_COMMAND, CodeActionProvider } from './code-actions.js';
import type { Finding } from '../engine/index.js';
import { entryFor, withoutIgnored, type IgnoredEntry } from '../ignored/fingerprint.js';
import { CompletionProvider } from './completion.js';
import { DefinitionProvider } from './definition.js';
import { DocumentSettings } from './document-settings.js';
import { EvidenceProvider } from './evidence.js';
import { guardNotification, guardRequest, type Logger } from './guard.js';
import { HoverProvider } from './hover.js';
import { uriToPath } from './locations.js';
import {
  AnyParamsSchema, CodeActionParamsSchema, CompletionParamsSchema, DefinitionParamsSchema, describeIssues,
  DidChangeConfigurationParamsSchema, DidChangeParamsSchema, DidChangeWatchedFilesParamsSchema, DidChangeWorkspaceFoldersParamsSchema,
  DidCloseParamsSchema, DidOpenParamsSchema, DidSaveParamsSchema, DocumentEvidenceParamsSchema, ExportBibliographyParamsSchema,
  HoverParamsSchema, InitializeParamsSchema,
} from './params.js';
import {
  DocumentEvidenceRequest, ExportBibliographyRequest, ReloadRequest,
  type ClaimlintInitializationOptions, type DocumentEvidenceParams, type DocumentEvidenceResult,
  type ExportBibliographyParams, type ExportBibliographyResult,
} from './protocol.js';
import { Publisher } from './publisher.js';
import { Scheduler } from './scheduler.js';
import { readSettings } from './settings.js';
import { warmUp } from './warm-up.js';
import type { DocContext, Workspace, WorkspaceOptions } from './workspace.js';

/** What the server uses of a workspace (Workspace under Node; the embedded database alone in a browser). */
export type WorkspaceHost = Pick<Workspace, 'trusted' | 'embedded' | 'contextFor' | 'problems' | 'isRelevant' | 'invalidate'>
  & Partial<Pick<Workspace, 'ignoredFor' | 'ignoreFileFor'>>;

/** What depends on where the server runs. */
export interface ServerEnv {
  createWorkspace(opts: WorkspaceOptions): WorkspaceHost;
  /** Told how much short-lived memory each publish leaves (Node: collects it when typing pauses). */
  memory?: { spent(bytes: number): void };
  /** Reads a draft that is not open (bibliography export); absent without a file system. */
  readFile?: (path: string, uri: string) => Promise<string>;
  /** Records an ignored finding in an ignore file; absent without a file system. */
  addIgnored?: (file: string, entry: IgnoredEntry) => { added: boolean };
  /** Where and how the server runs, for the start-up log line. */
  describe?: () => string;
}

const SERVER_VERSION = '0.1.0';

const IgnoreArgsSchema = z.tuple([z.object({
  uri: z.string(),
  entry: z.object({ file: z.string(), code: z.string(), claim: z.string().optional(), fingerprint: z.string().regex(/^[0-9a-f]{16}$/), sentence: z.string().optional() }),
})]);

// The custom requests take their params by name: jsonrpc answers positional params InvalidParams.
const DocumentEvidence = new RequestType<DocumentEvidenceParams, DocumentEvidenceResult, void>(DocumentEvidenceRequest, ParameterStructures.byName);
const ExportBibliography = new RequestType<ExportBibliographyParams, ExportBibliographyResult, void>(ExportBibliographyRequest, ParameterStructures.byName);
const Reload = new RequestType0<{ documents: number; problems: number }, void>(ReloadRequest);

export class ClaimlintServer {
  private workspace!: WorkspaceHost;
  private folders: string[] = [];
  /** Filled in by initialize; the providers read it per request. */
  private readonly caps: ClientCaps = {
    configuration: false, watchDynamic: false, configDynamic: false, markdownHover: true, markdownCompletion: true,
    documentChanges: false, snippetEdits: false, relatedInformation: false, codeDescription: false, workspaceFolders: false,
  };
  private readonly log: Logger;
  private readonly settings: DocumentSettings;
  private readonly publisher: Publisher;
  private readonly scheduler: Scheduler;
  private readonly hover: HoverProvider;
  private readonly definition: DefinitionProvider;
  private readonly codeActions: CodeActionProvider;
  private readonly completion: CompletionProvider;
  private readonly evidence: EvidenceProvider;
  private readonly shownErrors = new Set<string>();

  constructor(private readonly connection: Connection, private readonly env: ServerEnv) {
    this.log = {
      error: (m) => connection.console.error(m),
      warn: (m) => connection.console.warn(m),
      info: (m) => connection.console.info(m),
    };
    this.settings = new DocumentSettings(this.log, (uri) =>
      this.caps.configuration ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'claimlint' }) : undefined);
    this.publisher = new Publisher(connection, this.caps, env.memory ?? { spent: () => {} });
    this.scheduler = new Scheduler({
      settings: (uri) => this.settings.now(uri),
      context: (uri) => this.contextFor(uri),
      publish: (doc, a, ms) => this.publisher.analysis(doc, a, ms, this.settings.now(doc.uri).maxProblems),
      keep: (uri, text, result) => {
        const entries = this.workspace.ignoredFor?.(uriToPath(uri)) ?? [];
        return entries.length ? { ...result, findings: withoutIgnored(text, result.findings, entries) } : result;
      },
      closed: (uri) => { this.settings.forget(uri); this.publisher.closed(uri); },
      failed: (uri, e) => this.analysisFailed(uri, e),
    });
    this.hover = new HoverProvider(this.scheduler, this.caps);
    this.definition = new DefinitionProvider(this.scheduler);
    this.codeActions = new CodeActionProvider(this.scheduler, this.caps, (doc, f) => this.ignoreCommand(doc, f));
    this.completion = new CompletionProvider(this.scheduler, this.caps);
    this.evidence = new EvidenceProvider(this.scheduler, (path) => this.workspace.contextFor(path, this.settings.base), env.readFile);
  }

  listen(): void {
    const c = this.connection;
    const log = this.log;
    const docs = this.scheduler;
    // jsonrpc answers a throw or a ResponseError with an error response.
    c.onInitialize((p) => {
      const parsed = InitializeParamsSchema.safeParse(p);
      if (!parsed.success) return new ResponseError(ErrorCodes.InvalidParams, `initialize: ${describeIssues(parsed.error)}`);
      return this.initialize(parsed.data);
    });
    c.onInitialized(guardNotification('initialized', log, AnyParamsSchema, () => this.initialized()));
    c.onShutdown(() => this.shutdown());
    c.onDidChangeConfiguration(guardNotification('didChangeConfiguration', log, DidChangeConfigurationParamsSchema, (p) => this.configurationChanged(p.settings)));
    c.onDidChangeWatchedFiles(guardNotification('didChangeWatchedFiles', log, DidChangeWatchedFilesParamsSchema, (p) => this.filesChanged(p.changes.map((x) => ({ uri: x.uri, type: x.type })))));
    // Registered on the request types, not with c.onHover etc.: those wrappers read the params
    // (work-done and partial-result tokens) before any check, and throw on `params: null`.
    c.onRequest(HoverRequest.type, guardRequest('hover', log, HoverParamsSchema, (p, token) => this.hover.provideHover(p, token)));
    c.onRequest(CodeActionRequest.type, guardRequest('codeAction', log, CodeActionParamsSchema, (p, token) => this.codeActions.provideCodeActions(p, token)));
    c.onRequest(CompletionRequest.type, guardRequest('completion', log, CompletionParamsSchema, (p) => this.completion.provideCompletion(p)));
    c.onRequest(DefinitionRequest.type, guardRequest('definition', log, DefinitionParamsSchema, (p, token) => this.definition.provideDefinition(p, token)));
    c.onRequest(DocumentEvidence, guardRequest(DocumentEvidenceRequest, log, DocumentEvidenceParamsSchema, (p, token) => this.evidence.provideEvidence(p, token)));
    c.onRequest(ExportBibliography, guardRequest(ExportBibliographyRequest, log, ExportBibliographyParamsSchema, (p, token) => this.evidence.provideBibliography(p, token)));
    c.onRequest(Reload, guardRequest(ReloadRequest, log, AnyParamsSchema, () => this.reload()));
    c.onRequest(ExecuteCommandRequest.type, guardRequest('executeCommand', log, z.looseObject({ command: z.string(), arguments: z.array(z.unknown()).optional() }), (p) => this.executeCommand(p.command, p.arguments ?? [])));

    c.onDidOpenTextDocument(guardNotification('didOpen', log, DidOpenParamsSchema, ({ textDocument: d }) => docs.open(d.uri, d.languageId, d.version, d.text)));
    c.onDidChangeTextDocument(guardNotification('didChange', log, DidChangeParamsSchema, (p) => docs.change(p.textDocument.uri, p.textDocument.version, p.contentChanges.map((x) => (x.range ? { range: x.range, text: x.text } : { text: x.text })))));
    c.onDidCloseTextDocument(guardNotification('didClose', log, DidCloseParamsSchema, (p) => docs.close(p.textDocument.uri)));
    c.onDidSaveTextDocument(guardNotification('didSave', log, DidSaveParamsSchema, (p) => this.saved(p.textDocument.uri)));
    c.listen();
  }

  // ---------------------------------------------------------------- lifecycle

  private initialize(params: z.output<typeof InitializeParamsSchema>): InitializeResult {
    const cap = params.capabilities as InitializeParams['capabilities'];
    const hoverFormats = cap.textDocument?.hover?.contentFormat;
    const docFormats = cap.textDocument?.completion?.completionItem?.documentationFormat;
    Object.assign(this.caps, {
      configuration: !!cap.workspace?.configuration,
      watchDynamic: !!cap.workspace?.didChangeWatchedFiles?.dynamicRegistration,
      configDynamic: !!cap.workspace?.didChangeConfiguration?.dynamicRegistration,
      markdownHover: !hoverFormats || hoverFormats.includes(MarkupKind.Markdown),
      markdownCompletion: !docFormats || docFormats.includes(MarkupKind.Markdown),
      documentChanges: !!cap.workspace?.workspaceEdit?.documentChanges,
      snippetEdits: !!(cap.workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport,
      relatedInformation: !!cap.textDocument?.publishDiagnostics?.relatedInformation,
      codeDescription: !!cap.textDocument?.publishDiagnostics?.codeDescriptionSupport,
      workspaceFolders: !!cap.workspace?.workspaceFolders,
    } satisfies ClientCaps);
    const init = (params.initializationOptions ?? {}) as ClaimlintInitializationOptions;
    // The settings at the top level, under `claimlint` (Helix sends its `config` table) or under
    // `settings.claimlint`: clients without workspace/configuration (Neovim 0.7) have only these.
    let base = readSettings(init).settings;
    base = readSettings(init.claimlint, base).settings;
    base = readSettings(init.settings?.claimlint, base).settings;
    this.settings.base = base;
    const trusted = init.trusted !== false;

    this.folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
    if (this.folders.length === 0) {
      const root = params.rootUri ? uriToPath(params.rootUri) : params.rootPath ?? undefined;
      if (root) this.folders.push(root);
    }
    this.workspace = this.env.createWorkspace({ trusted, log: this.log, folders: () => this.folders });
    this.log.info(`claimlint: language server ${SERVER_VERSION} started${this.env.describe ? ` (${this.env.describe()})` : ''}; ${this.folders.length ? `workspace folders: ${this.folders.join(', ')}` : 'no workspace folder'}`);
    if (!trusted) this.log.info('claimlint: restricted mode (untrusted workspace): using only the embedded claims database; workspace config, claim packs and ignored findings are not read.');
    // Here, after the library's own handler (which reads the params unchecked) was registered.
    this.connection.onNotification(DidChangeWorkspaceFoldersNotification.type, guardNotification('didChangeWorkspaceFolders', this.log, DidChangeWorkspaceFoldersParamsSchema, async ({ event }) => {
      const removed = new Set(event.removed.map((f) => uriToPath(f.uri)));
      this.folders = this.folders.filter((f) => !removed.has(f));
      for (const f of event.added) { const p = uriToPath(f.uri); if (p) this.folders.push(p); }
      await this.reload();
    }));

    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        definitionProvider: true,
        completionProvider: { triggerCharacters: ['@', '^'], resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        ...(this.canIgnore ? { executeCommandProvider: { commands: [IGNORE_COMMAND] } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'claimlint', version: SERVER_VERSION },
    };
  }

  private async initialized(): Promise<void> {
    // Load and compile the embedded database and warm the engine and the hover cards before the
    // first document arrives.
    setImmediate(() => {
      try { warmUp(this.workspace.embedded()); } catch (e) { this.analysisFailed(undefined, e); }
    });
    if (this.caps.watchDynamic && this.workspace.trusted) {
      await this.connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: '**/.claimlintrc*' },
          { globPattern: '**/package.json' },
          { globPattern: '**/*.{yaml,yml,json}' },
        ],
      });
    }
    if (this.caps.configDynamic) {
      await this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'claimlint' });
    }
  }

  /** Whether the client asked the server to shut down (the exit code when its input closes). */
  shutdownRequested = false;

  private shutdown(): void {
    this.shutdownRequested = true;
    this.scheduler.shutdown();
  }

  /** Log, and tell the user once per distinct problem: a linter that silently shows nothing is worse than an error. */
  private analysisFailed(uri: string | undefined, e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    this.log.error(`claimlint: checking ${uri ?? 'the warm-up sample'} failed: ${e instanceof Error ? e.stack : message}`);
    if (this.shownErrors.has(message)) return;
    this.shownErrors.add(message);
    // A notification (window/showMessage), not showErrorMessage's request: some clients block on a request.
    void this.connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Error,
      message: `claimlint could not check documents: ${message.split('\n')[0]} (see the claimlint log)`,
    });
  }

  // ---------------------------------------------------------------- ignored findings

  /** Hiding findings needs a trusted workspace and a file system to record them in. */
  private get canIgnore(): boolean {
    return this.workspace.trusted && !!this.env.addIgnored && !!this.workspace.ignoreFileFor;
  }

  /** The "Ignore this finding here" command for a finding of a file (none for untitled documents). */
  private ignoreCommand(doc: TextDocument, f: Finding): Command | undefined {
    const path = uriToPath(doc.uri);
    if (!this.canIgnore || !path) return undefined;
    const entry = entryFor(doc.getText(), f, '');
    return { title: 'Ignore this finding here', command: IGNORE_COMMAND, arguments: [{ uri: doc.uri, entry }] };
  }

  private async executeCommand(command: string, args: unknown[]): Promise<null> {
    if (command !== IGNORE_COMMAND || !this.canIgnore) throw new ResponseError(ErrorCodes.InvalidParams, `claimlint: unknown command ${command}`);
    const parsed = IgnoreArgsSchema.safeParse(args);
    if (!parsed.success) throw new ResponseError(ErrorCodes.InvalidParams, `${IGNORE_COMMAND}: ${describeIssues(parsed.error)}`);
    const [{ uri, entry }] = parsed.data;
    const path = uriToPath(uri);
    if (!path) throw new ResponseError(ErrorCodes.InvalidParams, `${IGNORE_COMMAND}: not a file: ${uri}`);
    // The file it goes to, and the document's key in it, are the server's to decide.
    const { file, key } = this.workspace.ignoreFileFor!(path);
    const { added } = this.env.addIgnored!(file, { ...entry, file: key });
    this.log.info(`claimlint: ${added ? 'recorded' : 'already recorded'} an ignored ${entry.code} finding of ${key} in ${file}`);
    await this.reload();
    return null;
  }

  // ---------------------------------------------------------------- configuration and reloads

  private async contextFor(uri: string): Promise<DocContext> {
    const settings = await this.settings.get(uri);
    return this.workspace.contextFor(uriToPath(uri), settings);
  }

  private saved(uri: string): void {
    const path = uriToPath(uri);
    if (path && this.workspace.trusted && this.workspace.isRelevant(path)) {
      void this.reload();
      return;
    }
    this.scheduler.save(uri);
  }

  private async configurationChanged(settings: unknown): Promise<void> {
    const pushed = (settings as { claimlint?: unknown } | null)?.claimlint;
    if (pushed !== undefined && !this.caps.configuration) {
      const r = readSettings(pushed, this.settings.base);
      r.warnings.forEach((w) => this.log.warn(w));
      this.settings.base = r.settings;
    }
    this.settings.invalidate();
    await this.recheckAll();
  }

  private async filesChanged(changes: { uri: string; type: FileChangeType }[]): Promise<void> {
    if (!this.workspace.trusted) return;
    const relevant = changes.some((c) => {
      const p = uriToPath(c.uri);
      return p !== undefined && this.workspace.isRelevant(p);
    });
    if (relevant) await this.reload();
  }

  /** Reload configs and packs, publish their problems, and re-check every open document. */
  async reload(): Promise<{ documents: number; problems: number }> {
    this.workspace.invalidate();
    const n = await this.recheckAll();
    let problems = 0;
    for (const ps of this.workspace.problems().values()) problems += ps.length;
    return { documents: n, problems };
  }

  private async recheckAll(): Promise<number> {
    const uris = this.scheduler.uris();
    // Resolve every document's context first so that every pack set in use is (re)loaded
    // before problems are published.
    for (const uri of uris) {
      try { await this.contextFor(uri); } catch (e) { this.log.error(`claimlint: config for ${uri}: ${e instanceof Error ? e.message : String(e)}`); }
    }
    this.publisher.problems(this.workspace.problems());
    for (const uri of uris) this.scheduler.recheck(uri);
    return uris.length;
  }
}
