import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedCall {
  readonly webhookId: string;
  readonly verified: boolean;
  readonly body: unknown;
}

/**
 * A real HTTP receiver of signed webhooks: verifies each call with the independent `standardwebhooks`
 * package, records it, and answers what `respond` says (status, optional delay and headers).
 */
export class WebhookReceiver {
  readonly calls: ReceivedCall[] = [];
  /** Every request as it arrived (the Standard Webhooks headers and the body), to verify with other secrets. */
  readonly requests: { readonly headers: Record<string, string>; readonly body: string }[] = [];
  private server: Server | undefined;
  respond: (
    call: ReceivedCall,
    index: number,
  ) => { status: number; delayMs?: number; headers?: Record<string, string> } = () => ({ status: 204 });

  constructor(private readonly secret: string) {}

  get url(): string {
    const address = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}/hooks`;
  }

  /** Distinct webhook ids that were verified. */
  get uniqueIds(): Set<string> {
    return new Set(this.calls.filter((c) => c.verified).map((c) => c.webhookId));
  }

  async start(port = 0): Promise<void> {
    this.server = createServer((req, res) => {
      void readBody(req).then(async (body) => {
        const headers = {
          'webhook-id': String(req.headers['webhook-id'] ?? ''),
          'webhook-timestamp': String(req.headers['webhook-timestamp'] ?? ''),
          'webhook-signature': String(req.headers['webhook-signature'] ?? ''),
        };
        this.requests.push({ headers, body });
        let verified: boolean;
        let parsed: unknown = undefined;
        try {
          parsed = new Webhook(this.secret).verify(body, headers);
          verified = true;
        } catch {
          verified = false;
        }
        const call = { webhookId: headers['webhook-id'], verified, body: parsed };
        this.calls.push(call);
        const answer = verified ? this.respond(call, this.calls.length - 1) : { status: 401 };
        if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
        res.writeHead(answer.status, answer.headers ?? {});
        res.end(`status ${answer.status}`);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
