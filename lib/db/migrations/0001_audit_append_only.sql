-- The audit log is append-only: no UPDATE or DELETE, except the one completion of a pending entry
-- (outcome, completed_at and outcome_hash set once, every other column unchanged).
CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD.outcome = 'pending' AND NEW.outcome <> 'pending'
     AND OLD.completed_at IS NULL AND OLD.outcome_hash IS NULL
     AND (NEW.seq, NEW.at, NEW.user_id, NEW.user_email, NEW.role, NEW.provider, NEW.account,
          NEW.webhook_id, NEW.action, NEW.before, NEW.after, NEW.request_id, NEW.ip,
          NEW.user_agent, NEW.prev_hash, NEW.hash)
         IS NOT DISTINCT FROM
         (OLD.seq, OLD.at, OLD.user_id, OLD.user_email, OLD.role, OLD.provider, OLD.account,
          OLD.webhook_id, OLD.action, OLD.before, OLD.after, OLD.request_id, OLD.ip,
          OLD.user_agent, OLD.prev_hash, OLD.hash)
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_guard();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_guard();
