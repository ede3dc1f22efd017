/**
 * A real HTTP server on 127.0.0.1 that speaks the chat-completions route the way llama.cpp's server,
 * Ollama and vLLM do. The "model" is the test's responder: it sees each request (parsed) and picks
 * the reply, usually a fixture. Every request is recorded so tests can check what was sent.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body (or the raw string if it was not JSON). */
  body: ChatRequestBody;
}

export interface ChatRequestBody {
  model?: string;
  messages?: { role: string; content: string }[];
  temperature?: number;
  stream?: boolean;
  response_format?: { type: string };
  [key: string]: unknown;
}

/** What the server does with one request. */
export type Reply =
  | { kind: 'content'; content: string }
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'raw'; status: number; body: string; contentType?: string }
  /** Never answers (the client must time out). */
  | { kind: 'hang' }
  /** Closes the connection without an answer (a crashed server). */
  | { kind: 'drop' };

export type Responder = (request: RecordedRequest, index: number) => Reply | Promise<Reply>;

export const content = (text: string): Reply => ({ kind: 'content', content: text });
export const status = (code: number, body?: unknown, headers?: Record<string, string>): Reply => ({ kind: 'status', status: code, body, headers });
export const HANG: Reply = { kind: 'hang' };
export const DROP: Reply = { kind: 'drop' };

/** Replies in order, one per request; the last one repeats. */
export function sequence(...replies: Reply[]): Responder {
  return (_req, i) => replies[Math.min(i, replies.length - 1)]!;
}

/** The user message of a recorded chat request. */
export function userMessage(request: RecordedRequest): string {
  return request.body.messages?.find((m) => m.role === 'user')?.content ?? '';
}

/** The scanned text inside a prompt (between the prompt's markers). */
export function scannedText(request: RecordedRequest): string {
  const m = /<<<TEXT\n([\s\S]*)\nTEXT>>>/.exec(userMessage(request));
  if (!m) throw new Error('request holds no <<<TEXT block');
  return m[1]!;
}

export interface OpenAIServer {
  /** `http://127.0.0.1:<port>/v1` */
  baseURL: string;
  requests: RecordedRequest[];
  /** Replaces the responder (e.g. per test). */
  respond(responder: Responder): void;
  close(): Promise<void>;
}

export async function startOpenAIServer(responder: Responder = sequence(content('{"entities": []}'))): Promise<OpenAIServer> {
  let current = responder;
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: ChatRequestBody;
      try {
        body = JSON.parse(raw) as ChatRequestBody;
      } catch {
        body = { raw };
      }
      const recorded: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
      const index = requests.push(recorded) - 1;
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        return send(res, { kind: 'status', status: 404, body: { error: { message: 'not found' } } });
      }
      Promise.resolve(current(recorded, index)).then(
        (reply) => send(res, reply),
        () => send(res, { kind: 'status', status: 500, body: { error: { message: 'responder failed' } } }),
      );
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    respond(next) {
      current = next;
    },
    close() {
      for (const s of sockets) s.destroy(); // hanging requests keep their sockets open otherwise
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(res: ServerResponse, reply: Reply): void {
  switch (reply.kind) {
    case 'hang':
      return;
    case 'drop':
      res.socket?.destroy();
      return;
    case 'content':
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: 'chatcmpl-test',
          object: 'chat.completion',
          created: 0,
          model: 'fixture',
          choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: reply.content } }],
          usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
        }),
      );
      return;
    case 'status':
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(JSON.stringify(reply.body ?? { error: { message: `status ${reply.status}` } }));
      return;
    case 'raw':
      res.writeHead(reply.status, { 'content-type': reply.contentType ?? 'text/plain' });
      res.end(reply.body);
      return;
  }
}
