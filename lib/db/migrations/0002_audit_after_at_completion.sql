-- The completion of a pending entry also writes its `after` (the provider's reply is only known
-- then): allowed once, from NULL. Every column fixed at insert stays as it was; outcome_hash seals
-- what the completion wrote (lib/audit/hash.ts).
CREATE OR REPLACE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD.outcome = 'pending' AND NEW.outcome <> 'pending'
     AND OLD.completed_at IS NULL AND OLD.outcome_hash IS NULL AND OLD.after IS NULL
     AND (NEW.seq, NEW.at, NEW.user_id, NEW.user_email, NEW.role, NEW.provider, NEW.account,
          NEW.webhook_id, NEW.action, NEW.before, NEW.request_id, NEW.ip,
          NEW.user_agent, NEW.prev_hash, NEW.hash)
         IS NOT DISTINCT FROM
         (OLD.seq, OLD.at, OLD.user_id, OLD.user_email, OLD.role, OLD.provider, OLD.account,
          OLD.webhook_id, OLD.action, OLD.before, OLD.request_id, OLD.ip,
          OLD.user_agent, OLD.prev_hash, OLD.hash)
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
