import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** FakePay's API, in memory on loopback: `/hooks` with a bearer key, one account `main`. */
export interface FakeHook {
  id: string;
  url: string;
  topics: string[];
}

export interface FakepayServer {
  url: string;
  hooks: Map<string, FakeHook>;
  /** Every request it got, as `METHOD /path`. */
  seen: string[];
  close(): Promise<void>;
}

export async function startFakepay(apiKey: string): Promise<FakepayServer> {
  const hooks = new Map<string, FakeHook>();
  const seen: string[] = [];
  let serial = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://fakepay");
      seen.push(`${req.method} ${url.pathname}`);
      const reply = (status: number, body?: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(body === undefined ? "" : JSON.stringify(body));
      };
      if (req.headers.authorization !== `Bearer ${apiKey}`) return reply(401, { fault: "bad key" });
      const body = chunks.length
        ? (JSON.parse(Buffer.concat(chunks).toString()) as Partial<FakeHook>)
        : {};
      const [, collection, id, verb] = url.pathname.split("/");
      if (collection !== "hooks") return reply(404, { fault: "no such path" });
      const hook = id ? hooks.get(id) : undefined;
      if (id && !hook) return reply(404, { fault: "no such hook" });
      if (!id && req.method === "GET") {
        const search = url.searchParams.get("search") ?? "";
        return reply(200, { hooks: [...hooks.values()].filter((h) => h.url.includes(search)) });
      }
      if (!id && req.method === "POST") {
        serial += 1;
        const created = { id: `hk_${serial}`, url: body.url ?? "", topics: body.topics ?? [] };
        hooks.set(created.id, created);
        return reply(201, created);
      }
      if (hook && verb === "ping" && req.method === "POST") return reply(200, { answered: 204 });
      if (hook && req.method === "GET") return reply(200, hook);
      if (hook && req.method === "PATCH") {
        const updated = { ...hook, ...body, id: hook.id };
        hooks.set(hook.id, updated);
        return reply(200, updated);
      }
      if (hook && req.method === "DELETE") {
        hooks.delete(hook.id);
        return reply(204);
      }
      reply(405, { fault: "no such verb" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hooks,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
