import { auditQuerySchema } from "@/lib/audit/filters";
import { listAuditEntries } from "@/lib/audit/query";
import { noParams } from "@/lib/http/params";
import { parseQuery, route } from "@/lib/http/route";

// GET /api/audit?account=&user=&action=&from=&to=&outcome=&webhook=&cursor=: a page of entries, newest first
export const GET = route(noParams, { permission: "audit:read" }, ({ req, user }) => {
  const { cursor, ...filter } = parseQuery(req, auditQuerySchema);
  return listAuditEntries(user, filter, cursor);
});
