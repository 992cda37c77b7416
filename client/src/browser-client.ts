// The language client of the web extension (vscode.dev, github.dev): the server runs in a web
// worker (dist/web/server.js) and speaks LSP over postMessage.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { CLIENT_ID, clientOptions } from './client.js';

// The DOM's Worker (this project compiles without the DOM library; the web extension host has it).
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

export function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const main = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  const worker = new Worker(main.toString(true));
  return new LanguageClient(CLIENT_ID, 'claimlint', clientOptions(context, output), worker);
}
