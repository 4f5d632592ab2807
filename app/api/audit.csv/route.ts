import { exportAuditCsv } from "@/lib/audit/csv";
import { auditFilterSchema } from "@/lib/audit/filters";
import { noParams } from "@/lib/http/params";
import { parseQuery, route } from "@/lib/http/route";

// GET /api/audit.csv?account=&user=&action=&from=&to=&outcome=&webhook=: the matching entries as CSV
export const GET = route(noParams, { permission: "audit:read" }, async ({ req, user }) => {
  const stream = await exportAuditCsv(user, parseQuery(req, auditFilterSchema));
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-log-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
});
