/**
 * Every page and every GET route of the console, once each, as a day of use would load them. Next
 * loads a route's code on its first request (`preloadEntriesOnStart: false`), so a console that
 * has served every page holds more than one that has served only the list: the bench shows its
 * memory after this too, for context (issue 11's target is the list's).
 */
import { request } from "undici";

const ACCOUNTS = ["/conekta/default", "/razorpay/acc_Ha6Vb2QzPQ9x1K"];

/** The id of the first item of a GET route's page (`{ data: [{ id }] }`). */
async function firstId(origin: string, cookie: string, path: string): Promise<string> {
  const { statusCode, body } = await request(`${origin}${path}`, { headers: { cookie } });
  const id = ((await body.json()) as { data?: { id: string }[] }).data?.[0]?.id;
  if (statusCode !== 200 || !id) throw new Error(`the tour's GET ${path}: HTTP ${statusCode}`);
  return id;
}

/** Loads each page and GET route once, as `cookie`'s user (an admin sees every page). */
export async function tourEveryRoute(origin: string, cookie: string): Promise<number> {
  const userId = await firstId(origin, cookie, "/api/users");
  const paths = [
    "/",
    "/accounts",
    "/audit",
    "/users",
    `/users/${userId}`,
    "/account/password",
    "/sign-in",
    "/conekta",
  ];
  for (const account of ACCOUNTS) {
    const id = encodeURIComponent(await firstId(origin, cookie, `/api${account}/webhooks?limit=1`));
    paths.push(
      `${account}/webhooks`,
      `${account}/webhooks/new`,
      `${account}/webhooks/${id}`,
      `/api${account}/webhooks/${id}`,
      `/api${account}/webhooks/${id}/pings`,
    );
  }
  paths.push(
    "/api/me",
    "/api/audit",
    "/api/audit.csv",
    "/api/users",
    `/api/users/${userId}`,
    "/api/conekta/accounts",
    "/api/razorpay/accounts",
    "/api/conekta/events",
    "/api/razorpay/events",
  );
  for (const path of paths) {
    const reply = await request(`${origin}${path}`, { headers: { cookie } });
    await reply.body.dump();
    // A page may send a signed-in user on (307); anything else but a 200 means the tour is wrong.
    if (reply.statusCode !== 200 && reply.statusCode !== 307)
      throw new Error(`the tour's GET ${path}: HTTP ${reply.statusCode}`);
  }
  return paths.length;
}
