/**
 * Every page and every GET route of the console, once each, as a day of use would load them. Next
 * loads a route's code on its first request (`preloadEntriesOnStart: false`), so a console that
 * has served every page holds more than one that has served only the list: the bench shows its
 * memory after this too, for context (issue 11's target is the list's).
 */
import { request } from "undici";

const CONEKTA = "/conekta/default";
const RAZORPAY = "/razorpay/acc_Ha6Vb2QzPQ9x1K";

/** The first webhook of an account's list, for its edit page and its routes. */
async function firstWebhookId(origin: string, cookie: string, account: string): Promise<string> {
  const { statusCode, body } = await request(`${origin}/api${account}/webhooks?limit=1`, {
    headers: { cookie },
  });
  const reply = (await body.json()) as { data?: { id: string }[] };
  const id = reply.data?.[0]?.id;
  if (statusCode !== 200 || !id) throw new Error(`GET /api${account}/webhooks: HTTP ${statusCode}`);
  return id;
}

/** Loads each page and GET route once, as `cookie`'s user (an admin sees every page). */
export async function tourEveryRoute(origin: string, cookie: string): Promise<number> {
  const conektaId = await firstWebhookId(origin, cookie, CONEKTA);
  const razorpayId = await firstWebhookId(origin, cookie, RAZORPAY);
  const { statusCode, body } = await request(`${origin}/api/users`, {
    headers: { cookie },
  });
  const userId = ((await body.json()) as { data?: { id: string }[] }).data?.[0]?.id;
  if (statusCode !== 200 || !userId) throw new Error(`GET /api/users: HTTP ${statusCode}`);

  const paths = [
    "/",
    "/accounts",
    "/audit",
    "/users",
    `/users/${userId}`,
    "/account/password",
    "/sign-in",
    "/conekta",
    ...[CONEKTA, RAZORPAY].flatMap((account, i) => {
      const id = encodeURIComponent(i === 0 ? conektaId : razorpayId);
      return [
        `${account}/webhooks`,
        `${account}/webhooks/new`,
        `${account}/webhooks/${id}`,
        `/api${account}/webhooks/${id}`,
        `/api${account}/webhooks/${id}/pings`,
      ];
    }),
    "/api/me",
    "/api/audit",
    "/api/audit.csv",
    "/api/users",
    `/api/users/${userId}`,
    "/api/conekta/accounts",
    "/api/razorpay/accounts",
    "/api/conekta/events",
    "/api/razorpay/events",
  ];
  for (const path of paths) {
    const reply = await request(`${origin}${path}`, { headers: { cookie } });
    await reply.body.dump();
    // A page may send a signed-in user on (307); anything else but a 200 means the tour is wrong.
    if (reply.statusCode !== 200 && reply.statusCode !== 307)
      throw new Error(`the tour's GET ${path}: HTTP ${reply.statusCode}`);
  }
  return paths.length;
}
