import { once } from 'node:events';
import WebSocket from 'ws';

/**
 * A session with another Node process's V8 inspector (`--inspect`): the DevTools protocol's
 * JSON messages over a WebSocket (the `ws` client; Node 20 has none without a flag). The
 * bench sends a few requests and reads their answers; it enables no domain, so no events come.
 */
export class InspectorSession {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (result: any) => void; reject: (error: Error) => void }>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => this.receive(String(data)));
    socket.on('close', () => this.failAll(new Error('The inspector closed the connection.')));
    socket.on('error', (error) => this.failAll(error));
  }

  /** Opens a session with the process whose inspector listens on `port` (127.0.0.1). */
  static async open(port: number): Promise<InspectorSession> {
    const [target] = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{ webSocketDebuggerUrl: string }>;
    const socket = new WebSocket(target.webSocketDebuggerUrl);
    await once(socket, 'open');
    return new InspectorSession(socket);
  }

  /** Sends one protocol method and waits for its answer. */
  call<T = any>(method: string, params: object = {}): Promise<T> {
    const id = this.nextId++;
    const answer = new Promise<T>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.socket.send(JSON.stringify({ id, method, params }));
    return answer;
  }

  /** A JavaScript expression's value, evaluated in the process's main context. */
  async evaluate<T>(expression: string): Promise<T> {
    const { result, exceptionDetails } = await this.call('Runtime.evaluate', { expression, returnByValue: true });
    if (exceptionDetails) throw new Error(`${expression}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  }

  close() {
    this.socket.close();
  }

  private receive(text: string) {
    const message = JSON.parse(text);
    const waiting = message.id !== undefined && this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if (message.error) waiting.reject(new Error(`${message.error.message} (${message.error.code})`));
    else waiting.resolve(message.result);
  }

  private failAll(error: Error) {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
