import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { request } from 'node:http';
import type { FakeDiscord } from '../fake-discord/index.js';

/** A key pair like the one Discord shows as "Public Key", made for the test. */
export function makeKeys(): { privateKey: KeyObject; publicKeyHex: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return { privateKey, publicKeyHex: der.subarray(der.length - 32).toString('hex') };
}

export function signed(privateKey: KeyObject, body: string, timestamp = String(Math.floor(Date.now() / 1000))) {
  return { 'x-signature-ed25519': sign(null, Buffer.from(timestamp + body), privateKey).toString('hex'), 'x-signature-timestamp': timestamp };
}

export function post(port: number, body: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/interactions', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += String(d)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Discord's side of HTTP interactions, for tests: signs each interaction, sends it to the
 * replicas in turn (skipping one that refuses connections, as a load balancer would), and
 * hands the HTTP response to the fake's callback route so it is validated like any reply.
 */
export function signingTransport(fake: FakeDiscord, privateKey: KeyObject, ports: () => number[]) {
  let turn = 0;
  const served = new Map<number, number>();
  const lost: string[] = [];
  const inFlight = new Map<number, Set<string>>();
  const sent = new Map<number, Set<string>>();
  const deliver = async (payload: Record<string, unknown>) => {
    const body = JSON.stringify(payload);
    const candidates = ports();
    for (let attempt = 0; attempt < candidates.length; attempt++) {
      const port = candidates[turn++ % candidates.length]!;
      let res: { status: number; body: string };
      const pending = inFlight.get(port) ?? inFlight.set(port, new Set()).get(port)!;
      pending.add(String(payload.id));
      (sent.get(port) ?? sent.set(port, new Set()).get(port)!).add(String(payload.id));
      try {
        res = await post(port, body, signed(privateKey, body));
        pending.delete(String(payload.id));
      } catch (err) {
        pending.delete(String(payload.id));
        // Refused: that replica is down, try the next. Cut mid-request: that request is lost.
        if ((err as NodeJS.ErrnoException).code === 'ECONNREFUSED') continue;
        lost.push(String(payload.id));
        return;
      }
      served.set(port, (served.get(port) ?? 0) + 1);
      if (res.status !== 200) {
        lost.push(String(payload.id));
        return;
      }
      await fetch(`${fake.apiUrl}/v10/interactions/${String(payload.id)}/${String(payload.token)}/callback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: res.body,
      });
      return;
    }
    lost.push(String(payload.id));
  };
  return {
    transport: (payload: Record<string, unknown>) => void deliver(payload).catch(() => lost.push(String(payload.id))),
    served,
    lost,
    /** The interactions sent to this replica and not yet answered by it. */
    inFlightOn: (port: number) => new Set(inFlight.get(port) ?? []),
    /** Every interaction this replica was sent. */
    sentTo: (port: number) => new Set(sent.get(port) ?? []),
  };
}
