-- Every write that could change what an instance keeps in its read cache (lib/db/invalidation.ts)
-- announces itself on the `console_cache` channel, from any code path and any process: a signed-out,
-- refreshed or deleted session, a user's role, disabled flag, password or grants, a ping recorded,
-- a count stored or forgotten. The payload names what to evict; PostgreSQL sends it on commit (and
-- folds repeats within one transaction), so a rolled-back write evicts nothing.
CREATE FUNCTION console_cache_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  IF TG_LEVEL = 'STATEMENT' THEN
    PERFORM pg_notify('console_cache', '*');
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  IF TG_TABLE_NAME = 'user' THEN
    PERFORM pg_notify('console_cache', 'user:' || r.id);
  ELSIF TG_TABLE_NAME IN ('session', 'account', 'account_grant') THEN
    PERFORM pg_notify('console_cache', 'user:' || r.user_id);
    -- A row moved to another user (never done, but cheap to cover) evicts the old one too.
    IF TG_OP = 'UPDATE' AND OLD.user_id IS DISTINCT FROM NEW.user_id THEN
      PERFORM pg_notify('console_cache', 'user:' || OLD.user_id);
    END IF;
  ELSIF TG_TABLE_NAME = 'ping_result' THEN
    PERFORM pg_notify('console_cache', 'ping:' || r.provider || '/' || r.account || '/' || r.webhook_id);
  ELSIF TG_TABLE_NAME = 'webhook_count' THEN
    PERFORM pg_notify('console_cache', 'count:' || r.provider || '/' || r.account);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER user_cache_notify AFTER INSERT OR UPDATE OR DELETE ON "user"
  FOR EACH ROW EXECUTE FUNCTION console_cache_notify();
--> statement-breakpoint
CREATE TRIGGER session_cache_notify AFTER UPDATE OR DELETE ON "session"
  FOR EACH ROW EXECUTE FUNCTION console_cache_notify();
--> statement-breakpoint
CREATE TRIGGER account_cache_notify AFTER INSERT OR UPDATE OR DELETE ON "account"
  FOR EACH ROW EXECUTE FUNCTION console_cache_notify();
--> statement-breakpoint
CREATE TRIGGER account_grant_cache_notify AFTER INSERT OR UPDATE OR DELETE ON "account_grant"
  FOR EACH ROW EXECUTE FUNCTION console_cache_notify();
--> statement-breakpoint
CREATE TRIGGER ping_result_cache_notify AFTER INSERT OR UPDATE OR DELETE ON "ping_result"
  FOR EACH ROW EXECUTE FUNCTION console_cache_notify();
--> statement-breakpoint
CREATE TRIGGER webhook_count_cache_notify AFTER INSERT OR UPDATE OR DELETE ON "webhook_count"
  FOR EACH ROW EXECUTE FUNCTION console_cache_notify();
--> statement-breakpoint
CREATE TRIGGER user_cache_notify_truncate AFTER TRUNCATE ON "user"
  FOR EACH STATEMENT EXECUTE FUNCTION console_cache_notify();
--> statement-breakpoint
CREATE TRIGGER session_cache_notify_truncate AFTER TRUNCATE ON "session"
  FOR EACH STATEMENT EXECUTE FUNCTION console_cache_notify();
--> statement-breakpoint
CREATE TRIGGER account_cache_notify_truncate AFTER TRUNCATE ON "account"
  FOR EACH STATEMENT EXECUTE FUNCTION console_cache_notify();
--> statement-breakpoint
CREATE TRIGGER account_grant_cache_notify_truncate AFTER TRUNCATE ON "account_grant"
  FOR EACH STATEMENT EXECUTE FUNCTION console_cache_notify();
--> statement-breakpoint
CREATE TRIGGER ping_result_cache_notify_truncate AFTER TRUNCATE ON "ping_result"
  FOR EACH STATEMENT EXECUTE FUNCTION console_cache_notify();
--> statement-breakpoint
CREATE TRIGGER webhook_count_cache_notify_truncate AFTER TRUNCATE ON "webhook_count"
  FOR EACH STATEMENT EXECUTE FUNCTION console_cache_notify();
